using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Api.Tests.Support;

/// <summary>
/// The service started as an executable of its own on a free loopback port. Its output is read to the end
/// (a full pipe would stall its logging), and disposing stops it by its process id.
/// </summary>
public sealed partial class RunningService : IDisposable
{
    private readonly StringBuilder output = new();

    private RunningService(Process process) => Process = process;

    public Process Process { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>What the service has written so far, its standard output and error together.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>
    /// A published executable, or with <paramref name="assembly"/> a build's Graph.Api.dll run by <paramref name="executable"/> (dotnet);
    /// <paramref name="environment"/> adds to or overrides the variables it inherits. It runs in its own folder unless
    /// <paramref name="workingDirectory"/> names another.
    /// </summary>
    public static async Task<RunningService> StartAsync(
        string executable, TimeSpan timeout, string? assembly = null, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(assembly ?? executable),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        if (assembly is not null) start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        var service = new RunningService(Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start."));
        try
        {
            service.Address = await service.ListeningAddressAsync(timeout);
            _ = service.KeepAsync(service.Process.StandardOutput);
            _ = service.KeepAsync(service.Process.StandardError);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    private async Task<Uri> ListeningAddressAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await Process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            lock (output) output.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } match) return new Uri(match.Groups[1].Value);
        }

        throw new Xunit.Sdk.XunitException($"The service stopped before it listened:\n{output}{await Process.StandardError.ReadToEndAsync(cancel.Token)}");
    }

    /// <summary>Waits until the service's output holds <paramref name="fragment"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(fragment, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The service did not write \"{fragment}\" within {timeout.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Reads a stream of the service's output to its end, keeping each line.</summary>
    private async Task KeepAsync(StreamReader stream)
    {
        while (await stream.ReadLineAsync() is { } line)
        {
            lock (output) output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        Process.Dispose();
    }
}
