using System.ComponentModel;

namespace Graph.Api.Model;

/// <summary>How much of a date is known: sources often give only a year.</summary>
public enum DatePrecision
{
    [Description("Known to the day (YYYY-MM-DD).")]
    Day,
    [Description("Known to the month (YYYY-MM).")]
    Month,
    [Description("Known to the year only (YYYY).")]
    Year,
}
