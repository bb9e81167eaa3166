using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

public sealed class EntityNamesTests
{
    [Fact]
    public void Each_entity_gets_its_own_names_in_the_order_given_and_an_entity_without_names_none()
    {
        // Entities 0 to 4: 1 and 4 have no names; 2 has three, given apart from each other.
        var names = new EntityNames(5, [2, 0, 2, 3, 2], ["b1", "a1", "b2", "c1", "b3"]);

        Assert.Equal(5, names.EntityCount);
        Assert.Equal(["a1"], names.Of(0).ToArray());
        Assert.Empty(names.Of(1).ToArray());
        Assert.Equal(["b1", "b2", "b3"], names.Of(2).ToArray());
        Assert.Equal(["c1"], names.Of(3).ToArray());
        Assert.Empty(names.Of(4).ToArray());
        Assert.Empty(names.Of(5).ToArray());
        Assert.Empty(names.Of(-1).ToArray());
    }
}
