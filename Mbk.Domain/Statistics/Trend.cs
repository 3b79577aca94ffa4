using System.Globalization;

namespace Mbk.Domain.Statistics;

/// <summary>
/// A figure against the same figure earlier; <see cref="ChangePercent"/> is unrounded and null when the earlier figure
/// was 0. When either period has no data at all (<see cref="IsMissing"/>), there is nothing to compare: a year without
/// figures is not a year of zero, so the change reads "–", never "nytt" or "+100 %".
/// </summary>
public sealed record TrendComparison(long Current, long Previous, long Change, decimal? ChangePercent)
{
    /// <summary>True when one of the two periods has no recorded data (<see cref="Current"/>/<see cref="Previous"/> are then 0 and meaningless).</summary>
    public bool IsMissing { get; init; }

    /// <summary>The change in per cent as the reports write it: "+105 %", "−26 %", "nytt" (from 0), "–" (0 both times, or no data).</summary>
    public string PercentText => IsMissing || (ChangePercent is null && Current == 0) ? Trend.NoChangeFromZero : Trend.FormatPercent(ChangePercent);

    /// <summary>The change in numbers: "+1 800", "−1 088", "0"; "–" when a period has no data.</summary>
    public string ChangeText => IsMissing ? Trend.NoChangeFromZero : Trend.FormatChange(Change);
}

/// <summary>Trends against earlier periods, written Swedish style (real minus sign, space before %).</summary>
public static class Trend
{
    /// <summary>What a percent change reads when there was nothing before and now there is.</summary>
    public const string New = "nytt";

    /// <summary>What it reads when both figures are 0.</summary>
    public const string NoChangeFromZero = "–";

    private const char MinusSign = '\u2212';

    private static readonly NumberFormatInfo SwedishNumbers = new()
    {
        NumberGroupSeparator = " ",
        NumberDecimalSeparator = ",",
        NegativeSign = MinusSign.ToString(),
    };

    /// <summary>Compares <paramref name="current"/> with <paramref name="previous"/> (1 719 → 3 519 is +1 800, +104.7 %).</summary>
    public static TrendComparison Compare(long current, long previous)
    {
        var change = current - previous;
        decimal? percent = previous == 0 ? null : (decimal)change * 100m / previous;
        return new TrendComparison(current, previous, change, percent);
    }

    /// <summary>
    /// Compares two figures of which either may be missing (null: no data recorded for that period). Missing is not
    /// zero: the comparison is then <see cref="TrendComparison.IsMissing"/> and reads "–".
    /// </summary>
    public static TrendComparison Compare(long? current, long? previous) =>
        current is { } c && previous is { } p
            ? Compare(c, p)
            : new TrendComparison(current ?? 0, previous ?? 0, 0, null) { IsMissing = true };

    /// <summary>
    /// A percent change rounded to whole per cent (half away from zero): "+105 %", "−26 %", "0 %"; null (the earlier
    /// figure was 0) reads "nytt". Thousands are grouped with a space ("+1 200 %").
    /// </summary>
    public static string FormatPercent(decimal? percent)
    {
        if (percent is not { } value)
        {
            return New;
        }

        var rounded = Math.Round(value, 0, MidpointRounding.AwayFromZero);
        return Signed(rounded) + " %";
    }

    /// <summary>A change in numbers: "+1 800", "−1 088", "0".</summary>
    public static string FormatChange(long change) => Signed(change);

    private static string Signed(decimal value)
    {
        var digits = Math.Abs(value).ToString("#,0", SwedishNumbers);
        return value switch
        {
            > 0 => "+" + digits,
            < 0 => MinusSign + digits,
            _ => digits,
        };
    }
}
