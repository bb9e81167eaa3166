using System.Net;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Started from another folder (a systemd unit without a WorkingDirectory, `out/Graph.Api` run from the
/// repository), the service still finds its own files beside it: its settings, its pages and the IDE.
/// With the working folder as its content root it served neither the landing page nor the explorer, and
/// ran without appsettings.json, logging every request.
/// </summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Started_from_another_folder_the_service_serves_its_pages_with_its_settings()
    {
        var elsewhere = Directory.CreateTempSubdirectory("graph-elsewhere-");
        try
        {
            using var service = await RunningService.StartAsync("dotnet", TimeSpan.FromSeconds(60), ServiceBuild.Path, workingDirectory: elsewhere.FullName);
            using var http = new HttpClient { BaseAddress = service.Address };
            await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

            foreach (var page in new[] { "/", "/explorer/", "/graphql/" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, page) { Headers = { { "Accept", "text/html" } } };
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            }

            // The host names its content root once started; appsettings.json turns the per-request log off.
            var folder = Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(ServiceBuild.Path)!);
            await service.WaitForOutputAsync("Content root path:", TimeSpan.FromSeconds(5));
            var contentRoot = service.Output.Split('\n').FirstOrDefault(line => line.Contains("Content root path:", StringComparison.Ordinal))?.Split("Content root path:")[1].Trim();
            Assert.Equal(folder, Path.TrimEndingDirectorySeparator(contentRoot ?? ""));
            Assert.DoesNotContain("Request starting", service.Output, StringComparison.Ordinal);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }
}
