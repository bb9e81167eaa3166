using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class ExplorerTests(BrowserFixture fixture)
{
    private static async Task<string[]> NodeIdsAsync(IPage page, string selector = "node") =>
        await page.EvaluateAsync<string[]>($"() => explorer.cy.elements('{selector}').map(n => n.id())");

    private static async Task WaitForNodeAsync(IPage page, string id, bool present = true) =>
        await page.WaitForFunctionAsync($"() => explorer.cy.getElementById('{id}').nonempty() === {(present ? "true" : "false")}", null, new() { Timeout = 15_000 });

    private static async Task SearchAndPickAsync(IPage page, string text, string entityId)
    {
        await page.FillAsync("#search", text);
        var suggestion = page.Locator($"#suggestions li[data-entity='{entityId}']");
        await suggestion.WaitForAsync(new() { Timeout = 15_000 });
        await suggestion.ClickAsync();
        await page.Locator("#entity-name").WaitForAsync();
    }

    /// <summary>The park as the connection's end, Xi Jinping as its start, until the path between them is drawn.</summary>
    private static async Task ConnectXiJinpingToTheParkAsync(IPage page)
    {
        await SearchAndPickAsync(page, "Great Stone", "china-belarus-industrial-park");
        await page.ClickAsync("button[data-action='to']");
        await SearchAndPickAsync(page, "Xi Jinping", "xi-jinping");
        await page.ClickAsync("button[data-action='from']");
        await WaitForPathAsync(page);
    }

    /// <summary>Until a connection's path is drawn.</summary>
    private static async Task WaitForPathAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => explorer.cy.elements('edge.path').length > 0", null, new() { Timeout = 15_000 });

    /// <summary>The connection's other ways asked for, until they are listed; the list's items.</summary>
    private static async Task<ILocator> ShowOtherWaysAsync(IPage page)
    {
        await page.ClickAsync("#path-panel button[data-action='other-paths']");
        var ways = page.Locator("#path-panel ol.ways li");
        await ways.First.WaitForAsync(new() { Timeout = 15_000 });
        return ways;
    }

    /// <summary>Until the details panel shows the entity of this name.</summary>
    private static async Task WaitForDetailsOfAsync(IPage page, string name) =>
        await page.WaitForFunctionAsync("name => document.getElementById('entity-name')?.textContent === name", name, new() { Timeout = 15_000 });

    /// <summary>A date typed into the date field, as a user picks one.</summary>
    private static async Task SetDateAsync(IPage page, string date)
    {
        await page.FillAsync("#as-of", date);
        await page.DispatchEventAsync("#as-of", "change");
    }

    /// <summary>A new page opened at an address of the explorer, its requests recorded.</summary>
    private async Task<IPage> OpenAtAsync(List<string> requests, string address)
    {
        var page = await fixture.NewPageAsync(requests);
        await page.GotoAsync(address);
        return page;
    }

    /// <summary>Until a drawing is complete: the status line counts what it drew.</summary>
    private static async Task WaitForDrawingAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => / relationships$/.test(document.getElementById('status').textContent)", null, new() { Timeout = 15_000 });

    /// <summary>A double click on an entity where it is drawn, as a user expands it.</summary>
    private static async Task DoubleClickEntityAsync(IPage page, string id)
    {
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var position = await page.EvaluateAsync<double[]>("id => { const p = explorer.cy.getElementById(id).renderedPosition(); return [p.x, p.y]; }", id);
        await page.Mouse.DblClickAsync((float)(box.X + position[0]), (float)(box.Y + position[1]));
    }

    private async Task<IPage> OpenAsync(List<string> requests)
    {
        var page = await OpenAtAsync(requests, "/");
        await page.ClickAsync("a[href='/explorer']");
        await page.WaitForFunctionAsync("() => window.explorer !== undefined");
        return page;
    }

    [Fact]
    public async Task Searching_the_parks_other_name_draws_its_neighbourhood()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        // The drawing's tools come with a drawing.
        Assert.True(await page.Locator("#view-tools").IsHiddenAsync());
        await SearchAndPickAsync(page, "Great Stone", "china-belarus-industrial-park");
        await WaitForNodeAsync(page, "belarus");
        Assert.True(await page.Locator("#save-image").IsVisibleAsync());
        var nodes = await NodeIdsAsync(page);
        Assert.Contains("china-belarus-industrial-park", nodes);
        foreach (var id in new[] { "china", "belarus", "high-tech-manufacturing", "comprehensive-strategic-partnership" }) Assert.Contains(id, nodes);
        Assert.Equal("China–Belarus Industrial Park", await page.InnerTextAsync("#entity-name"));
        // The side panel lists relationships with dates and sources.
        Assert.Contains("¶2", await page.InnerTextAsync("#panel ul.relationships"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "explorer-neighbourhood.png");
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_misspelt_name_is_offered_as_what_it_may_mean_and_a_name_as_typed_is_not()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await page.FillAsync("#search", "belrus");
        await page.Locator("#suggestions li[data-entity='belarus']").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("No name matches as typed. Did you mean:", await page.InnerTextAsync("#suggestions li:first-child"));

        // The name as typed: the list is asked for again, and the hint goes.
        await page.FillAsync("#search", "belarus");
        await page.WaitForFunctionAsync("() => document.querySelector('#suggestions li.hint') === null", null, new() { Timeout = 15_000 });
        await page.Locator("#suggestions li[data-entity='belarus']").WaitForAsync(new() { Timeout = 15_000 });
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Double_clicking_a_node_adds_its_neighbours()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await SearchAndPickAsync(page, "great stone", "china-belarus-industrial-park");
        await WaitForNodeAsync(page, "belarus");
        Assert.DoesNotContain("europe", await NodeIdsAsync(page));
        var before = (await NodeIdsAsync(page)).Length;

        await DoubleClickEntityAsync(page, "belarus");

        await WaitForNodeAsync(page, "europe");
        Assert.True((await NodeIdsAsync(page)).Length > before);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Connecting_Xi_Jinping_and_the_park_highlights_a_path()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await ConnectXiJinpingToTheParkAsync(page);
        var onPath = await NodeIdsAsync(page, "node.path");
        Assert.Contains("xi-jinping", onPath);
        Assert.Contains("china-belarus-industrial-park", onPath);
        Assert.Contains("HOLDS_OFFICE", await page.InnerTextAsync("#path-panel"), StringComparison.Ordinal);
        // The other ways listed under the steps, for the README's picture.
        await ShowOtherWaysAsync(page);
        await page.EvaluateAsync("() => document.getElementById('path-panel').scrollIntoView()");
        await BrowserFixture.ScreenshotAsync(page, "explorer-path.png");
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Other_ways_between_two_entities_are_listed_and_any_of_them_can_be_drawn()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await ConnectXiJinpingToTheParkAsync(page);
        var shortest = await DrawnAsync("edge.path", "id", page);

        var ways = await ShowOtherWaysAsync(page);
        // Up to two steps longer than the shortest, shortest first; the one drawn is marked.
        var lengths = await ways.EvaluateAllAsync<int[]>("items => items.map(li => parseInt(li.querySelector('button').textContent))");
        Assert.True(lengths.Length >= 5, string.Join(',', lengths));
        Assert.Equal(2, lengths[0]);
        Assert.Equal(lengths.Order(), lengths);
        Assert.All(lengths, length => Assert.InRange(length, 2, 4));
        Assert.Equal("true", await page.GetAttributeAsync("#path-panel button[data-path='0']", "aria-pressed"));

        // A way through Belarus's 2015 visit, drawn instead: its relationships are the path now, and its steps are listed.
        var throughTheVisit = ways.Filter(new() { HasText = "Xi Jinping's 2015 visit to Belarus" }).First;
        await throughTheVisit.Locator("button").ClickAsync();
        await page.WaitForFunctionAsync("() => explorer.cy.getElementById('xi-jinping-on-visit-2015').hasClass('path')", null, new() { Timeout = 15_000 });
        var drawn = await DrawnAsync("edge.path", "id", page);
        Assert.Equal(3, drawn.Length);
        Assert.Empty(drawn.Intersect(shortest));
        Assert.Contains("Connection (3 steps)", await page.InnerTextAsync("#path-panel h3"), StringComparison.Ordinal);
        Assert.Equal("true", await throughTheVisit.Locator("button").GetAttributeAsync("aria-pressed"));
        Assert.Equal("false", await page.GetAttributeAsync("#path-panel button[data-path='0']", "aria-pressed"));

        // A step's relationship opens in the panel, and the connection stays under it.
        await page.ClickAsync("#path-panel ol.path a[data-relationship='xi-jinping-on-visit-2015']");
        await page.WaitForFunctionAsync("() => document.getElementById('relationship-type')?.textContent === 'PARTICIPATES_IN'", null, new() { Timeout = 15_000 });
        Assert.Contains("Connection (3 steps)", await page.InnerTextAsync("#path-panel h3"), StringComparison.Ordinal);

        // The way drawn is kept in the address: opened again, the same way is drawn and marked.
        var way = await throughTheVisit.Locator("button").GetAttributeAsync("data-path");
        Assert.Contains($"way={way}", page.Url, StringComparison.Ordinal);
        var again = await OpenAtAsync(requests, page.Url);
        await again.WaitForFunctionAsync("() => explorer.cy.getElementById('xi-jinping-on-visit-2015').hasClass('path')", null, new() { Timeout = 15_000 });
        Assert.Equal(drawn.Order(StringComparer.Ordinal), (await DrawnAsync("edge.path", "id", again)).Order(StringComparer.Ordinal));
        Assert.Equal("true", await again.GetAttributeAsync($"#path-panel button[data-path='{way}']", "aria-pressed"));

        // A way there is not: the shortest is drawn, and the address no longer names it.
        var nowhere = await OpenAtAsync(requests, "/explorer#from=xi-jinping&to=china-belarus-industrial-park&way=99");
        await nowhere.Locator("#path-panel ol.ways li").First.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(shortest.Order(StringComparer.Ordinal), (await DrawnAsync("edge.path", "id", nowhere)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("way=", nowhere.Url, StringComparison.Ordinal);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
        await BrowserFixture.CloseAsync(again);
        await BrowserFixture.CloseAsync(nowhere);
    }

    [Fact]
    public async Task Other_ways_are_at_most_two_steps_longer_than_the_shortest()
    {
        var requests = new List<string>();
        // China and Xi Jinping are one step apart, and dozens of longer ways join them.
        var page = await OpenAtAsync(requests, "/explorer#from=china&to=xi-jinping");
        await WaitForPathAsync(page);
        var all = await AskTheApiAsync(page, """{ paths(from: "china", to: "xi-jinping", maxLength: 8, first: 50) { paths { length } } }""");
        var longest = all.GetProperty("paths").GetProperty("paths").EnumerateArray().Max(path => path.GetProperty("length").GetInt32());
        Assert.True(longest > 3);

        var ways = await ShowOtherWaysAsync(page);
        var lengths = await ways.EvaluateAllAsync<int[]>("items => items.map(li => parseInt(li.querySelector('button').textContent))");
        Assert.True(lengths.Length >= 2);
        Assert.All(lengths, length => Assert.InRange(length, 1, 3));
        Assert.Contains("directly", await ways.First.InnerTextAsync(), StringComparison.Ordinal);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_connection_follows_only_the_types_of_link_shown()
    {
        var requests = new List<string>();
        // HOLDS_OFFICE hidden: Xi Jinping reaches the park only through his visits, three steps.
        var page = await OpenAtAsync(requests, "/explorer#from=xi-jinping&to=china-belarus-industrial-park&hideType=HOLDS_OFFICE");
        await WaitForPathAsync(page);
        Assert.DoesNotContain("HOLDS_OFFICE", await DrawnAsync("edge", "type", page));
        Assert.Equal(3, (await DrawnAsync("edge.path", "id", page)).Length);

        await ShowOtherWaysAsync(page);
        Assert.DoesNotContain("HOLDS_OFFICE", await page.InnerTextAsync("#path-panel ol.ways"), StringComparison.Ordinal);

        // Shown again, the type is followed again: the shortest way is through his office, two steps.
        await page.ClickAsync("#link-legend button[data-type='HOLDS_OFFICE']");
        await page.WaitForFunctionAsync("() => explorer.cy.elements('edge.path').length === 2", null, new() { Timeout = 15_000 });
        Assert.Contains("HOLDS_OFFICE", await DrawnAsync("edge.path", "type", page));

        // In 2000 he held no office and had made no visit: no way joins them, and nothing is left drawn.
        await SetDateAsync(page, "2000-06-01");
        await page.WaitForFunctionAsync("() => /No path/.test(document.getElementById('path-panel')?.textContent)", null, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.EvaluateAsync<int>("() => explorer.cy.elements().length"));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Setting_the_date_to_2000_removes_what_did_not_yet_exist()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await SearchAndPickAsync(page, "Belarus", "belarus");
        await WaitForNodeAsync(page, "infrastructure");

        await SetDateAsync(page, "2000-06-01");

        await WaitForNodeAsync(page, "infrastructure", present: false);
        var nodes = await NodeIdsAsync(page);
        Assert.Contains("china", nodes);
        Assert.DoesNotContain("xi-visit-belarus-2015", nodes);
        Assert.DoesNotContain("joint-declaration-2013", nodes);

        await page.ClickAsync("#clear-date");
        await WaitForNodeAsync(page, "infrastructure");
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task The_view_is_kept_in_the_address_and_opening_that_address_draws_it_again()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await SearchAndPickAsync(page, "Belarus", "belarus");
        await WaitForNodeAsync(page, "infrastructure");
        await SetDateAsync(page, "2000-06-01");
        await WaitForNodeAsync(page, "infrastructure", present: false);
        var address = page.Url;
        Assert.Contains("#centre=belarus&selected=belarus&asOf=2000-06-01", address, StringComparison.Ordinal);

        // Another tab, opened on that address alone: the same drawing, date and details.
        var again = await OpenAtAsync(requests, address);
        await WaitForNodeAsync(again, "china");
        Assert.DoesNotContain("infrastructure", await NodeIdsAsync(again));
        Assert.DoesNotContain("xi-visit-belarus-2015", await NodeIdsAsync(again));
        Assert.Equal("2000-06-01", await again.InputValueAsync("#as-of"));
        await again.Locator("#entity-name").WaitForAsync();
        Assert.Equal("Belarus", await again.InnerTextAsync("#entity-name"));
        Assert.Contains("as of 2000-06-01", await again.InnerTextAsync("#panel h3"), StringComparison.Ordinal);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
        await BrowserFixture.CloseAsync(again);
    }

    [Fact]
    public async Task A_connection_in_the_address_is_drawn_with_its_steps()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await ConnectXiJinpingToTheParkAsync(page);
        var address = page.Url;
        Assert.Contains("from=xi-jinping&to=china-belarus-industrial-park", address, StringComparison.Ordinal);

        var again = await OpenAtAsync(requests, address);
        await WaitForPathAsync(again);
        Assert.Equal(await NodeIdsAsync(page, "node.path"), await NodeIdsAsync(again, "node.path"));
        await again.Locator("#path-panel li").First.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(await page.InnerTextAsync("#path-panel"), await again.InnerTextAsync("#path-panel"));
        Assert.Equal("Xi Jinping", await again.InnerTextAsync("#connect-from"));
        Assert.Equal("China–Belarus Industrial Park", await again.InnerTextAsync("#connect-to"));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
        await BrowserFixture.CloseAsync(again);
    }

    [Fact]
    public async Task Back_returns_to_the_entity_shown_before()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await SearchAndPickAsync(page, "Belarus", "belarus");
        await WaitForNodeAsync(page, "infrastructure");

        // From Belarus's details to China's, through the link on a relationship (on the list's second page).
        await ShowAllRelationshipsAsync(page);
        await page.ClickAsync("#panel a[data-entity='china']");
        await WaitForDetailsOfAsync(page, "China");
        await WaitForNodeAsync(page, "hong-kong");

        await page.GoBackAsync();
        await WaitForDetailsOfAsync(page, "Belarus");
        await WaitForNodeAsync(page, "infrastructure");
        Assert.DoesNotContain("hong-kong", await NodeIdsAsync(page));
        Assert.EndsWith("#centre=belarus&selected=belarus", page.Url, StringComparison.Ordinal);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task The_legend_names_each_kind_drawn_in_its_colour()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        Assert.True(await page.Locator("#legend").IsHiddenAsync());
        await SearchAndPickAsync(page, "Belarus", "belarus");
        await WaitForNodeAsync(page, "xi-visit-belarus-2015");
        await WaitForLegendOfDrawingAsync(page);
        Assert.Contains("EVENT", await LegendKindsAsync(page));

        // As of 2000 the visits are gone, and so is their kind.
        await SetDateAsync(page, "2000-06-01");
        await WaitForNodeAsync(page, "xi-visit-belarus-2015", present: false);
        await WaitForLegendOfDrawingAsync(page);
        Assert.DoesNotContain("EVENT", await LegendKindsAsync(page));
        Assert.Contains("COUNTRY", await LegendKindsAsync(page));

        // Back to the explorer as it opened: nothing drawn, so no legend.
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => explorer.cy.nodes().length === 0", null, new() { Timeout = 15_000 });
        await page.Locator("#legend").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 15_000 });
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    private static async Task<string[]> LegendKindsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#legend li:not(.off)')].map(li => li.dataset.kind)");

    /// <summary>Until the legend lists the kinds of the nodes drawn, each once, with the colour the drawing gives it.</summary>
    private static async Task WaitForLegendOfDrawingAsync(IPage page) =>
        await page.WaitForFunctionAsync("""
            () => {
              const flat = (colour) => colour.replace(/\s/g, '');
              const drawn = new Map(explorer.cy.nodes().map(n => [n.data('kind'), flat(n.style('background-color'))]));
              const listed = [...document.querySelectorAll('#legend li:not(.off)')];
              return !document.getElementById('legend').hidden && listed.length === drawn.size
                && listed.every(li => drawn.get(li.dataset.kind) === flat(getComputedStyle(li.querySelector('.swatch')).backgroundColor));
            }
            """, null, new() { Timeout = 15_000 });

    [Fact]
    public async Task An_answer_that_comes_back_after_Back_does_not_draw_over_it()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);
        await SearchAndPickAsync(page, "Belarus", "belarus");
        await WaitForNodeAsync(page, "infrastructure");

        // The neighbourhood as of 2000 is held back until the user has gone Back to the empty explorer.
        var release = new TaskCompletionSource();
        static bool AsOf2000(IRequest request) => request.PostData?.Contains("Neighbourhood", StringComparison.Ordinal) == true && request.PostData.Contains("2000-06-01", StringComparison.Ordinal);
        await page.RouteAsync("**/graphql", async route =>
        {
            if (AsOf2000(route.Request)) await release.Task;
            await route.FallbackAsync();
        });
        var held = page.WaitForResponseAsync(response => AsOf2000(response.Request), new() { Timeout = 15_000 });
        await page.EvaluateAsync("() => { explorer.setAsOf('2000-06-01'); }");
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => explorer.cy.nodes().length === 0", null, new() { Timeout = 15_000 });

        release.SetResult();
        await (await held).FinishedAsync();
        // Let the page handle the answer (its body read and the drawing's continuation) before looking.
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 300))");
        Assert.Empty(await NodeIdsAsync(page));
        Assert.True(await page.Locator("#legend").IsHiddenAsync());
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task The_keyboard_picks_a_suggestion()
    {
        var requests = new List<string>();
        var page = await OpenAsync(requests);

        // Enter straight after typing: the first suggestion is shown once the suggestions for the text come.
        await page.FillAsync("#search", "Great Stone");
        await page.PressAsync("#search", "Enter");
        await WaitForDetailsOfAsync(page, "China–Belarus Industrial Park");

        // Up marks the last suggestion, Down then wraps round to the first and moves on to the second; Enter shows it.
        await page.FillAsync("#search", "Xi Jinping");
        await WaitForSuggestionsAsync(page, "Xi Jinping");
        var options = page.Locator("#suggestions li[data-entity]");
        Assert.True(await options.CountAsync() >= 2);
        var second = await options.Nth(1).GetAttributeAsync("data-entity");
        await page.PressAsync("#search", "ArrowUp");
        Assert.Equal("true", await options.Last.GetAttributeAsync("aria-selected"));
        foreach (var key in new[] { "ArrowDown", "ArrowDown" }) await page.PressAsync("#search", key);
        Assert.Equal("true", await options.Nth(1).GetAttributeAsync("aria-selected"));
        Assert.Equal("false", await options.Nth(0).GetAttributeAsync("aria-selected"));
        await page.PressAsync("#search", "Enter");
        await page.WaitForFunctionAsync($"() => explorer.state.selected === '{second}' && document.getElementById('suggestions').hidden", null, new() { Timeout = 15_000 });

        // Escape empties the search field (the browser's own key), which closes the list and shows nothing.
        await page.FillAsync("#search", "Belarus");
        await WaitForSuggestionsAsync(page, "Belarus");
        await page.PressAsync("#search", "Escape");
        Assert.Equal("", await page.InputValueAsync("#search"));
        Assert.True(await page.Locator("#suggestions").IsHiddenAsync());
        Assert.Equal(second, await page.EvaluateAsync<string>("() => explorer.state.selected"));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    private static async Task WaitForSuggestionsAsync(IPage page, string text) =>
        await page.WaitForFunctionAsync(
            "text => !document.getElementById('suggestions').hidden && document.getElementById('suggestions').dataset.text === text", text, new() { Timeout = 15_000 });

    [Fact]
    public async Task An_address_naming_no_entity_says_so()
    {
        var requests = new List<string>();
        foreach (var view in new[] { "centre=no-such-entity", "selected=no-such-entity" })
        {
            var page = await OpenAtAsync(requests, $"/explorer#{view}");
            await page.WaitForFunctionAsync("() => document.getElementById('status').textContent === \"No entity 'no-such-entity'.\"", null, new() { Timeout = 15_000 });
            Assert.Empty(await NodeIdsAsync(page));
            await BrowserFixture.CloseAsync(page);
        }

        fixture.AssertStayedLocalWithoutErrors(requests);
    }

    [Fact]
    public async Task An_answer_that_is_not_GraphQL_is_reported_by_its_status_in_search_and_in_the_panel()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        // From here on, the endpoint answers as a proxy in front of a stopped service would.
        await page.RouteAsync("**/graphql", route => route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<html><body>Bad Gateway</body></html>" }));
        const string reported = "() => document.getElementById('status').textContent === 'The service answered 502 Bad Gateway.'";

        await page.FillAsync("#search", "China");
        await page.WaitForFunctionAsync(reported, null, new() { Timeout = 15_000 });

        await page.EvaluateAsync("() => { document.getElementById('status').textContent = ''; }");
        await page.ClickAsync("#panel ul.relationships a.type >> nth=0");
        await page.WaitForFunctionAsync(reported, null, new() { Timeout = 15_000 });
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_service_not_yet_ready_is_asked_again_after_the_time_it_names()
    {
        var requests = new List<string>();
        var page = await fixture.NewPageAsync(requests);
        // The first two requests are answered as while the graph loads; the rest reach the service.
        var refused = 0;
        await page.RouteAsync("**/graphql", async route =>
        {
            if (Interlocked.Increment(ref refused) <= 2)
            {
                await route.FulfillAsync(new()
                {
                    Status = 503,
                    ContentType = "application/json",
                    Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
                    Body = """{"errors":[{"message":"The graph is loading.","extensions":{"code":"NOT_READY"}}]}""",
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        var statuses = new List<string>();
        await page.ExposeFunctionAsync("reportStatus", (string text) => { lock (statuses) statuses.Add(text); });
        await page.AddInitScriptAsync("""
            addEventListener('DOMContentLoaded', () => new MutationObserver(() => reportStatus(document.getElementById('status').textContent))
              .observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true }));
            """);

        await page.GotoAsync("/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        await WaitForNodeAsync(page, "china");
        Assert.True(refused > 2);
        lock (statuses) Assert.Contains("The service is not ready; asking again in 1 s.", statuses);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_list_of_types_that_failed_once_is_asked_for_again()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDrawingAsync(page);
        // The first request for the list of relationship types fails, as a proxy's error page; the rest reach the service.
        var failed = 0;
        await page.RouteAsync("**/graphql", async route =>
        {
            if (route.Request.PostData?.Contains("relationshipTypes", StringComparison.Ordinal) == true && Interlocked.Increment(ref failed) == 1)
                await route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<html>Bad Gateway</html>" });
            else
                await route.ContinueAsync();
        });

        await page.ClickAsync("#link-legend button[data-type='LOCATED_IN']");
        await page.WaitForFunctionAsync("() => /502/.test(document.getElementById('status').textContent)", null, new() { Timeout = 15_000 });
        await page.ClickAsync("#link-legend button[data-type='GATEWAY_TO']");
        await page.WaitForFunctionAsync("() => explorer.cy.edges('[type = \"GATEWAY_TO\"]').empty() && explorer.cy.edges('[type = \"LOCATED_IN\"]').empty()", null, new() { Timeout = 15_000 });
        Assert.Contains("DIPLOMATIC_RELATIONS", await DrawnAsync("edge", "type", page));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    // Each link drawn as the straight line between its ends' centres (parallel links bow out on either side of it),
    // and the entities, other than its ends, whose disc that line crosses.
    private const string LinksOverEntities = """
        () => explorer.cy.edges().flatMap(link => {
          const a = link.source().position(), b = link.target().position(), dx = b.x - a.x, dy = b.y - a.y;
          return explorer.cy.nodes().not(link.connectedNodes()).filter(entity => {
            const p = entity.position();
            const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
            return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y) < entity.outerWidth() / 2;
          }).map(entity => `${link.id()} over ${entity.id()}`);
        })
        """;

    private const string Positions = "() => explorer.cy.nodes().map(n => `${n.id()} ${n.position().x.toFixed(2)} ${n.position().y.toFixed(2)}`).sort()";

    [Theory]
    [InlineData("china-belarus-industrial-park", "china")]
    [InlineData("china", "xi-jinping")]
    [InlineData("belarus", "europe")]
    public async Task Links_are_drawn_clear_of_the_entities_they_do_not_join(string centre, string neighbour)
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, $"/explorer#centre={centre}&selected={centre}");
        await WaitForNodeAsync(page, neighbour);
        await WaitForDrawingAsync(page);

        // Rings alone drew every neighbourhood with links straight through entities (China to Belarus through the park).
        Assert.Empty(await page.EvaluateAsync<string[]>(LinksOverEntities));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Expanding_an_entity_leaves_what_was_drawn_where_it_was_and_comes_out_the_same_each_time()
    {
        var requests = new List<string>();
        var drawings = new List<string[]>();
        for (var time = 0; time < 2; time++)
        {
            var page = await OpenAtAsync(requests, "/explorer#centre=china&selected=china");
            await WaitForNodeAsync(page, "xi-jinping");
            await WaitForDrawingAsync(page);
            var before = await page.EvaluateAsync<string[]>(Positions);
            Assert.DoesNotContain("europe", await NodeIdsAsync(page));

            await DoubleClickEntityAsync(page, "belarus");
            await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.startsWith('Expanded belarus')", null, new() { Timeout = 15_000 });

            // Belarus's neighbours join the drawing (Europe among them); China's stay where the user saw them.
            var after = await page.EvaluateAsync<string[]>(Positions);
            Assert.Contains(after, entity => entity.StartsWith("europe ", StringComparison.Ordinal));
            Assert.Subset(after.ToHashSet(), before.ToHashSet());
            drawings.Add(after);
            await BrowserFixture.CloseAsync(page);
        }

        // The new entities start from places worked out from the drawing, never from chance: the same both times.
        Assert.Equal(drawings[0], drawings[1]);
        fixture.AssertStayedLocalWithoutErrors(requests);
    }

    [Fact]
    public async Task Clicking_a_link_shows_the_relationship_with_its_ends_dates_and_sources()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=china-belarus-industrial-park&selected=china-belarus-industrial-park");
        await WaitForDetailsOfAsync(page, "China–Belarus Industrial Park");

        // The park's LOCATED_IN link to Belarus, clicked where it is drawn.
        var link = await page.EvaluateAsync<string[]>("""
            () => { const l = explorer.cy.edges('[type = "LOCATED_IN"]')[0]; const p = l.renderedMidpoint(); return [l.id(), String(p.x), String(p.y)]; }
            """);
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + double.Parse(link[1], CultureInfo.InvariantCulture)), (float)(box.Y + double.Parse(link[2], CultureInfo.InvariantCulture)));
        await page.WaitForFunctionAsync("() => document.getElementById('relationship-type')?.textContent === 'LOCATED_IN'", null, new() { Timeout = 15_000 });

        var panel = await page.InnerTextAsync("#panel");
        Assert.Contains("China–Belarus Industrial Park", panel, StringComparison.Ordinal);
        Assert.Contains("Belarus", await page.InnerTextAsync("#panel .ends"), StringComparison.Ordinal);
        Assert.Contains("China and Belarus relations (overview essay), ¶2", panel, StringComparison.Ordinal);
        Assert.Equal([link[0]], await NodeIdsAsync(page, ":selected"));
        Assert.Contains($"selected={link[0]}", page.Url, StringComparison.Ordinal);

        // Its end, then one of that entity's relationships picked from its list: an investment, with its amount and date.
        await page.ClickAsync("#panel .ends a[data-entity='belarus']");
        await WaitForDetailsOfAsync(page, "Belarus");
        await ShowAllRelationshipsAsync(page);
        await page.ClickAsync("#panel a[data-relationship='china-invests-in-belarus-2019']");
        await page.WaitForFunctionAsync("() => document.getElementById('relationship-type')?.textContent === 'INVESTS'", null, new() { Timeout = 15_000 });
        panel = await page.InnerTextAsync("#panel");
        Assert.Contains("660000000", panel, StringComparison.Ordinal);
        Assert.Contains("2019", panel, StringComparison.Ordinal);
        Assert.Contains("¶3", panel, StringComparison.Ordinal);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_relationship_named_in_the_address_is_shown_selected()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=china&selected=china-invests-in-belarus-2019");
        await page.WaitForFunctionAsync("() => document.getElementById('relationship-type')?.textContent === 'INVESTS'", null, new() { Timeout = 15_000 });
        Assert.Equal("China → Belarus", string.Join(' ', (await page.InnerTextAsync("#panel .ends")).Split(' ').Where(word => word is "China" or "→" or "Belarus")));
        Assert.Equal(["china-invests-in-belarus-2019"], await NodeIdsAsync(page, ":selected"));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Choosing_depth_two_draws_the_neighbours_neighbours_and_the_address_keeps_it()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=xi-jinping&selected=xi-jinping");
        await WaitForNodeAsync(page, "china");
        Assert.DoesNotContain("china-belarus-industrial-park", await NodeIdsAsync(page));

        // The park is two steps from Xi Jinping, through China.
        await page.SelectOptionAsync("#depth", "2");
        await WaitForNodeAsync(page, "china-belarus-industrial-park");
        Assert.Contains("depth=2", page.Url, StringComparison.Ordinal);

        var again = await OpenAtAsync(requests, page.Url);
        await WaitForNodeAsync(again, "china-belarus-industrial-park");
        Assert.Equal("2", await again.InputValueAsync("#depth"));

        // A depth the page does not offer, typed into the address, is read as 1.
        var typed = await OpenAtAsync(requests, "/explorer#centre=xi-jinping&depth=9");
        await WaitForNodeAsync(typed, "china");
        Assert.DoesNotContain("china-belarus-industrial-park", await NodeIdsAsync(typed));
        Assert.Equal("1", await typed.InputValueAsync("#depth"));
        fixture.AssertStayedLocalWithoutErrors(requests);
        foreach (var opened in new[] { page, again, typed }) await BrowserFixture.CloseAsync(opened);
    }

    [Fact]
    public async Task A_kind_clicked_in_the_legend_is_hidden_until_clicked_again()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForNodeAsync(page, "xi-visit-belarus-2015");

        await page.ClickAsync("#legend button[data-kind='EVENT']");
        await WaitForNodeAsync(page, "xi-visit-belarus-2015", present: false);
        await WaitForLegendOfDrawingAsync(page);
        Assert.DoesNotContain("EVENT", await DrawnAsync("node", "kind", page));
        Assert.Contains("COUNTRY", await DrawnAsync("node", "kind", page));
        Assert.Equal("false", await page.GetAttributeAsync("#legend button[data-kind='EVENT']", "aria-pressed"));
        Assert.Contains("hide=EVENT", page.Url, StringComparison.Ordinal);

        // The address keeps it: another tab draws Belarus without events, and lists the kind as hidden.
        var again = await OpenAtAsync(requests, page.Url);
        await WaitForNodeAsync(again, "china");
        Assert.DoesNotContain("EVENT", await DrawnAsync("node", "kind", again));
        Assert.Equal("off", await again.GetAttributeAsync("#legend li[data-kind='EVENT']", "class"));

        await page.ClickAsync("#legend button[data-kind='EVENT']");
        await WaitForNodeAsync(page, "xi-visit-belarus-2015");
        Assert.DoesNotContain("hide=", page.Url, StringComparison.Ordinal);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
        await BrowserFixture.CloseAsync(again);
    }

    [Fact]
    public async Task A_type_of_link_clicked_in_its_legend_is_hidden_until_clicked_again()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForNodeAsync(page, "xi-visit-belarus-2015");
        Assert.Contains("PARTICIPATES_IN", await DrawnAsync("edge", "type", page));

        await page.ClickAsync("#link-legend button[data-type='PARTICIPATES_IN']");
        await page.WaitForFunctionAsync("() => explorer.cy.edges('[type = \"PARTICIPATES_IN\"]').empty()", null, new() { Timeout = 15_000 });
        Assert.Contains("COOPERATES_IN", await DrawnAsync("edge", "type", page));
        Assert.Equal("off", await page.GetAttributeAsync("#link-legend li[data-type='PARTICIPATES_IN']", "class"));
        Assert.Contains("hideType=PARTICIPATES_IN", page.Url, StringComparison.Ordinal);

        // The address keeps it; a type that does not exist, typed into it, is dropped.
        var again = await OpenAtAsync(requests, page.Url + "&hideType=NO_SUCH_TYPE");
        await WaitForNodeAsync(again, "china");
        Assert.DoesNotContain("PARTICIPATES_IN", await DrawnAsync("edge", "type", again));
        Assert.Contains("COOPERATES_IN", await DrawnAsync("edge", "type", again));
        Assert.Equal(0, await again.Locator("#link-legend li[data-type='NO_SUCH_TYPE']").CountAsync());

        await page.ClickAsync("#link-legend button[data-type='PARTICIPATES_IN']");
        await page.WaitForFunctionAsync("() => explorer.cy.edges('[type = \"PARTICIPATES_IN\"]').nonempty()", null, new() { Timeout = 15_000 });
        Assert.DoesNotContain("hideType=", page.Url, StringComparison.Ordinal);
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
        await BrowserFixture.CloseAsync(again);
    }

    /// <summary>One field of each element drawn: the kind of each entity ("node", "kind") or the type of each link ("edge", "type").</summary>
    private static async Task<string[]> DrawnAsync(string elements, string field, IPage page) =>
        await page.EvaluateAsync<string[]>("([elements, field]) => explorer.cy.elements(elements).map(e => e.data(field))", new[] { elements, field });

    [Fact]
    public async Task An_entitys_relationships_are_listed_ten_at_a_time()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        Assert.Contains("Relationships (17)", await page.InnerTextAsync("#panel h3"), StringComparison.Ordinal);
        Assert.Equal(10, await ListedRelationships(page).CountAsync());
        Assert.Equal("Show 7 more of 7", await page.InnerTextAsync("#panel button[data-action='more']"));

        await page.ClickAsync("#panel button[data-action='more']");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#panel ul.relationships li:not(.more)').length === 17", null, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("#panel button[data-action='more']").CountAsync());
        var listed = await ListedRelationships(page).EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('a[data-relationship]').dataset.relationship)");
        Assert.Equal(17, listed.Distinct().Count());
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task An_entitys_timeline_lists_its_dated_relationships_in_date_order_ten_at_a_time()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        // What the timeline must hold, asked of the API beside the page: every relationship of Belarus that has a date.
        var belarus = await AskTheApiAsync(page, """{ entity(id: "belarus") { relationships(first: 100) { edges { relationship { id validTime { start { text } end { text } } } } } } }""");
        var dated = belarus.GetProperty("entity").GetProperty("relationships").GetProperty("edges").EnumerateArray()
            .Select(edge => edge.GetProperty("relationship"))
            .Where(r => r.GetProperty("validTime").GetProperty("start").ValueKind != JsonValueKind.Null || r.GetProperty("validTime").GetProperty("end").ValueKind != JsonValueKind.Null)
            .Select(r => r.GetProperty("id").GetString()!)
            .ToArray();
        Assert.Equal(11, dated.Length);
        Assert.Equal(10, await TimelineEntries(page).CountAsync());

        await page.ClickAsync("#panel button[data-action='more-timeline']");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#panel ol.timeline li:not(.more)').length === 11", null, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("#panel button[data-action='more-timeline']").CountAsync());
        var listed = await TimelineEntries(page).EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('a[data-relationship]').dataset.relationship)");
        Assert.Equal(dated.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var dates = await TimelineEntries(page).EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('button.date').dataset.date)");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal(["1992-01-27", "2019-01-01"], new[] { dates[0], dates[^1] });
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_date_clicked_in_the_timeline_shows_the_graph_as_of_that_day()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        await WaitForNodeAsync(page, "infrastructure");

        // The day ties were established: what began in 2013 is gone, the ties themselves are drawn.
        await page.ClickAsync("#panel ol.timeline button.date[data-date='1992-01-27']");
        await WaitForNodeAsync(page, "infrastructure", present: false);
        await page.WaitForFunctionAsync("() => /as of 1992-01-27/.test(document.querySelector('#panel h3').textContent)", null, new() { Timeout = 15_000 });
        Assert.Equal("1992-01-27", await page.InputValueAsync("#as-of"));
        Assert.Contains("asOf=1992-01-27", page.Url, StringComparison.Ordinal);
        Assert.Contains("china-belarus-diplomatic-relations", await NodeIdsAsync(page, "edge"));
        Assert.DoesNotContain("china-invests-in-belarus-2019", await NodeIdsAsync(page, "edge"));
        Assert.Equal("true", await page.GetAttributeAsync("#panel ol.timeline button.date[data-date='1992-01-27']", "aria-pressed"));

        // A later entry: the 2019 investment is drawn from the first day of 2019.
        await page.ClickAsync("#panel ol.timeline li:has(a[data-relationship='china-invests-in-belarus-2019']) button.date");
        await WaitForNodeAsync(page, "china-invests-in-belarus-2019");
        Assert.Equal("2019-01-01", await page.InputValueAsync("#as-of"));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task The_pointer_on_an_entity_or_a_link_shows_its_whole_name()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDrawingAsync(page);

        // Drawn with its label cut short; the tooltip names it whole.
        await MoveToAsync(page, "() => explorer.cy.getElementById('comprehensive-strategic-partnership').renderedPosition()");
        await page.WaitForFunctionAsync("() => document.getElementById('graph').title === 'China–Belarus comprehensive strategic partnership (topic)'", null, new() { Timeout = 15_000 });

        await MoveToAsync(page, "() => explorer.cy.getElementById('china-belarus-diplomatic-relations').renderedMidpoint()");
        await page.WaitForFunctionAsync("() => document.getElementById('graph').title === 'China DIPLOMATIC_RELATIONS Belarus'", null, new() { Timeout = 15_000 });

        await MoveToAsync(page, "() => ({ x: 5, y: 5 })");
        await page.WaitForFunctionAsync("() => document.getElementById('graph').title === ''", null, new() { Timeout = 15_000 });
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    /// <summary>The pointer moved to a point of the drawing, given by a script as cytoscape's rendered coordinates.</summary>
    private static async Task MoveToAsync(IPage page, string point)
    {
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var at = await page.EvaluateAsync<double[]>($"() => {{ const p = ({point})(); return [p.x, p.y]; }}");
        await page.Mouse.MoveAsync((float)(box.X + at[0]), (float)(box.Y + at[1]), new() { Steps = 3 });
    }

    [Fact]
    public async Task Fit_brings_the_whole_drawing_back_into_view()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDrawingAsync(page);
        const string allInView = """
            () => { const v = explorer.cy.extent(), b = explorer.cy.elements().boundingBox();
                    return b.x1 >= v.x1 && b.x2 <= v.x2 && b.y1 >= v.y1 && b.y2 <= v.y2; }
            """;
        Assert.True(await page.EvaluateAsync<bool>(allInView));

        await page.EvaluateAsync("() => { explorer.cy.zoom(1.6); explorer.cy.pan({ x: -3000, y: -3000 }); }");
        Assert.False(await page.EvaluateAsync<bool>(allInView));
        await page.ClickAsync("#fit");
        Assert.True(await page.EvaluateAsync<bool>(allInView));
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task Save_image_downloads_the_whole_drawing_as_a_png_named_after_the_view()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus&asOf=2014-01-01");
        await WaitForNodeAsync(page, "infrastructure");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#save-image"));
        Assert.Equal("graph-belarus-as-of-2014-01-01.png", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"graph-download-{Guid.NewGuid():N}.png");
        try
        {
            await download.SaveAsAsync(path);
            var image = await File.ReadAllBytesAsync(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image[..4]);
            // A PNG gives its width in its header (bytes 16-19): the whole drawing at twice the scale is twice its width.
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16, 4));
            var drawingWidth = await page.EvaluateAsync<double>("() => explorer.cy.elements().boundingBox().w");
            Assert.InRange(width, (int)(2 * drawingWidth) - 4, (int)(2 * drawingWidth) + 4);
        }
        finally
        {
            File.Delete(path);
        }

        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    /// <summary>A query asked of the API beside the page, from the page's own origin as the page asks; the answer's data.</summary>
    private static async Task<JsonElement> AskTheApiAsync(IPage page, string query) =>
        await page.EvaluateAsync<JsonElement>("""
            async query => (await (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()).data
            """, query);

    private static ILocator TimelineEntries(IPage page) => page.Locator("#panel ol.timeline li:not(.more)");

    [Fact]
    public async Task An_entitys_relationships_are_narrowed_to_a_type_or_a_kind_of_neighbour_by_their_counts()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        // The counts, asked of the API beside the page, are the chips' own.
        var belarus = (await AskTheApiAsync(page, "{ entity(id: \"belarus\") { relationshipCounts { type count } neighborCounts { kind count } } }")).GetProperty("entity");
        string[] counts =
        [
            .. belarus.GetProperty("relationshipCounts").EnumerateArray().Select(c => $"{c.GetProperty("type").GetString()} {c.GetProperty("count").GetInt32()}"),
            .. belarus.GetProperty("neighborCounts").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("count").GetInt32()}"),
        ];
        var chips = await page.Locator("#panel .filters button").EvaluateAllAsync<string[]>(
            "items => items.map(b => `${b.dataset.filterType ?? b.dataset.filterKind} ${b.querySelector('b').textContent}`)");
        Assert.Equal(counts, chips);
        var participates = int.Parse(counts.Single(c => c.StartsWith("PARTICIPATES_IN ", StringComparison.Ordinal)).Split(' ')[1], CultureInfo.InvariantCulture);

        // One type: only its relationships, as many as its count.
        await page.ClickAsync("#panel .filters button[data-filter-type='PARTICIPATES_IN']");
        await page.WaitForFunctionAsync("() => /of 17/.test(document.getElementById('relationships-heading').textContent)", null, new() { Timeout = 15_000 });
        Assert.Equal($"Relationships ({participates} of 17)", await page.InnerTextAsync("#relationships-heading"));
        var types = await ListedRelationships(page).EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('a.type').textContent)");
        Assert.Equal(Enumerable.Repeat("PARTICIPATES_IN", participates), types);

        // One kind of neighbour: only the relationships with a country at the other end, China.
        await page.ClickAsync("#panel .filters button[data-filter-kind='COUNTRY']");
        await page.WaitForFunctionAsync("() => document.querySelector(\"#panel .filters button[data-filter-kind='COUNTRY']\").getAttribute('aria-pressed') === 'true'", null, new() { Timeout = 15_000 });
        var others = await ListedRelationships(page).EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('a[data-entity]').dataset.entity)");
        Assert.NotEmpty(others);
        Assert.All(others, other => Assert.Equal("china", other));
        Assert.Equal("false", await page.GetAttributeAsync("#panel .filters button[data-filter-type='PARTICIPATES_IN']", "aria-pressed"));

        // Clicked again: all of them, a page at a time.
        await page.ClickAsync("#panel .filters button[data-filter-kind='COUNTRY']");
        await page.WaitForFunctionAsync("() => document.getElementById('relationships-heading').textContent === 'Relationships (17)'", null, new() { Timeout = 15_000 });
        Assert.Equal(10, await ListedRelationships(page).CountAsync());
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    [Fact]
    public async Task A_citation_opens_its_document_with_what_the_paragraph_cited_supports()
    {
        var requests = new List<string>();
        var page = await OpenAtAsync(requests, "/explorer#centre=belarus&selected=belarus");
        await WaitForDetailsOfAsync(page, "Belarus");
        var citation = page.Locator("#panel ul.relationships a.citation[data-paragraph='2']").First;
        var document = await citation.GetAttributeAsync("data-document");
        // What the document supports in all and from paragraph 2, asked of the API beside the page.
        var source = (await AskTheApiAsync(page, $$"""{ entity(id: "{{document}}") { ... on Document { all: supports { totalCount } second: supports(paragraph: 2) { totalCount } } } }""")).GetProperty("entity");
        int[] totals = [source.GetProperty("all").GetProperty("totalCount").GetInt32(), source.GetProperty("second").GetProperty("totalCount").GetInt32()];
        Assert.True(totals[0] > 10 && totals[1] > 1 && totals[1] < totals[0], string.Join(',', totals));

        // Picked from further down the list: the document is shown from its top.
        await page.EvalOnSelectorAsync("#panel", "panel => { panel.scrollTop = panel.scrollHeight; }");
        await citation.ClickAsync();
        await page.WaitForFunctionAsync("() => / of /.test(document.getElementById('supports-heading')?.textContent)", null, new() { Timeout = 15_000 });
        Assert.Equal($"Supports ({totals[1]} of {totals[0]})", await page.InnerTextAsync("#supports-heading"));
        Assert.Equal("2", await page.InputValueAsync("#paragraph"));
        Assert.Equal(0, await page.EvalOnSelectorAsync<int>("#panel", "panel => panel.scrollTop"));
        // A document has no relationships of its own to list, expand or connect: only what it supports.
        Assert.Equal(0, await page.Locator("#relationships-heading, #panel button[data-action='expand']").CountAsync());
        Assert.Contains($"selected={document}", page.Url, StringComparison.Ordinal);
        // Every relationship listed cites that paragraph of that document; the drawing is left as it was.
        var cited = await Supported(page).EvaluateAllAsync<bool[]>(
            "(items, id) => items.map(li => [...li.querySelectorAll('a.citation')].some(a => a.dataset.document === id && a.dataset.paragraph === '2'))", document);
        Assert.Equal(Enumerable.Repeat(true, Math.Min(totals[1], 10)), cited);
        Assert.Contains("belarus", await NodeIdsAsync(page));

        // Another paragraph chosen, then every paragraph: all it supports, ten at a time, and the next ten.
        await page.SelectOptionAsync("#paragraph", "1");
        await page.WaitForFunctionAsync("""
            () => { const rows = [...document.querySelectorAll('#panel ul.supports li:not(.more)')];
                    return rows.length > 0 && rows.every(li => li.querySelector('a.citation[data-paragraph="1"]')); }
            """, null, new() { Timeout = 15_000 });
        await page.SelectOptionAsync("#paragraph", "");
        await page.WaitForFunctionAsync("total => document.getElementById('supports-heading').textContent === `Supports (${total})`", totals[0], new() { Timeout = 15_000 });
        Assert.Equal(10, await Supported(page).CountAsync());
        await page.ClickAsync("#panel button[data-action='more-supports']");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#panel ul.supports li:not(.more)').length === n", Math.Min(totals[0], 20), new() { Timeout = 15_000 });
        var listed = await Supported(page).EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('a[data-relationship]').dataset.relationship)");
        Assert.Equal(listed.Length, listed.Distinct().Count());
        fixture.AssertStayedLocalWithoutErrors(requests);
        await BrowserFixture.CloseAsync(page);
    }

    private static ILocator Supported(IPage page) => page.Locator("#panel ul.supports li:not(.more)");

    private static ILocator ListedRelationships(IPage page) => page.Locator("#panel ul.relationships li:not(.more)");

    /// <summary>The selected entity's list of relationships paged to its end.</summary>
    private static async Task ShowAllRelationshipsAsync(IPage page)
    {
        var more = page.Locator("#panel button[data-action='more']");
        for (var pages = 0; pages < 10 && await more.CountAsync() > 0; pages++)
        {
            await more.ClickAsync();
            await page.WaitForFunctionAsync("() => !document.querySelector('#panel button[data-action=\"more\"][disabled]')", null, new() { Timeout = 15_000 });
        }
    }
}
