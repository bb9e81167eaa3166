using System.Diagnostics;
using Graph.Api.Tests.Schema;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The service as its own process (the build next to this one's configuration): a seed it cannot load
/// must end the process with a failing exit code, so that whatever supervises it sees a failed start.
/// </summary>
public sealed class StartupExitCodeTests
{
    [Fact]
    public async Task A_seed_that_fails_its_checks_ends_the_process_with_exit_code_1()
    {
        using var seed = new RefusedSeedFile();
        var service = ServiceBuild();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { service, "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = Path.GetDirectoryName(service),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Graph__Seed__Path"] = seed.Path;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"No entity has the id '{RefusedSeedFile.MissingEntity}'", await output + await errors, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Graph.Api.dll as built for the same configuration as these tests (Debug or Release).</summary>
    private static string ServiceBuild()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (tests.Name, tests.Parent!.Name);
        var service = Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "Graph.Api", "bin", configuration, framework, "Graph.Api.dll");
        return File.Exists(service) ? service : throw new FileNotFoundException("The service's build was not found next to the tests'.", service);
    }
}
