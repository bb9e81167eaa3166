using System.Runtime.CompilerServices;
using Graph.Api.Tests.Support;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with the seed graph, and Debian's Chromium driven by Playwright.
/// Every request the pages make is recorded, so tests can check that nothing leaves this machine, and so is every
/// error a page's scripts throw and do not catch.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// How long closing a page's context or the browser may take. A close through the DevTools protocol now and then never
    /// returns (a trait reported for Playwright and Puppeteer alike, above all with a browser other than their own builds,
    /// as Debian's is here), and an await without a bound would then hold the whole test run until CI's time limit.
    /// </summary>
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(15);

    private readonly GraphApiFactory factory = new();
    private readonly ConditionalWeakTable<List<string>, List<string>> pageErrors = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        factory.OnLoopbackKestrel();
        BaseAddress = factory.CreateGraphQLClient().Http.BaseAddress!;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh page whose every request URL is added to <paramref name="requests"/>; the errors its scripts throw are kept
    /// with that list, for <see cref="AssertStayedLocalWithoutErrors"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(List<string> requests)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        var page = await context.NewPageAsync();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        var errors = pageErrors.GetOrCreateValue(requests);
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        return page;
    }

    /// <summary>
    /// Closes the page's context, which a test has done with; one that has not closed within <see cref="CloseLimit"/> is
    /// left to the browser's close at the end of the run. What the test checked was checked before.
    /// </summary>
    public static Task CloseAsync(IPage page) => WithinCloseLimitAsync(page.Context.CloseAsync());

    public async Task DisposeAsync()
    {
        if (Browser is not null) await WithinCloseLimitAsync(Browser.CloseAsync());
        // Stopping Playwright's driver also ends a browser that did not close: the driver runs it over a pipe.
        playwright?.Dispose();
        await factory.DisposeAsync();
    }

    public void Dispose() => factory.Dispose();

    /// <summary>Waits for a close for at most <see cref="CloseLimit"/>; what did not close by then is left to what ends later.</summary>
    private static async Task WithinCloseLimitAsync(Task closing)
    {
        try
        {
            await closing.WaitAsync(CloseLimit);
        }
        catch (TimeoutException)
        {
            // A context left open goes with the browser's close; a browser left open goes with the driver.
        }
    }

    /// <summary>Saves a screenshot into docs/ when UPDATE_SCREENSHOTS=1 (for the README), else into the test output folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Schema.SchemaContractTests.RepositoryRoot(), "docs")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        // Headless Chromium now and then answers "Unable to capture screenshot" while both cores are busy with other tests
        // (seen once in a full run); the picture is a by-product, so it is tried three times before the test fails.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
                return;
            }
            catch (PlaywrightException ex) when (attempt < 3 && ex.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                await page.WaitForTimeoutAsync(500);
            }
        }
    }

    /// <summary>No request of the pages opened with <paramref name="requests"/> left this machine, and none of their scripts threw.</summary>
    public void AssertStayedLocalWithoutErrors(List<string> requests)
    {
        lock (requests)
        {
            var outside = requests.Where(url => !url.StartsWith(BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)).ToList();
            Assert.True(outside.Count == 0, "Requests left the machine: " + string.Join(", ", outside));
        }

        var errors = pageErrors.GetOrCreateValue(requests);
        lock (errors) Assert.True(errors.Count == 0, "A page's script threw: " + string.Join(" | ", errors));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
