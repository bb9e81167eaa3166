using Microsoft.Extensions.FileProviders;

namespace Graph.Api.Ide;

/// <summary>
/// Finds the npm packages the build installed: under the content root when run from the project
/// (dotnet run, tests), else next to the binaries where the build copied them.
/// </summary>
internal static class ClientPackages
{
    public static IFileProvider Folder(IWebHostEnvironment environment, string package)
    {
        foreach (var root in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            var folder = Path.Combine([root, "client", "node_modules", .. package.Split('/')]);
            if (Directory.Exists(folder)) return new PhysicalFileProvider(folder);
        }

        throw new InvalidOperationException($"The npm package '{package}' is not installed; build the project (it runs npm ci in src/Graph.Api/client).");
    }
}
