using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Graph.Api.Tests.Support;

/// <summary>Requests sent straight to the test server as if from a given address, which the test client cannot choose.</summary>
public static class RequestsFrom
{
    /// <summary>Posts <c>{ __typename }</c> from <paramref name="address"/>, with an X-Forwarded-For header when given; the answer's status.</summary>
    public static async Task<int> PostTypenameAsync(GraphApiFactory factory, string address, string? forwardedFor = null)
    {
        var context = await factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/graphql";
            context.Request.ContentType = "application/json";
            if (forwardedFor is not null) context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}"""));
        });
        return context.Response.StatusCode;
    }
}
