using Mbk.Portal.Components;
using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Statistics.Visitors;

/// <summary>
/// A manager's visitor count: the period's visitors and readings, manual readings, the formula, the door counter's key
/// and daily gender estimates. A refused change shows its reason next to its section and keeps what was typed.
/// </summary>
public sealed partial class VisitorsPanel
{
    private static readonly CultureInfo Swedish = PortalSetup.Swedish;

    private VisitorSettings _settings = new(string.Empty, Mbk.Domain.Offices.Office.DefaultTimeZoneId, DoorCounterReading.DefaultPassagesPerVisitor, DoorCounterReading.DefaultStaffShare, false);
    private StatisticsPeriod _period = StatisticsPeriod.Year(2000);
    private IReadOnlyList<ReadingView> _readings = [];
    private GenderTotals _gender = new(0, 0, 0, 0, 0);
    private int _periodVisitors;
    private bool _hasHourly;
    private int _year;
    private int? _month;
    private string? _manualDay;
    private int? _manualReading;
    private decimal _passagesPerVisitor;
    private decimal _staffSharePercent;
    private int _maxPassagesPerHour;
    private string? _openedOn;
    private string? _issuedKey;
    private string? _genderDay;
    private int _women;
    private int _men;
    private int _other;
    private int _unknown;
    private string? _periodError;
    private string? _manualError;
    private string? _manualResult;
    private string? _readingsError;
    private string? _factorsError;
    private string? _keyError;
    private string? _genderError;
    private bool _loaded;
    private readonly PanelCommand _command = new();

    private bool Busy => _command.IsRunning;

    [Inject]
    private VisitorQueries Queries { get; set; } = default!;

    [Inject]
    private VisitorCommands Commands { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in manager; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The visitor page needs a current office.");

    /// <summary>What the typed reading gives with the office's current factors.</summary>
    private int? PreviewVisitors => _manualReading is >= 0 and { } reading
        ? (int)Math.Round(reading / _settings.PassagesPerVisitor * (1m - _settings.StaffShare), MidpointRounding.AwayFromZero)
        : null;

    private string EndpointUrl => Navigation.BaseUri.TrimEnd('/') + DoorCounterApi.PathFor(_settings.OfficeSlug);

    private string CurlExample => $"curl -X POST \"{EndpointUrl}\" \\\n  -H \"{DoorCounterKeys.HeaderName}: {_issuedKey}\" \\\n  -H \"Content-Type: application/json\" \\\n"
        + "  -d '{\"start\": \"2026-11-23T09:00:00+01:00\", \"end\": \"2026-11-23T10:00:00+01:00\", \"count\": 123}'";

    protected override async Task OnInitializedAsync()
    {
        _settings = await Queries.GetSettingsAsync(OfficeId);
        LoadFactors();
        var today = ServiceDayCalculator.ServiceDay(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(_settings.TimeZoneId));
        _year = today.Year;
        _month = today.Month;
        _manualDay = IsoDate(today);
        _genderDay = IsoDate(today);
        _period = StatisticsPeriod.Month(today.Year, today.Month);
        await LoadPeriodAsync();
        _loaded = true;
    }

    private void LoadFactors()
    {
        _passagesPerVisitor = _settings.PassagesPerVisitor;
        _staffSharePercent = _settings.StaffShare * 100m;
        _maxPassagesPerHour = _settings.MaxDoorPassagesPerHour;
        _openedOn = _settings.OpenedOn is { } opened ? IsoDate(opened) : null;
    }

    private async Task LoadPeriodAsync()
    {
        _readings = await Queries.GetReadingsAsync(OfficeId, _period);
        _periodVisitors = await Queries.GetVisitorsAsync(OfficeId, _period);
        _hasHourly = await Queries.HasHourlyReadingsAsync(OfficeId, _period);
        _gender = await Queries.GetGenderTotalsAsync(OfficeId, _period);
    }

    private Task ShowPeriodAsync() => RunAsync(async () =>
    {
        _period = _month is { } month ? StatisticsPeriod.Month(_year, month) : StatisticsPeriod.Year(_year);
        await LoadPeriodAsync();
    }, e => _periodError = e);

    private Task AddManualAsync() => RunAsync(async () =>
    {
        _manualResult = null;
        var day = ParseDay(_manualDay);
        var reading = _manualReading ?? throw new DomainException("Skriv in räknarens värde.");
        var stored = await Commands.AddManualReadingAsync(Staff, day, reading);
        _manualResult = string.Create(Swedish, $"Sparat för {IsoDate(day)}: {Number(reading)} passager ger {Number(stored.Visitors)} besökare.");
        _manualReading = null;
        if (!_period.Contains(day))
        {
            // Show the month of the reading just saved, so it appears in the list and the total.
            _period = StatisticsPeriod.Month(day.Year, day.Month);
            _year = day.Year;
            _month = day.Month;
        }

        await LoadPeriodAsync();
    }, e => _manualError = e);

    private Task DeleteAsync(int readingId) => RunAsync(async () =>
    {
        await Commands.DeleteManualReadingAsync(Staff, readingId);
        await LoadPeriodAsync();
    }, e => _readingsError = e);

    private Task SaveFactorsAsync() => RunAsync(async () =>
    {
        DateOnly? openedOn = null;
        if (!string.IsNullOrWhiteSpace(_openedOn))
        {
            openedOn = DateOnly.TryParseExact(_openedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new DomainException("Skriv kontorets startdatum som åååå-mm-dd, t.ex. 2004-08-16, eller lämna fältet tomt.");
        }

        await Commands.SetVisitorFactorsAsync(Staff, _passagesPerVisitor, _staffSharePercent / 100m);
        await Commands.SetDoorCounterLimitsAsync(Staff, _maxPassagesPerHour, openedOn);
        _settings = await Queries.GetSettingsAsync(OfficeId);
        LoadFactors();
    }, e => _factorsError = e);

    private Task IssueKeyAsync() => RunAsync(async () =>
    {
        _issuedKey = await Commands.IssueDoorCounterKeyAsync(Staff);
        _settings = await Queries.GetSettingsAsync(OfficeId);
    }, e => _keyError = e);

    private Task RevokeKeyAsync() => RunAsync(async () =>
    {
        await Commands.RevokeDoorCounterKeyAsync(Staff);
        _issuedKey = null;
        _settings = await Queries.GetSettingsAsync(OfficeId);
    }, e => _keyError = e);

    private Task SaveGenderAsync() => RunAsync(async () =>
    {
        var day = ParseDay(_genderDay);
        await Commands.SetGenderEstimateAsync(Staff, day, _women, _men, _other, _unknown);
        _gender = await Queries.GetGenderTotalsAsync(OfficeId, _period);
    }, e => _genderError = e);

    /// <summary>Runs a change; a refusal is shown in the section's alert and the typed values stay.</summary>
    private async Task RunAsync(Func<Task> action, Action<string?> setError) => await _command.RunAsync(action, setError);

    private static DateOnly ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new DomainException("Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-23.");

    private static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString("N0", Swedish);

    private static string Decimal(decimal value) => value.ToString("0.##", Swedish);

    private static string Time(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string SourceName(DoorCounterSource source) => source switch
    {
        DoorCounterSource.Manual => "Manuell",
        DoorCounterSource.Automatic => "Automatisk",
        _ => "Inläst",
    };

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };
}
