using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mbk.Portal.Features.Almanac.OpeningHours;

using WeeklyHours = Mbk.Domain.Queue.OpeningHours;

/// <summary>
/// The office's opening hours, the one place they are kept: weekly hours (with the evening opening), exceptions, and
/// the coming year's holidays with the manager's answer. Everyone sees them; only managers change them. Other open
/// screens follow every change live.
/// </summary>
public sealed partial class OpeningHoursPanel : LiveComponentBase
{
    private static readonly (DayOfWeek Day, string Key, string Name)[] Week =
    [
        (DayOfWeek.Monday, "mon", "Måndag"),
        (DayOfWeek.Tuesday, "tue", "Tisdag"),
        (DayOfWeek.Wednesday, "wed", "Onsdag"),
        (DayOfWeek.Thursday, "thu", "Torsdag"),
        (DayOfWeek.Friday, "fri", "Fredag"),
        (DayOfWeek.Saturday, "sat", "Lördag"),
        (DayOfWeek.Sunday, "sun", "Söndag"),
    ];

    private OpeningScheduleOverview? _overview;
    private List<DayForm> _days = [];
    private bool _weeklyDirty;
    private Dictionary<DateOnly, HolidayForm> _holidayForms = [];
    private ExceptionForm _newException = new();
    private string? _weeklyError;
    private string? _exceptionsError;
    private string? _holidaysError;
    private readonly PanelCommand _command = new();

    private bool Busy => _command.IsRunning;

    [Inject]
    private OpeningScheduleQueries Queries { get; set; } = default!;

    [Inject]
    private OpeningScheduleCommands Commands { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The opening hours need a current office.");

    private bool CanEdit => Staff.IsManager;

    protected override async Task OnInitializedAsync()
    {
        Listen(OfficeId, e => e is AlmanacChanged { Area: AlmanacArea.OpeningHours }, _ => LoadAsync());
        await LoadAsync();
    }

    /// <summary>Reloads; the weekly form keeps what a manager is typing unless it has been saved.</summary>
    private async Task LoadAsync()
    {
        _overview = await Queries.GetOverviewAsync(OfficeId);
        if (!_weeklyDirty)
        {
            LoadWeekly(_overview.Weekly);
        }

        var drafts = _holidayForms;
        _holidayForms = _overview.Holidays.ToDictionary(
            h => h.Date,
            h => drafts.TryGetValue(h.Date, out var draft) && draft.Dirty ? draft : HolidayForm.From(h));
    }

    private void LoadWeekly(WeeklyHours hours) =>
        _days = Week.Select(d => hours.For(d.Day) is { } open
                ? new DayForm(d.Day, d.Key, d.Name) { Opens = ClockText.Clock(open.Opens), Closes = ClockText.Clock(open.Closes) }
                : new DayForm(d.Day, d.Key, d.Name) { Closed = true })
            .ToList();

    /// <summary>Runs a change; a refusal is shown in the section's alert and the typed values stay.</summary>
    private async Task RunAsync(Func<Task> action, Action<string?> setError) => await _command.RunAsync(action, setError);

    private void WeeklyChanged() => _weeklyDirty = true;

    private Task SaveWeeklyAsync() => RunAsync(async () =>
    {
        var hours = WeeklyHours.Parse(string.Join(';', _days.Select(d => d.Closed
            ? $"{d.Key}=closed"
            : $"{d.Key}={d.Opens?.Trim()}-{d.Closes?.Trim()}")));
        await Commands.SetWeeklyHoursAsync(Staff, hours);
        _weeklyDirty = false;
        await LoadAsync();
        Snackbar.Add("Veckans öppettider är sparade.", Severity.Success);
    }, e => _weeklyError = e);

    private Task AddExceptionAsync() => RunAsync(async () =>
    {
        var date = ClockText.ParseDate(_newException.Date);
        var hours = _newException.Closed ? null : ClockText.ParseHours(_newException.Opens, _newException.Closes);
        await Commands.AddExceptionAsync(Staff, date, hours, _newException.Reason);
        _newException = new ExceptionForm();
        await LoadAsync();
        Snackbar.Add($"Undantaget för {ClockText.Day(date)} är sparat.", Severity.Success);
    }, e => _exceptionsError = e);

    private Task RemoveExceptionAsync(OpeningHoursExceptionRow row) => RunAsync(async () =>
    {
        await Commands.RemoveExceptionAsync(Staff, row.Id);
        await LoadAsync();
        Snackbar.Add($"Undantaget för {ClockText.Day(row.Date)} är borttaget.", Severity.Success);
    }, e => _exceptionsError = e);

    private Task ConfirmClosedAsync(HolidayRow row) => RunAsync(async () =>
    {
        await Commands.ConfirmHolidayAsync(Staff, row.Date, null);
        _holidayForms.Remove(row.Date);
        await LoadAsync();
        Snackbar.Add($"{row.Name}: stängt.", Severity.Success);
    }, e => _holidaysError = e);

    private Task WithdrawAsync(HolidayRow row) => RunAsync(async () =>
    {
        await Commands.WithdrawHolidayDecisionAsync(Staff, row.Date);
        await LoadAsync();
        Snackbar.Add($"{row.Name}: beslutet är ångrat – dagen räknas som stängd tills den bekräftas.", Severity.Info);
    }, e => _holidaysError = e);

    private Task ConfirmOpenAsync(HolidayRow row) => RunAsync(async () =>
    {
        var form = _holidayForms[row.Date];
        var hours = ClockText.ParseHours(form.Opens, form.Closes);
        await Commands.ConfirmHolidayAsync(Staff, row.Date, hours);
        _holidayForms.Remove(row.Date);
        await LoadAsync();
        Snackbar.Add($"{row.Name}: öppet {OpeningSchedule.Format(hours)}.", Severity.Success);
    }, e => _holidaysError = e);

    private static string HoursText(DayHours? hours) => hours is null ? "Stängt" : $"Öppet {OpeningSchedule.Format(hours)}";

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };

    private sealed class DayForm(DayOfWeek day, string key, string name)
    {
        public DayOfWeek Day { get; } = day;

        public string Key { get; } = key;

        public string Name { get; } = name;

        public bool Closed { get; set; }

        public string? Opens { get; set; }

        public string? Closes { get; set; }

        /// <summary>Open past 17:00 as typed (shown as "Kvällsöppet").</summary>
        public bool IsEvening => !Closed && (Closes?.Trim() == "24:00"
            || (TimeOnly.TryParse(Closes, System.Globalization.CultureInfo.InvariantCulture, out var closes) && closes > OpeningSchedule.EveningStarts));
    }

    private sealed class ExceptionForm
    {
        public string? Date { get; set; }

        public bool Closed { get; set; } = true;

        public string? Opens { get; set; } = "09:00";

        public string? Closes { get; set; } = "16:00";

        public string? Reason { get; set; }
    }

    private sealed class HolidayForm
    {
        private string? _opens;
        private string? _closes;

        public string? Opens
        {
            get => _opens;
            set
            {
                _opens = value;
                Dirty = true;
            }
        }

        public string? Closes
        {
            get => _closes;
            set
            {
                _closes = value;
                Dirty = true;
            }
        }

        public bool Dirty { get; private set; }

        public static HolidayForm From(HolidayRow row)
        {
            var hours = row.Hours ?? row.WeeklyHours ?? new DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0));
            return new HolidayForm { _opens = ClockText.Clock(hours.Opens), _closes = ClockText.Clock(hours.Closes) };
        }
    }
}
