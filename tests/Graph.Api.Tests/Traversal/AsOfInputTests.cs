using System.Net;
using System.Text.Json;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Traversal;

/// <summary>
/// A date that is not one day written YYYY-MM-DD is refused with the engine's stable code, and the
/// message says how a date is written: a bare year is the likeliest slip, since the graph's own facts
/// are dated by year or month.
/// </summary>
[Collection(SeedGraphTests.Name)]
public sealed class AsOfInputTests(SeedGraphFixture fixture)
{
    private const string Form = "written YYYY-MM-DD";

    // Each also as a GraphQL literal: for these strings, numbers and booleans it is their JSON text.
    public static TheoryData<object> NotADay => ["2013", "2013-06", "2014-02-30", "2014-1-5", "2014-01-05T00:00:00", 2013, true];

    [Theory]
    [MemberData(nameof(NotADay))]
    public async Task A_variable_that_is_not_a_day_is_refused_with_the_form_of_a_date(object value)
    {
        const string Query = """query($d: Date) { neighborhood(id: "belarus", asOf: $d) { truncated } }""";
        // Run twice with a day first: the document is then kept and validated, so the refused value meets the
        // compiled plan first, which hands a value it cannot coerce back to the engine.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync(Query, new { d = "2014-06-01" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync(Query, new { d = "2014-06-01" })).Status);

        var response = await fixture.Client.PostAsync(Query, new { d = value });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("INVALID_VALUE", response.FirstErrorCode);
        Assert.Contains(Form, response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Data);
    }

    [Theory]
    [MemberData(nameof(NotADay))]
    public async Task A_literal_that_is_not_a_day_is_refused_with_the_form_of_a_date(object value)
    {
        var response = await fixture.Client.PostAsync($$"""{ entity(id: "china") { degree(asOf: {{JsonSerializer.Serialize(value)}}) } }""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", response.FirstErrorCode);
        Assert.Contains(Form, response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_refused_values_are_not_told_about_dates()
    {
        var response = await fixture.Client.PostAsync("""{ entity(id: "china") { relationships(first: "ten") { totalCount } } }""");

        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", response.FirstErrorCode);
        Assert.DoesNotContain(Form, response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_in_the_year_is_what_a_bare_year_is_asked_as()
    {
        var data = await fixture.Client.QueryAsync("""query($d: Date) { entity(id: "china") { degree(asOf: $d) } }""", new { d = "2013-06-01" });

        Assert.True(data["entity"]!["degree"]!.GetValue<int>() > 0);
    }
}
