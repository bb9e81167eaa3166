using Graph.Api.Model;

namespace Graph.Api.Tests.Index;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019", "YEAR", "2019-01-01", "2019-12-31")]
    [InlineData("2024-02", "MONTH", "2024-02-01", "2024-02-29")]
    [InlineData("1992-01-27", "DAY", "1992-01-27", "1992-01-27")]
    public void Parses_each_precision_into_its_span(string text, string precision, string earliest, string latest)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(precision, date.Precision.ToString().ToUpperInvariant());
        Assert.Equal(earliest, date.Earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(latest, date.Latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("19")]
    [InlineData("2019-13")]
    [InlineData("2023-02-29")]
    [InlineData("2019-1-5")]
    [InlineData("twenty")]
    [InlineData("2019-01-01-01")]
    [InlineData("+2019")]
    public void Refuses_what_is_not_a_date(string text) => Assert.False(PartialDate.TryParse(text, out _));
}
