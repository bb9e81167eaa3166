using System.Diagnostics;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The service as its own process (the build next to this one's configuration): a seed it cannot load,
/// or a setting out of range, must end the process with exit code 1 and say why, so that whatever
/// supervises it sees a failed start and its operator the reason.
/// </summary>
public sealed class StartupExitCodeTests
{
    // How a stack trace's lines begin, in the console log's indentation or the runtime's own.
    private const string StackFrame = "   at ";

    [Fact]
    public async Task A_seed_that_fails_its_checks_ends_the_process_with_exit_code_1()
    {
        using var seed = new RefusedSeedFile();

        var (exitCode, output) = await RunServiceAsync("Graph__Seed__Path", seed.Path);

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains($"No entity has the id '{RefusedSeedFile.MissingEntity}'", output, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_seed_is_reported_with_every_problem_found_and_no_stack_trace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"graph-three-problems-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {"entities":[{"id":"doc","kind":"DOCUMENT","name":"A document"},{"id":"a","kind":"COUNTRY","name":"A"}],
             "relationships":[
               {"id":"r1","type":"DIPLOMATIC_RELATIONS","from":"a","to":"gone","sources":[{"document":"doc","paragraph":1}]},
               {"id":"r2","type":"NO_SUCH_TYPE","from":"a","to":"doc","sources":[{"document":"doc","paragraph":1}]},
               {"id":"r3","type":"DIPLOMATIC_RELATIONS","from":"a","to":"doc"}]}
            """);
        try
        {
            var (exitCode, output) = await RunServiceAsync("Graph__Seed__Path", path);

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            Assert.Contains($"The seed file {path} was not loaded", output, StringComparison.Ordinal);
            foreach (var problem in new[] { "relationships[0].to: ", "relationships[1].type: ", "relationships[2].sources: " })
                Assert.Contains(problem, output, StringComparison.Ordinal);
            Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("no such file", "there is no such file.")]
    [InlineData("a folder", "it is a folder, not a file.")]
    public async Task A_seed_path_that_is_no_file_ends_the_process_with_exit_code_1_saying_so(string what, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"graph-no-seed-{Guid.NewGuid():N}.json");
        if (what == "a folder") Directory.CreateDirectory(path);
        try
        {
            var (exitCode, output) = await RunServiceAsync("Graph__Seed__Path", path);

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            Assert.Contains($"The seed file {path} was not loaded, so the service stops: {reason}", output, StringComparison.Ordinal);
            Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(path)) Directory.Delete(path);
        }
    }

    /// <summary>Not an abort (exit code 134) with a stack trace: one line names the setting.</summary>
    [Theory]
    [InlineData("Graph__Seed__SaveBatchRows", "0", "SaveBatchRows")]
    [InlineData("Graph__Seed__SaveBatchRows", "-3", "SaveBatchRows")]
    [InlineData("Graph__Limits__MaxDepth", "0", "MaxDepth")]
    [InlineData("Graph__Caching__MaxAgeSeconds", "-1", "MaxAgeSeconds")]
    [InlineData("Graph__Caching__AnswerCacheMiB", "-1", "AnswerCacheMiB")]
    [InlineData("Graph__Caching__MaxCachedAnswerKiB", "0", "MaxCachedAnswerKiB")]
    [InlineData("Graph__Metrics__Path", "metrics", "Graph:Metrics:Path")]
    [InlineData("Graph__Cors__AllowedOrigins__0", "*", "AllowedOrigins")]
    // Not of the setting's type at all.
    [InlineData("Graph__Limits__MaxBodyBytes", "abc", "MaxBodyBytes")]
    [InlineData("Graph__Limits__Introspection", "maybe", "Introspection")]
    [InlineData("Graph__Proxies__Trusted__0", "proxy.example.org", "proxy.example.org")]
    [InlineData("Graph__PersistedQueries__OnlyTrustedDocuments", "true", "Graph:PersistedQueries:DocumentsPath")]
    [InlineData("Graph__PersistedQueries__DocumentsPath", "no-such-documents.json", "Graph:PersistedQueries:DocumentsPath")]
    public async Task A_setting_out_of_range_ends_the_process_with_exit_code_1_naming_it(string variable, string value, string setting)
    {
        var (exitCode, output) = await RunServiceAsync(variable, value);

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        var reason = output.Split('\n').SingleOrDefault(line => line.StartsWith("The service did not start: ", StringComparison.Ordinal));
        Assert.NotNull(reason);
        Assert.Contains(setting, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "0000000000000000000000000000000000000000000000000000000000000000": "{ __typename }" }""", "is not the SHA-256 of its text")]
    [InlineData("""{ "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38": 7 }""", "cannot be read")]
    [InlineData("""[ "{__typename}" ]""", "cannot be read")]
    public async Task A_trusted_documents_file_that_cannot_be_used_ends_the_process_with_exit_code_1_saying_why(string contents, string said)
    {
        var file = Path.Combine(Path.GetTempPath(), $"graph-documents-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, contents);

            var (exitCode, output) = await RunServiceAsync("Graph__PersistedQueries__DocumentsPath", file);

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            var reason = output.Split('\n').SingleOrDefault(line => line.StartsWith("The service did not start: ", StringComparison.Ordinal));
            Assert.NotNull(reason);
            Assert.Contains(said, reason, StringComparison.Ordinal);
            Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_settings_file_that_is_not_json_ends_the_process_with_exit_code_1_in_one_line()
    {
        // A content root of its own, whose appsettings.json an edit left unclosed.
        var folder = Directory.CreateTempSubdirectory("graph-settings-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "appsettings.json"), """{ "Graph": { "Limits": { "MaxDepth": 5, } """);

            var (exitCode, output) = await RunServiceAsync("ASPNETCORE_CONTENTROOT", folder.FullName);

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            var reason = output.Split('\n').SingleOrDefault(line => line.StartsWith("The service did not start: ", StringComparison.Ordinal));
            Assert.NotNull(reason);
            Assert.Contains("appsettings.json", reason, StringComparison.Ordinal);
            Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_address_already_in_use_ends_the_process_with_exit_code_1_in_one_line()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output) = await RunServiceAsync("Graph__Seed__Enabled", "true", address);

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        var reason = output.Split('\n').SingleOrDefault(line => line.StartsWith("The service did not start: ", StringComparison.Ordinal));
        Assert.NotNull(reason);
        Assert.Contains(address, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunServiceAsync(string variable, string value, string urls = "http://127.0.0.1:0")
    {
        var service = ServiceBuild.Path;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { service, "--urls", urls },
            WorkingDirectory = Path.GetDirectoryName(service),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[variable] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
