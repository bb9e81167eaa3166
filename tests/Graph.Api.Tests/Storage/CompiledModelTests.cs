using Graph.Api.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Graph.Api.Tests.Storage;

/// <summary>
/// The service uses the store's model compiled ahead of time (Storage/CompiledModel); it must be the
/// model that GraphDbContext.OnModelCreating builds, or a change to the rows would be silently ignored.
/// When this fails, run the command in the README's "Changing the store's model".
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_is_the_model_the_context_builds()
    {
        using var built = new GraphDbContext(new DbContextOptionsBuilder<GraphDbContext>().UseInMemoryDatabase("built").Options);
        using var compiled = new GraphDbContext(new DbContextOptionsBuilder<GraphDbContext>().UseInMemoryDatabase("compiled")
            .UseModel(Api.Storage.CompiledModel.GraphDbContextModel.Instance).Options);

        var expected = built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
        Assert.Contains("RelationshipRecord", expected, StringComparison.Ordinal);
        Assert.Equal(expected, compiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault));
    }
}
