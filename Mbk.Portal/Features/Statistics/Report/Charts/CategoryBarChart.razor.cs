using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Statistics.Report.Charts;

/// <summary>
/// Questions per ärendeslag as horizontal bars sorted by count: the top <see cref="StatisticsReport.ChartTopCount"/>
/// and one "Övriga (n ärendeslag)" bar that expands into its categories. Drawn as SVG so every label is a whole,
/// separate line of text (readable, never rotated or overlapping) and the chart can be saved as PNG.
/// </summary>
public sealed partial class CategoryBarChart
{
    public const string SvgId = "stats-category-svg";

    private List<Bar> _bars = [];
    private bool _expanded;

    /// <summary>The report; callers show the no-data line instead when <see cref="StatisticsReport.HasQuestions"/> is false.</summary>
    [Parameter, EditorRequired]
    public StatisticsReport Report { get; set; } = default!;

    private ChartGeometry Geometry { get; set; } = ChartGeometry.For([], 0);

    private string ViewBox => $"0 0 {ChartGeometry.Num(Geometry.Width)} {ChartGeometry.Num(Geometry.Height)}";

    protected override void OnParametersSet() => Build();

    private void ToggleOthers()
    {
        _expanded = !_expanded;
        Build();
    }

    private void Build()
    {
        var others = Report.OtherCategories();
        _bars = _expanded || others.Count == 0
            ? Report.Categories.Where(c => c.Count > 0).Select(c => new Bar(c.Name, c.Count, IsOthers: false)).ToList()
            : Report.ChartCategories().Select((c, i) => new Bar(c.Name, c.Count, IsOthers: others.Count > 0 && i == Report.ChartCategories().Count - 1)).ToList();
        Geometry = ChartGeometry.For(_bars.Select(b => b.Name).ToList(), _bars.Count == 0 ? 0 : _bars.Max(b => b.Count));
    }

    private sealed record Bar(string Name, long Count, bool IsOthers);
}

/// <summary>Sizes of a horizontal bar chart: the label column fits the longest name, so no label is cut or overlaps a bar.</summary>
internal sealed record ChartGeometry(double Width, double LabelRight, double BarLeft, double BarArea, long Max, int Rows)
{
    public const string FontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif";
    public const int FontSize = 13;
    public const int RowHeight = 26;

    // A generous average advance for 13 px sans-serif (Swedish letters, capitals): better a little air than a cut label.
    private const double CharWidth = 8.2;
    private const double CountRoom = 70;
    private const double MinBarArea = 320;

    public double Height => (Rows * RowHeight) + 8;

    public static double RowTop(int row) => 4 + (row * RowHeight);

    public double BarWidth(long count) => Max <= 0 ? 0 : Math.Max(2, BarArea * count / Max);

    public static ChartGeometry For(IReadOnlyList<string> labels, long max)
    {
        var longest = labels.Count == 0 ? 0 : labels.Max(l => l.Length);
        var labelRight = 8 + (longest * CharWidth);
        var barLeft = labelRight + 10;
        var width = Math.Max(760, barLeft + MinBarArea + CountRoom);
        return new ChartGeometry(width, labelRight, barLeft, width - barLeft - CountRoom, max, labels.Count);
    }

    public static string Num(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
