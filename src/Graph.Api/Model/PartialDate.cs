using System.Globalization;

namespace Graph.Api.Model;

/// <summary>
/// A date known to a day, a month or a year ("1992-01-27", "2013-05", "2019").
/// <see cref="Earliest"/> and <see cref="Latest"/> are the first and last days it may mean.
/// </summary>
public sealed record PartialDate(string Text, DatePrecision Precision, DateOnly Earliest, DateOnly Latest)
{
    public static bool TryParse(string? text, out PartialDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length != 4)
        {
            return false;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        if (parts.Length == 1)
        {
            date = new PartialDate(text, DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        if (parts[1].Length != 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (parts.Length == 2)
        {
            date = new PartialDate(text, DatePrecision.Month, new DateOnly(year, month, 1),
                new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
            return true;
        }

        if (parts[2].Length != 2 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var day)
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var exact = new DateOnly(year, month, day);
        date = new PartialDate(text, DatePrecision.Day, exact, exact);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date! : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    public override string ToString() => Text;
}
