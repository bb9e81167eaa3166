using Graph.Api.Ide;

namespace Graph.Api.Explorer;

/// <summary>
/// The landing page (/) and the graph explorer (/explorer): static pages built only on the public
/// GraphQL endpoint, with Cytoscape.js served from its npm package at /explorer/lib.
/// </summary>
internal static class ExplorerExtensions
{
    public static IApplicationBuilder UseExplorer(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/explorer/lib",
            FileProvider = ClientPackages.Folder(app.Environment, "cytoscape/dist"),
        });
        return app;
    }
}
