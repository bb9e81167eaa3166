using System.Globalization;

namespace Graph.Api.Model;

/// <summary>
/// A date known to a day, a month or a year ("1992-01-27", "2013-05", "2019").
/// <see cref="Earliest"/> and <see cref="Latest"/> are the first and last days it may mean.
/// </summary>
public sealed record PartialDate(string Text, DatePrecision Precision, DateOnly Earliest, DateOnly Latest)
{
    /// <remarks>
    /// Read in place, one form at a time (YYYY, YYYY-MM, YYYY-MM-DD), with nothing allocated but the date: splitting the
    /// text and testing its parts with query operators was 7 MB of garbage for a restart's sixty thousand valid times.
    /// </remarks>
    public static bool TryParse(string? text, out PartialDate? date)
    {
        date = null;
        var span = text.AsSpan();
        if (span.Length is not (4 or 7 or 10) || !Digits(span[..4])
            || (span.Length >= 7 && (span[4] != '-' || !Digits(span.Slice(5, 2))))
            || (span.Length == 10 && (span[7] != '-' || !Digits(span.Slice(8, 2)))))
        {
            return false;
        }

        var year = int.Parse(span[..4], CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        if (span.Length == 4)
        {
            date = new PartialDate(text!, DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        var month = int.Parse(span.Slice(5, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        if (span.Length == 7)
        {
            date = new PartialDate(text!, DatePrecision.Month, new DateOnly(year, month, 1),
                new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
            return true;
        }

        var day = int.Parse(span.Slice(8, 2), CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var exact = new DateOnly(year, month, day);
        date = new PartialDate(text!, DatePrecision.Day, exact, exact);
        return true;

        static bool Digits(ReadOnlySpan<char> part) => !part.ContainsAnyExceptInRange('0', '9');
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date! : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    public override string ToString() => Text;
}
