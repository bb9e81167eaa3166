using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed partial class BananaCakePopTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_IDE_loads_the_schema_and_runs_a_query_against_the_seed_graph_without_calling_out()
    {
        var requests = new List<string>();
        var page = await fixture.NewPageAsync(requests);
        var loaded = Stopwatch.StartNew();
        await page.GotoAsync("/graphql");
        Assert.EndsWith("/graphql/", page.Url, StringComparison.Ordinal);

        await page.GetByText("Create Document", new() { Exact = false }).First.ClickAsync(new() { Timeout = 30_000 });
        await page.GetByText("Schema available").First.WaitForAsync(new() { Timeout = 30_000 });

        await page.Locator(".monaco-editor").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync("{ entity(id: \"china-belarus-industrial-park\") { name aliases } }");
        // The button's accessible name is its text, "Run", or, once the IDE has labelled it with its shortcut,
        // "Run Operation (Ctrl+Alt+⏎)"; which one depends on timing, so both are accepted. Just after an edit
        // the IDE now and then ignores a click on it (nothing is sent): it is clicked again, three times at most.
        var answer = page.GetByText("Great Stone Industrial Park").First;
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = RunButton() }).ClickAsync();
            try
            {
                await answer.WaitForAsync(new() { Timeout = 15_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Not answered: click again.
            }
        }

        // For the README's picture, the query laid out on several lines by the editor's formatter, as a user would: on
        // one line only its end showed. Done once answered, so that the edit cannot get in the way of the Run click. The
        // editor, like the Run button, now and then ignores the shortcut (a CI run waited 10 s for nothing), so it is
        // pressed again, three times at most; and the page may hold no editor for a moment while the IDE redraws
        // (another CI run's check found none), which the check waits out instead of failing on. The layout is only for
        // the picture, not what this test is about: after three presses ignored (a third CI run's) it is taken as it is.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.Locator(".monaco-editor").First.ClickAsync();
            await page.Keyboard.PressAsync("Shift+Alt+F");
            try
            {
                await page.WaitForFunctionAsync("() => (document.querySelector('.monaco-editor')?.querySelectorAll('.view-line').length ?? 0) >= 5", null, new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException)
            {
                // Not formatted: press again, or leave it on one line.
            }
        }

        await BrowserFixture.ScreenshotAsync(page, "banana-cake-pop.png");

        // The IDE phones home about 12 s after loading unless its config turns telemetry off: watch past that.
        var remaining = TimeSpan.FromSeconds(15) - loaded.Elapsed;
        if (remaining > TimeSpan.Zero) await page.WaitForTimeoutAsync((float)remaining.TotalMilliseconds);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [GeneratedRegex(@"^Run($| Operation \()")]
    private static partial Regex RunButton();
}
