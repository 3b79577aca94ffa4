using System.Globalization;
using Mbk.Portal.Features.Statistics.Report;
using ScottPlot;

namespace Mbk.Portal.Features.Reports;

/// <summary>A chart drawn for the report: referenced from the HTML as <c>cid:{ContentId}</c> in the e-mail.</summary>
public sealed record ReportChart(string ContentId, string AltText, byte[] Png);

/// <summary>
/// The report's charts as PNG images drawn on the server with ScottPlot (SkiaSharp), so Outlook, which shows no SVG
/// or script, shows them inline. DejaVu Sans is Debian's default font and has the Swedish letters.
/// </summary>
public static class ReportCharts
{
    public const string CategoriesId = "chart-categories";
    public const string DayPartsId = "chart-dayparts";
    public const string TrendId = "chart-trend";
    public const int Width = 640;

    private const string FontName = "DejaVu Sans";

    /// <summary>
    /// The charts that have something to show: a section without data gets no chart (no empty axes from 0 to 1), and its
    /// table or note says "uppgift saknas" instead.
    /// </summary>
    public static IReadOnlyList<ReportChart> Draw(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var charts = new List<ReportChart>();
        var s = content.Statistics;
        if (s.HasQuestions)
        {
            charts.Add(Categories(content));
        }

        if (s.Visitors.DayParts.HasData && s.Visitors.DayParts.Total > 0)
        {
            charts.Add(DayParts(content));
        }

        // A comparison needs two years with figures.
        if (Enumerable.Range(0, s.Trends.Years.Count).Count(i => s.Trends.Questions.Counts[i] is not null || s.Trends.Visitors.Counts[i] is not null) >= 2)
        {
            charts.Add(Trend(content));
        }

        return charts;
    }

    private static ReportChart Categories(ReportContent content)
    {
        var rows = content.Statistics.ChartCategories();
        var plot = NewPlot($"Frågor per ärendeslag, {content.Period.Label}");
        if (rows.Count > 0)
        {
            // Largest at the top: horizontal bars are drawn bottom-up.
            var ordered = rows.Reverse().ToList();
            var bars = ordered.Select((r, i) => new Bar { Position = i, Value = r.Count, FillColor = Colors.SteelBlue, Label = StatisticsFormat.Number(r.Count) }).ToList();
            var series = plot.Add.Bars(bars);
            series.Horizontal = true;
            series.ValueLabelStyle.FontName = FontName;
            plot.Axes.Left.SetTicks(ordered.Select((_, i) => (double)i).ToArray(), ordered.Select(r => r.Name).ToArray());
            plot.Axes.Bottom.TickGenerator = SwedishTicks();
            plot.Axes.Margins(left: 0, right: 0.15);
        }
        else
        {
            // No axes counting from -10 to 10 around nothing: say so instead.
            plot.Add.Annotation("Inga frågor räknade under perioden", Alignment.MiddleCenter);
            plot.HideGrid();
            plot.Axes.Frameless();
        }

        return Render(plot, CategoriesId, "Stapeldiagram: frågor per ärendeslag", Math.Max(260, 60 + (rows.Count * 28)));
    }

    private static ReportChart DayParts(ReportContent content)
    {
        var d = content.Statistics.Visitors.DayParts;
        var plot = NewPlot($"Besökare dag, kväll och helg, {content.Period.Label}");
        var values = new[] { d.Day, d.Evening, d.Weekend };
        var names = new[] { "Dag", "Kväll", "Helg" };
        var bars = values.Select((v, i) => new Bar { Position = i, Value = v, FillColor = Colors.SeaGreen, Label = StatisticsFormat.Number(v) }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontName = FontName;
        plot.Axes.Bottom.SetTicks([0, 1, 2], names);
        plot.Axes.Left.TickGenerator = SwedishTicks();
        plot.Axes.Margins(bottom: 0, top: 0.15);
        StartAtZero(plot, values.Max());
        return Render(plot, DayPartsId, "Stapeldiagram: besökare dag, kväll och helg", 260);
    }

    private static ReportChart Trend(ReportContent content)
    {
        var t = content.Statistics.Trends;
        var plot = NewPlot("Frågor och besökare, samma period olika år");
        var bars = new List<Bar>();
        for (var i = 0; i < t.Years.Count; i++)
        {
            // A year without data gets no bar (not a bar of 0).
            if (t.Questions.Counts[i] is { } questions)
            {
                bars.Add(new Bar { Position = (i * 3) + 0, Value = questions, FillColor = Colors.SteelBlue, Label = StatisticsFormat.Number(questions) });
            }

            if (t.Visitors.Counts[i] is { } visitors)
            {
                bars.Add(new Bar { Position = (i * 3) + 1, Value = visitors, FillColor = Colors.Orange, Label = StatisticsFormat.Number(visitors) });
            }
        }

        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontName = FontName;
        plot.Axes.Bottom.SetTicks(
            t.Years.Select((_, i) => (i * 3) + 0.5).ToArray(),
            t.Years.Select((y, i) => y.ToString(CultureInfo.InvariantCulture) + (t.Questions.Counts[i] is null && t.Visitors.Counts[i] is null ? "\n(uppgift saknas)" : string.Empty)).ToArray());
        plot.Axes.Left.TickGenerator = SwedishTicks();
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontName = FontName;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Frågor", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Besökare", FillColor = Colors.Orange });
        plot.Axes.Margins(bottom: 0, top: 0.15);
        StartAtZero(plot, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        return Render(plot, TrendId, "Stapeldiagram: frågor och besökare per år", 280);
    }

    /// <summary>Counts are never negative: with nothing to show, the value axis still runs from 0 (to 1), not from -1.</summary>
    private static void StartAtZero(Plot plot, double largest)
    {
        if (largest <= 0)
        {
            plot.Axes.SetLimitsY(0, 1);
        }
    }

    /// <summary>Axis numbers the Swedish way ("1 600", not "1,600").</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic SwedishTicks() => new()
    {
        LabelFormatter = value => value.ToString("#,0.##", StatisticsFormat.Swedish),
    };

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 14);
        return plot;
    }

    private static ReportChart Render(Plot plot, string id, string alt, int height)
    {
        plot.Font.Set(FontName);
        var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        return new ReportChart(id, alt, png);
    }
}
