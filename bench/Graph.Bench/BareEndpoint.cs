using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Bench;

/// <summary>
/// The ceiling the load run is read against: a bare ASP.NET Core endpoint on 127.0.0.1 that answers
/// every POST to /graphql with the same JSON (1 KB unless told, or as large as a big answer to see
/// what moving that many bytes costs), with no GraphQL work at all.
/// </summary>
internal static class BareEndpoint
{
    public static void Run(int port, int bytes)
    {
        const string Open = "{\"data\":{\"text\":\"", Close = "\"}}";
        var body = Encoding.UTF8.GetBytes(Open + new string('x', Math.Max(0, bytes - Open.Length - Close.Length)) + Close);
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
