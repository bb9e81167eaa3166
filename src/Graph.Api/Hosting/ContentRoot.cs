namespace Graph.Api.Hosting;

/// <summary>
/// The service's content root: the folder it lies in, where its own files are (its settings, pages and the
/// IDE's package). Left at the working folder, a start from elsewhere (`out/Graph.Api` from the repository,
/// a systemd unit without a WorkingDirectory) served neither the landing page nor the explorer and ran
/// without appsettings.json. A content root given on the command line or in the environment (as the tests'
/// host gives one) still wins.
/// </summary>
internal static class ContentRoot
{
    public static string? For(string[] args)
    {
        var given = args.Any(arg => arg.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        return given ? null : AppContext.BaseDirectory;
    }
}
