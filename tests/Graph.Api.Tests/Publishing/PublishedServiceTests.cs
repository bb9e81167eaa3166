using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Graph.Api.Tests.Schema;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Publishing;

/// <summary>
/// What `dotnet publish -r linux-x64` makes (README, "Publishing"), for this machine's platform: the
/// service with the runtime, compiled ahead of time into one composite image, started as its own
/// executable, must become ready with the seed graph, answer a query and serve the IDE, the
/// explorer's library, whose npm files a publish must copy, and every module of the explorer's page.
/// </summary>
[Collection(PublishingTests.Name)]
public sealed partial class PublishedServiceTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string work = Directory.CreateTempSubdirectory("graph-publish-").FullName;

    [Fact]
    [Trait("Category", "Publish")]
    public async Task The_published_service_starts_by_itself_and_serves_the_seed_graph_and_its_pages()
    {
        var folder = await PublishAsync();
        Assert.True(File.Exists(Path.Combine(folder, "Graph.Api.r2r.dll")), "The publish has no composite ReadyToRun image.");
        Assert.True(File.Exists(Path.Combine(folder, "libcoreclr.so")), "The publish does not carry its runtime.");

        using var service = await RunningService.StartAsync(Path.Combine(folder, "Graph.Api"), StartTimeout);
        using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(30) };
        await http.WaitUntilReadyAsync(StartTimeout, () => service.Process.HasExited);

        var data = await new GraphQLClient(http).QueryAsync(
            "{ shortestPath(from: \"xi-jinping\", to: \"china-belarus-industrial-park\") { length entities { id } } }");
        var path = data["shortestPath"]!;
        Assert.Equal("xi-jinping", path["entities"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("china-belarus-industrial-park", path["entities"]!.AsArray()[^1]!["id"]!.GetValue<string>());

        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        ide.Headers.Accept.ParseAdd("text/html");
        using var page = await http.SendAsync(ide);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var library = await http.GetAsync("/explorer/lib/cytoscape.min.js");
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);

        // The explorer's modules, followed from its entry through their imports: one a publish left out would leave
        // the page blank, with nothing but a browser's console to say why.
        var modules = new Queue<string>(["explorer.js"]);
        var served = new HashSet<string>(StringComparer.Ordinal);
        while (served.Count < 100 && modules.TryDequeue(out var module))
        {
            if (!served.Add(module)) continue;
            using var response = await http.GetAsync($"/explorer/{module}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/explorer/{module}: {response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            foreach (Match import in ModuleImport().Matches(await response.Content.ReadAsStringAsync())) modules.Enqueue(import.Groups[1].Value);
        }

        Assert.Contains("queries.js", served);
        Assert.True(served.Count >= 10, string.Join(", ", served));
    }

    /// <summary>An import of one of the explorer's own modules, as they are written: <c>import { a } from './a.js';</c>.</summary>
    [GeneratedRegex(@"^import (?:[^'\n]* from )?'\./([a-z-]+\.js)';$", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();

    /// <summary>
    /// Publishes a copy of the service's sources, so the build the other tests run from is left alone, and
    /// without build servers, so nothing it starts outlives it.
    /// </summary>
    private async Task<string> PublishAsync()
    {
        var sources = Path.Combine(work, "sources");
        CopySources(SchemaContractTests.RepositoryRoot(), sources);
        var folder = Path.Combine(work, "out");
        var publish = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", Path.Combine(sources, "src", "Graph.Api", "Graph.Api.csproj"),
                "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", folder, "--nologo", "--disable-build-servers",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's own MSBuild settings would point the child at the wrong SDK pieces.
        foreach (var name in publish.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            publish.Environment.Remove(name);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        if (process.ExitCode != 0)
        {
            // Its output ends when the last process holding it does, so it is read only on failure, and for a bounded time:
            // a build node outliving the publish would keep it open.
            string written;
            try
            {
                written = string.Join("\n", await Task.WhenAll(output, errors).WaitAsync(TimeSpan.FromMinutes(1)));
            }
            catch (TimeoutException)
            {
                written = "(its output was still open a minute after it exited)";
            }

            Assert.Fail($"dotnet publish failed ({process.ExitCode}):\n{written}");
        }

        return folder;
    }

    /// <summary>
    /// What building the service reads: the build settings, the seed, and the project without its build
    /// output. The installed npm packages keep their times, so the build sees them as up to date.
    /// </summary>
    private static void CopySources(string root, string target)
    {
        string[] settings = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"];
        foreach (var file in settings) CopyFile(Path.Combine(root, file), Path.Combine(target, file));
        CopyTree(Path.Combine(root, "seed"), Path.Combine(target, "seed"), skip: []);
        CopyTree(Path.Combine(root, "src", "Graph.Api"), Path.Combine(target, "src", "Graph.Api"), skip: ["bin", "obj"]);
    }

    private static void CopyTree(string from, string to, string[] skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip.Contains(relative.Split(Path.DirectorySeparatorChar)[0])) continue;
            CopyFile(file, Path.Combine(to, relative));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(from));
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}

/// <summary>Publishing compiles on both cores for minutes: it runs alone, after the other tests, so it slows none of them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishingTests
{
    public const string Name = "publishing";
}
