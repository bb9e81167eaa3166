using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Bench;

/// <summary>
/// The ceiling the load run is read against: a bare ASP.NET Core endpoint on 127.0.0.1 that answers
/// every POST to /graphql with the same 1 KB of JSON, with no GraphQL work at all.
/// </summary>
internal static class BareEndpoint
{
    public static void Run(int port)
    {
        var body = Encoding.UTF8.GetBytes("{\"data\":{\"text\":\"" + new string('x', 1000) + "\"}}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/graphql", context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        app.Run();
    }
}
