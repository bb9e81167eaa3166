using Graph.Api.Endpoint;
using Graph.Api.Explorer;
using Graph.Api.Ide;
using Graph.Api.Import;
using Graph.Api.Storage;
using Microsoft.Extensions.Options;

// The service's own files (its settings, pages and the IDE's package) lie beside it. With the content root left
// at the working folder, a start from elsewhere (`out/Graph.Api` from the repository, a systemd unit without a
// WorkingDirectory) served neither the landing page nor the explorer and ran without appsettings.json.
// A content root given on the command line or in the environment (as the tests' host does) still wins.
var contentRootGiven = args.Any(arg => arg.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
    || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRootGiven ? null : AppContext.BaseDirectory });
// The host logs a failed start with a stack trace before the failure reaches the catches below, which say it in
// one line; a failure they do not foresee still ends unhandled, with its trace. (Its other errors are also logged
// at Critical, with the exception, so nothing else is lost.)
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

try
{
    builder.Services
        .AddGraphStorage(builder.Configuration)
        .AddGraphImport(builder.Configuration)
        .AddGraphQLEndpoint(builder.Configuration)
        .AddGraphHosting(builder.Configuration)
        .AddGraphResponseCompression(builder.Configuration)
        .AddBananaCakePop(builder.Configuration);

    var app = builder.Build();
    // Settings are checked before the host starts, so that one out of range ends the start with the one line
    // below; checked by the host's own start, it also got the host's failure log with a stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    app.UseRequestIds();
    app.UseGraphResponseCompression();
    app.UseBananaCakePop();
    app.UseExplorer();
    app.UseCors();
    app.MapHealthEndpoints();
    app.MapGraphQLEndpoint();

    await using (app)
    {
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A start that fails (an address in use, say) is stopped like any other before the host is let go, so
            // the loading under way is cancelled rather than cut off by the disposal, which it reported as faults.
            await app.StopAsync();
            throw;
        }

        await app.WaitForShutdownAsync();
    }

    // A seed that cannot be loaded stops the host with this set to 1 (GraphStartup).
    return Environment.ExitCode;
}
catch (OptionsValidationException refused)
{
    // Settings out of range end the start the way a refused seed does: exit code 1 and one line naming
    // them, not an unhandled exception's abort (exit code 134) and a stack trace. Written straight to the
    // error stream, since the host and its loggers may be gone by now.
    Console.Error.WriteLine($"The service did not start: {string.Join(" ", refused.Failures)}");
    return 1;
}
catch (IOException unbound) when (unbound.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Often this service started a second time: a failed start with one line, not an abort with a stack trace.
    Console.Error.WriteLine($"The service did not start: {unbound.Message} Another process listens there; stop it, or give another address with --urls.");
    return 1;
}
catch (InvalidOperationException unconvertible) when (unconvertible.Source == "Microsoft.Extensions.Configuration.Binder")
{
    // A setting that is not of its type at all (MaxBodyBytes=abc, Introspection=maybe): the same, with the binder's
    // own message, which names the value, the setting and the type wanted.
    Console.Error.WriteLine($"The service did not start: {unconvertible.Message}");
    return 1;
}
