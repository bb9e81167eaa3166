using Graph.Api.Endpoint;
using Graph.Api.Explorer;
using Graph.Api.Hosting;
using Graph.Api.Ide;
using Graph.Api.Import;
using Graph.Api.Storage;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
    // The host logs a failed start with a stack trace before the failure reaches the catches below, which say it in
    // one line; a failure they do not foresee still ends unhandled, with its trace. (Its other errors are also logged
    // at Critical, with the exception, so nothing else is lost.)
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    // A restart from a seed snapshot begins its read now, while the host is still to be registered and built on one core;
    // the host takes it if its settings name the same seed (EarlySeedRead). Stopped here if no host took it.
    using var earlyRead = EarlySeedRead.BeginIfSnapshot(builder.Configuration);

    builder.Services
        .AddGraphStorage(builder.Configuration)
        .AddGraphImport(builder.Configuration, earlyRead)
        .AddGraphQLEndpoint(builder.Configuration)
        .AddGraphHosting(builder.Configuration)
        .AddGraphResponseCompression(builder.Configuration)
        .AddBananaCakePop(builder.Configuration)
        .AddGraphMetrics(builder.Configuration);

    var app = builder.Build();
    // Settings are checked before the host starts, so that one out of range ends the start with the one line
    // below; checked by the host's own start, it also got the host's failure log with a stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    // The trusted documents are read now, so that a file that cannot be used stops the start in the same way.
    app.Services.GetRequiredService<PersistedQueries>();
    // The seed's read begins now (unless it began above), beside the host's own start, not once the host has got to its
    // loader. A host without the loader (some tests) has no read either.
    app.Services.GetService<SeedRead>()?.Begin();

    app.UseTrustedProxies();
    app.UseRequestIds();
    app.UseGraphResponseCompression();
    app.UseBananaCakePop();
    app.UseExplorer();
    app.UseCors();
    app.MapHealthEndpoints();
    app.MapGraphMetrics();
    app.MapGraphQLEndpoint();

    await using (app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Asked to stop while still starting (a seed refused within moments, or SIGTERM): the host's start
            // gives up with this, and the stop below goes on as any other does.
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
catch (Exception failure) when (StartFailure.Describe(failure) is { } reason)
{
    // Written straight to the error stream: the host and its loggers may be gone by now.
    Console.Error.WriteLine($"The service did not start: {reason}");
    return 1;
}
