namespace Graph.Api.Model;

/// <summary>How much of a date is known: sources often give only a year.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}
