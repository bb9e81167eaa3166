using Graph.Api.Endpoint;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Ide;

/// <summary>
/// Banana Cake Pop at /graphql: a browser GET that wants HTML and asks for neither a query nor the SDL gets the IDE;
/// every other request to /graphql stays GraphQL. The IDE's files come from its npm package;
/// bcp-config.json points it at this endpoint with telemetry off, so it never calls out.
/// </summary>
internal static class IdeExtensions
{
    private const string Path = "/graphql";
    private const string Package = "@chillicream/bananacakepop-graphql-ide";

    public static IServiceCollection AddBananaCakePop(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdeOptions>(configuration.GetSection(IdeOptions.Section));
        return services;
    }

    public static IApplicationBuilder UseBananaCakePop(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<IdeOptions>>().Value;
        if (!options.Enabled) return app;

        var files = ClientPackages.Folder(app.Environment, Package);
        var config = System.Text.Json.JsonSerializer.Serialize(new
        {
            endpoint = Path,
            useBrowserUrlAsEndpoint = false,
            title = options.Title,
            disableTelemetry = true,
            includeCookies = false,
        });

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if (HttpMethods.IsGet(request.Method) && path is Path or Path + "/" && !request.Query.ContainsKey("query") && !SchemaDocument.IsAskedFor(request) && WantsHtml(request))
            {
                // Relative asset URLs in the IDE's page resolve only under a trailing slash.
                if (path == Path)
                {
                    context.Response.Redirect(Path + "/" + request.QueryString);
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
                return;
            }

            if (HttpMethods.IsGet(request.Method) && path == Path + "/bcp-config.json")
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.WriteAsync(config);
                return;
            }

            await next(context);
        });

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = file =>
            {
                // Hashed bundles never change; the service worker and page must be re-checked so upgrades reach browsers.
                file.Context.Response.Headers.CacheControl = file.Context.Request.Path.StartsWithSegments(Path + "/static")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    private static bool WantsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept.OfType<string>().ToList(), out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
