using System.Globalization;

namespace Mbk.LoadHarness;

/// <summary>Percentiles and formatting for the report.</summary>
internal static class Measure
{
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>"p50 / p95 / p99 / max" in milliseconds.</summary>
    public static string Spread(IReadOnlyCollection<double> values) => values.Count == 0
        ? "–"
        : $"{Ms(Percentile(values, 50))} / {Ms(Percentile(values, 95))} / {Ms(Percentile(values, 99))} / {Ms(values.Max())}";

    public static string Ms(double ms) => ms switch
    {
        double.NaN => "–",
        < 10 => ms.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ms.ToString("0", CultureInfo.InvariantCulture),
    };

    public static string Kb(double bytes) => (bytes / 1024).ToString("0", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("0", CultureInfo.InvariantCulture) + " MB";

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
