using Graph.Api.Model;

namespace Graph.Api.Tests.Import;

/// <summary>A date is a year of four digits, optionally with a month, and then a day, of two digits each; nothing else.</summary>
public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019", DatePrecision.Year, "2019-01-01", "2019-12-31")]
    [InlineData("0001", DatePrecision.Year, "0001-01-01", "0001-12-31")]
    [InlineData("2013-05", DatePrecision.Month, "2013-05-01", "2013-05-31")]
    [InlineData("2020-02", DatePrecision.Month, "2020-02-01", "2020-02-29")]
    [InlineData("2019-02", DatePrecision.Month, "2019-02-01", "2019-02-28")]
    [InlineData("1992-01-27", DatePrecision.Day, "1992-01-27", "1992-01-27")]
    [InlineData("2000-02-29", DatePrecision.Day, "2000-02-29", "2000-02-29")]
    public void A_date_means_the_days_of_its_precision(string text, DatePrecision precision, string earliest, string latest)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(new PartialDate(text, precision, DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture)), date);
        Assert.Same(text, date!.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" 2019")]
    [InlineData("2019 ")]
    [InlineData("19")]
    [InlineData("20190")]
    [InlineData("0000")]
    [InlineData("201a")]
    [InlineData("２０１９")]
    [InlineData("+201")]
    [InlineData("-2019")]
    [InlineData("2019-")]
    [InlineData("2019-5")]
    [InlineData("2019-005")]
    [InlineData("2019-00")]
    [InlineData("2019-13")]
    [InlineData("2019--01")]
    [InlineData("2019-01-")]
    [InlineData("2019-01-1")]
    [InlineData("2019-01-001")]
    [InlineData("2019-01-00")]
    [InlineData("2019-02-29")]
    [InlineData("2019-04-31")]
    [InlineData("2019-01-01-01")]
    [InlineData("2019/01/01")]
    [InlineData("2019-1a")]
    [InlineData("2019-01-1a")]
    public void Anything_else_is_not_a_date(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out var date));
        Assert.Null(date);
    }
}
