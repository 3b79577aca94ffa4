using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mbk.Portal.Features.Statistics.Report;

/// <summary>
/// The statistics report of an office for a chosen period (default: the current month), with charts, tables,
/// exports and, for managers with several offices, a comparison. Follows the office live: tallies and finished tickets
/// reload the report, at most every <see cref="MinReloadInterval"/>.
/// </summary>
public sealed partial class StatisticsPanel : LiveComponentBase
{
    /// <summary>Live events reload the report at most this often.</summary>
    public static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(2);

    internal static readonly string[] MonthNames =
    [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
    ];

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Mbk.Domain.Offices.Office.DefaultTimeZoneId);

    private readonly object _timerLock = new();
    private StatisticsReport? _report;
    private IReadOnlyList<OfficeComparisonRow>? _comparison;
    private string? _error;
    private bool _loading;
    private int _officeId;
    private int? _listeningTo;
    private DateTimeOffset _lastLoad = DateTimeOffset.MinValue;
    private ITimer? _pendingReload;

    private PeriodKind _kind = PeriodKind.Month;
    private DateTime? _day;
    private int _year;
    private int _week;
    private int _month;
    private int _tertial;
    private DateTime? _customFrom;
    private DateTime? _customTo;

    private List<ChartSeries<double>> _dailySeries = [];
    private string[] _dailyLabels = [];
    private IReadOnlyList<TrendPoint>? _trendLine;
    private bool _trendVisitors;

    [Inject]
    private StatisticsQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    /// <summary>The period to open with (from the address); the current month when null.</summary>
    [Parameter]
    public StatisticsPeriod? InitialPeriod { get; set; }

    internal StatisticsPeriod? Period { get; private set; }

    private bool CanCompare => Staff.IsManager && Staff.Offices.Count > 1;

    protected override async Task OnInitializedAsync()
    {
        _officeId = Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The statistics page needs a current office.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Zone).DateTime);
        _day = today.ToDateTime(TimeOnly.MinValue);
        _customFrom = new DateOnly(today.Year, today.Month, 1).ToDateTime(TimeOnly.MinValue);
        _customTo = _day;
        _year = today.Year;
        _month = today.Month;
        _tertial = Tertial.TertialOf(today);
        var week = StatisticsPeriod.Containing(PeriodKind.Week, today);
        _week = System.Globalization.ISOWeek.GetWeekOfYear(week.From.ToDateTime(TimeOnly.MinValue));
        Period = StatisticsPeriod.Month(today.Year, today.Month);
        if (InitialPeriod is { } initial)
        {
            Period = initial;
            _kind = initial.Kind;
            _day = initial.From.ToDateTime(TimeOnly.MinValue);
            _customFrom = _day;
            _customTo = initial.To.ToDateTime(TimeOnly.MinValue);
            _year = initial.Kind == PeriodKind.Week ? System.Globalization.ISOWeek.GetYear(initial.From.ToDateTime(TimeOnly.MinValue)) : initial.From.Year;
            _month = initial.From.Month;
            _tertial = Tertial.TertialOf(initial.From);
            _week = System.Globalization.ISOWeek.GetWeekOfYear(initial.From.ToDateTime(TimeOnly.MinValue));
        }

        Follow();
        await LoadAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_timerLock)
            {
                _pendingReload?.Dispose();
                _pendingReload = null;
            }
        }

        base.Dispose(disposing);
    }

    private void Follow()
    {
        if (_listeningTo == _officeId)
        {
            return;
        }

        _listeningTo = _officeId;
        Listen(_officeId, e => e is QuestionTallied or QuestionTallyUndone or TicketStatusChanged, _ => ReloadSoonAsync());
    }

    /// <summary>Reloads now if the last load is at least <see cref="MinReloadInterval"/> old, else once when it is.</summary>
    private async Task ReloadSoonAsync()
    {
        lock (_timerLock)
        {
            if (_pendingReload is not null)
            {
                return;
            }
        }

        var wait = _lastLoad + MinReloadInterval - Clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            await LoadAsync();
            return;
        }

        lock (_timerLock)
        {
            _pendingReload = Clock.CreateTimer(_ => _ = InvokeAsync(PendingReloadAsync), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PendingReloadAsync()
    {
        lock (_timerLock)
        {
            _pendingReload?.Dispose();
            _pendingReload = null;
        }

        await LoadAsync();
        StateHasChanged();
    }

    private async Task ApplyPeriodAsync()
    {
        _error = null;
        try
        {
            Period = BuildPeriod();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return;
        }

        await LoadAsync();
    }

    private async Task ChangeOfficeAsync(int officeId)
    {
        if (!Staff.BelongsTo(officeId))
        {
            return;
        }

        _officeId = officeId;
        Follow();
        await LoadAsync();
    }

    private StatisticsPeriod BuildPeriod()
    {
        var day = DateOnly.FromDateTime(_day ?? DateTime.Today);
        return _kind switch
        {
            PeriodKind.Day => StatisticsPeriod.Day(day),
            PeriodKind.Week => StatisticsPeriod.IsoWeek(_year, _week),
            PeriodKind.Month => StatisticsPeriod.Month(_year, _month),
            PeriodKind.Tertial => StatisticsPeriod.Tertial(_year, _tertial),
            PeriodKind.Year => StatisticsPeriod.Year(_year),
            _ => _customFrom is { } from && _customTo is { } to
                ? StatisticsPeriod.Custom(DateOnly.FromDateTime(from), DateOnly.FromDateTime(to))
                : throw new DomainException("Välj både första och sista dagen."),
        };
    }

    private async Task LoadAsync()
    {
        if (Period is not { } period)
        {
            return;
        }

        _loading = true;
        _lastLoad = Clock.GetUtcNow();
        try
        {
            _report = await Queries.GetReportAsync(_officeId, period);
            _comparison = CanCompare ? await Queries.CompareOfficesAsync(Staff.Offices.Select(o => o.Id).ToList(), period) : null;
            _trendLine = await Queries.GetTrendLineAsync(_officeId, period);
            BuildCharts(_report);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private void BuildCharts(StatisticsReport report)
    {
        _dailyLabels = report.VisitorsPerDay.Select(d => d.Day.ToString("d/M", StatisticsFormat.Swedish)).ToArray();
        _dailySeries = [new ChartSeries<double> { Name = "Besökare", Data = new ChartData<double>(report.VisitorsPerDay.Select(d => (double)d.Visitors).ToArray()) }];
    }

    private string ExportLink(string path) => Period is null ? "#" : StatisticsExportEndpoints.Link(path, _officeId, Period);

    /// <summary>A figure, or "– (uppgift saknas)" when the period has no data for it: missing is never shown as 0.</summary>
    private static string Figure(long? value, bool hasData = true) => StatisticsFormat.NumberOrMissing(value, hasData);

    /// <summary>The report's "Största förändringar": categories with data both years, bases under 20 left out.</summary>
    private static IReadOnlyList<Mbk.Domain.Reports.ChangeLine> BiggestChangesAgainstLastYear(StatisticsReport report)
    {
        var counts = report.Trends.Years.Count;
        if (counts < 2)
        {
            return [];
        }

        return Mbk.Domain.Reports.BiggestChanges.Rank(report.Trends.Categories
            .Where(r => r.Counts[^1] is not null && r.Counts[^2] is not null)
            .Select(r => new Mbk.Domain.Reports.ChangeCandidate(r.Name, r.Counts[^1]!.Value, r.Counts[^2]!.Value)));
    }

    private static string SourceText(VisitorSplitSource source) => source switch
    {
        VisitorSplitSource.HourlyReadings => "Besöksräknarens timvärden",
        VisitorSplitSource.TicketsAndTallies => "Nummerlappar och räknade frågor",
        _ => "Underlag saknas",
    };

    private static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Day => "Dag",
        PeriodKind.Week => "Vecka",
        PeriodKind.Month => "Månad",
        PeriodKind.Tertial => "Tertial",
        PeriodKind.Year => "År",
        _ => "Eget intervall",
    };

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };
}
