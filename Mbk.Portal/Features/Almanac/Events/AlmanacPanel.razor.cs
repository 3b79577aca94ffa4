using System.Globalization;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Almanac.Events;

/// <summary>Which stretch of days the almanac shows.</summary>
public enum AlmanacView
{
    Day = 0,
    Week = 1,
    Month = 2,
}

/// <summary>
/// The office's shared almanac: day, week (ISO week number) and month views in Swedish, Monday first, with the
/// entries of every <see cref="IAlmanacEntrySource"/> coloured by kind, and the add/edit dialog for events. Follows
/// <see cref="AlmanacChanged"/> live. View and date live in the query string so links can be shared.
/// </summary>
public sealed partial class AlmanacPanel : LiveComponentBase
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private AlmanacView _view = AlmanacView.Week;
    private DateOnly _date;
    private DateOnly _today;
    private IReadOnlyList<AlmanacEntry> _entries = [];
    private (string? View, string? Date, int? EventId, string? Occurrence)? _applied;
    private AlmanacEventForm? _form;
    private AlmanacEventEditView? _editing;
    private PartnerVisitOptions _options = new([], []);
    private string? _error;
    private string? _formError;
    private bool _busy;
    private bool _confirmingDelete;

    [Inject]
    private IEnumerable<IAlmanacEntrySource> Sources { get; set; } = default!;

    [Inject]
    private AlmanacEventQueries Queries { get; set; } = default!;

    [Inject]
    private AlmanacEventCommands Commands { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    /// <summary>"day", "week" or "month" (from the query string).</summary>
    [Parameter]
    public string? View { get; set; }

    /// <summary>A date in the period to show, yyyy-MM-dd (from the query string); today when missing.</summary>
    [Parameter]
    public string? Date { get; set; }

    /// <summary>Opens the dialog for this event's <see cref="Occurrence"/> (from an entry's link).</summary>
    [Parameter]
    public int? EventId { get; set; }

    [Parameter]
    public string? Occurrence { get; set; }

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The almanac needs a current office.");

    private (DateOnly First, DateOnly Last) Range => _view switch
    {
        AlmanacView.Day => (_date, _date),
        AlmanacView.Week => (MondayOf(_date), MondayOf(_date).AddDays(6)),
        _ => (MondayOf(new DateOnly(_date.Year, _date.Month, 1)),
              MondayOf(new DateOnly(_date.Year, _date.Month, 1).AddMonths(1).AddDays(-1)).AddDays(6)),
    };

    private string Title => _view switch
    {
        AlmanacView.Day => $"{Capitalize(_date.ToString("dddd d MMMM yyyy", Swedish))} · vecka {WeekOf(_date)}",
        AlmanacView.Week => $"Vecka {WeekOf(_date)} · {WeekSpan(MondayOf(_date))}",
        _ => Capitalize(_date.ToString("MMMM yyyy", Swedish)),
    };

    protected override async Task OnInitializedAsync()
    {
        _today = DateOnly.FromDateTime(OfficeTime.Local(Clock.GetUtcNow()).DateTime);
        _date = _today;
        Listen(OfficeId, e => e is AlmanacChanged, _ => LoadAsync());
        _options = await Queries.GetPartnerVisitOptionsAsync(OfficeId);
    }

    protected override async Task OnParametersSetAsync()
    {
        var incoming = (View, Date, EventId, Occurrence);
        if (_applied == incoming)
        {
            return;
        }

        _applied = incoming;
        _view = View?.ToLowerInvariant() switch
        {
            "day" => AlmanacView.Day,
            "month" => AlmanacView.Month,
            _ => AlmanacView.Week,
        };
        _date = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : _today;
        await LoadAsync();
        if (EventId is { } eventId && DateOnly.TryParseExact(Occurrence, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var original))
        {
            await OpenAsync(eventId, original);
        }
    }

    private async Task LoadAsync()
    {
        var (first, last) = Range;
        var entries = new List<AlmanacEntry>();
        foreach (var source in Sources)
        {
            entries.AddRange(await source.GetEntriesAsync(OfficeId, first, last));
        }

        _entries = entries
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Start is null ? 0 : 1)
            .ThenBy(e => e.Start)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    private IEnumerable<AlmanacEntry> EntriesOn(DateOnly day) => _entries.Where(e => e.Date == day);

    private Task ShowAsync(AlmanacView view) => GoAsync(view, _date);

    private Task PreviousAsync() => GoAsync(_view, Step(-1));

    private Task NextAsync() => GoAsync(_view, Step(1));

    private Task TodayAsync() => GoAsync(_view, _today);

    private Task ShowDayAsync(DateOnly day) => GoAsync(AlmanacView.Day, day);

    private DateOnly Step(int direction) => _view switch
    {
        AlmanacView.Day => _date.AddDays(direction),
        AlmanacView.Week => _date.AddDays(7 * direction),
        _ => _date.AddMonths(direction),
    };

    private async Task GoAsync(AlmanacView view, DateOnly date)
    {
        _view = view;
        _date = date;
        var viewText = view.ToString().ToLowerInvariant();
        var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _applied = (viewText, dateText, null, null);
        await LoadAsync();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["view"] = viewText,
            ["date"] = dateText,
            ["event"] = null,
            ["occurrence"] = null,
        }));
    }

    // --- Dialog ---------------------------------------------------------------------------------------------------

    private void Add(DateOnly? day = null)
    {
        _editing = null;
        _form = AlmanacEventForm.New(day ?? (_view == AlmanacView.Day ? _date : _today));
        _formError = null;
        _confirmingDelete = false;
    }

    private async Task OpenEntryAsync(AlmanacEntry entry)
    {
        if (AlmanacEventLinks.TryParse(entry.Href, out var eventId, out var original))
        {
            await OpenAsync(eventId, original);
        }
    }

    private async Task OpenAsync(int eventId, DateOnly original)
    {
        _formError = null;
        _confirmingDelete = false;
        _editing = await Queries.GetForEditAsync(OfficeId, eventId, original);
        if (_editing is null)
        {
            _form = null;
            _error = "Händelsen finns inte längre; någon annan kan ha tagit bort den.";
            return;
        }

        _form = AlmanacEventForm.For(_editing, original, EditScope.ThisOccurrence);
    }

    private void ChangeScope(EditScope scope)
    {
        if (_editing is not null && _form?.OriginalDate is { } original)
        {
            _form = AlmanacEventForm.For(_editing, original, scope);
            _confirmingDelete = false;
        }
    }

    private void CloseForm()
    {
        _form = null;
        _editing = null;
        _formError = null;
        _confirmingDelete = false;
    }

    private async Task SaveAsync()
    {
        if (_form is not { } form)
        {
            return;
        }

        await RunAsync(async () =>
        {
            if (form.IsNew)
            {
                await Commands.AddAsync(Staff, form.ToDetails());
            }
            else if (form.EditsOneOccurrence)
            {
                await Commands.ChangeOccurrenceAsync(Staff, form.EventId!.Value, form.OriginalDate!.Value, form.Sequence, form.ToOccurrenceDetails());
            }
            else if (form.IsSeries && form.Scope == EditScope.ThisAndFollowing)
            {
                await Commands.ChangeFromOccurrenceAsync(Staff, form.EventId!.Value, form.OriginalDate!.Value, form.Sequence, form.ToDetails());
            }
            else
            {
                await Commands.ChangeAsync(Staff, form.EventId!.Value, form.Sequence, form.ToDetails());
            }
        });
    }

    private async Task DeleteAsync()
    {
        if (_form is not { EventId: { } eventId } form)
        {
            return;
        }

        await RunAsync(async () =>
        {
            if (form.EditsOneOccurrence)
            {
                await Commands.CancelOccurrenceAsync(Staff, eventId, form.OriginalDate!.Value, form.Sequence);
            }
            else if (form.IsSeries && form.Scope == EditScope.ThisAndFollowing)
            {
                await Commands.CancelFromOccurrenceAsync(Staff, eventId, form.OriginalDate!.Value, form.Sequence);
            }
            else
            {
                await Commands.DeleteAsync(Staff, eventId, form.Sequence);
            }
        });
    }

    private async Task RunAsync(Func<Task> change)
    {
        _busy = true;
        _formError = null;
        try
        {
            await change();
            CloseForm();
            await LoadAsync();
        }
        catch (DomainException exception)
        {
            // The dialog stays open with what the user typed.
            _formError = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    // --- Formatting -----------------------------------------------------------------------------------------------

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static int WeekOf(DateOnly date) => ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue));

    private static string WeekSpan(DateOnly monday)
    {
        var sunday = monday.AddDays(6);
        return monday.Month == sunday.Month
            ? $"{monday.Day}–{sunday.ToString("d MMMM yyyy", Swedish)}"
            : monday.Year == sunday.Year
                ? $"{monday.ToString("d MMMM", Swedish)} – {sunday.ToString("d MMMM yyyy", Swedish)}"
                : $"{monday.ToString("d MMMM yyyy", Swedish)} – {sunday.ToString("d MMMM yyyy", Swedish)}";
    }

    private static string DayHeading(DateOnly day) => day.ToString("ddd d'/'M", Swedish);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Swedish) + text[1..];

    private static string TimeText(AlmanacEntry entry) =>
        entry.Start is { } start ? $"{start:HH\\:mm}–{entry.End:HH\\:mm}" : "Heldag";

    private static string DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string ScopeName(EditScope scope) => scope switch
    {
        EditScope.ThisOccurrence => "Bara denna",
        EditScope.ThisAndFollowing => "Denna och följande",
        _ => "Hela serien",
    };

    private static string RepeatName(RepeatChoice choice) => choice switch
    {
        RepeatChoice.None => "Upprepas inte",
        RepeatChoice.Daily => "Dagligen",
        RepeatChoice.Weekly => "Veckovis",
        RepeatChoice.MonthlyOnWeekday => "Månadsvis på veckodag (t.ex. första tisdagen)",
        _ => "Månadsvis på datum",
    };

    private static string OrdinalName(int ordinal) => ordinal switch
    {
        1 => "Första",
        2 => "Andra",
        3 => "Tredje",
        4 => "Fjärde",
        5 => "Femte",
        _ => "Sista",
    };

    private static string WeekdayName(DayOfWeek day) => Capitalize(Recurrence.SwedishDay(day));

    private static string ParseText(ChangeEventArgs e) => e.Value?.ToString() ?? string.Empty;
}
