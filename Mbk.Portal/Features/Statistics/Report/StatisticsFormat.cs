using System.Globalization;

namespace Mbk.Portal.Features.Statistics.Report;

/// <summary>Numbers as the reports write them (sv-SE with a plain space between thousands): "33 893", "12,5 %", "4,85".</summary>
public static class StatisticsFormat
{
    public static CultureInfo Swedish { get; } = CreateCulture();

    /// <summary>What a figure reads when the period has no data for it (never 0: missing is not zero).</summary>
    public const string Missing = "uppgift saknas";

    /// <summary>A table cell without data: a dash followed by the words, so nobody reads it as 0.</summary>
    public const string MissingCell = "– (uppgift saknas)";

    public static string Number(long value) => value.ToString("#,0", Swedish);

    /// <summary>The number, or <see cref="MissingCell"/> when there is no data.</summary>
    public static string NumberOrMissing(long? value, bool hasData = true) => hasData && value is { } v ? Number(v) : MissingCell;

    public static string Number(int value) => value.ToString("#,0", Swedish);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("#,0.0", Swedish) + " %" : "–";

    public static string Fraction(decimal? value, int decimals = 1) =>
        value is { } v ? v.ToString("#,0." + new string('0', decimals), Swedish) : "–";

    public static string Minutes(double? minutes) =>
        minutes is { } m ? m.ToString("#,0.#", Swedish) + " min" : "–";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("sv-SE").Clone();
        culture.NumberFormat.NumberGroupSeparator = " ";
        culture.NumberFormat.NegativeSign = "\u2212";
        return CultureInfo.ReadOnly(culture);
    }
}
