using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Meeting.Pages;

/// <summary>
/// Today's morning meeting of one office: the agenda, the chair stepping through it, notes, decisions and action items
/// of the current point, attendance and proposing points. Every screen follows the meeting live.
/// </summary>
public sealed partial class MeetingPanel : LiveComponentBase
{
    private const string DateFormat = "yyyy-MM-dd";

    private MeetingView? _meeting;
    private int _meetingId;
    private string? _error;
    private string? _info;
    private readonly PanelCommand _command = new();

    private bool Busy => _command.IsRunning;
    private bool _confirmingClose;

    // Notes of the current item: the draft survives reloads and refusals.
    private int? _notesItemIndex;
    private string _notesDraft = string.Empty;
    private string _notesBase = string.Empty;
    private int _notesVersion;
    private string? _notesError;
    private string? _notesSaved;

    // The office's staff: who can be responsible, own an action or be ticked as present.
    private IReadOnlyList<MeetingStaffOption> _staff = [];

    // A decision taken up at this meeting (from the binder, or the current review point), and one being corrected.
    private DecisionView? _takeUp;
    private int? _correctingId;

    // A new action item on the current item.
    private string _actionWhat = string.Empty;
    private string _actionWho = ResponsibleChoice.None;
    private DateOnly? _actionDue;

    // A point for the next meeting.
    private string _pointTitle = string.Empty;
    private string _pointText = string.Empty;

    [Inject]
    private MeetingQueries Queries { get; set; } = default!;

    [Inject]
    private MeetingCommands Commands { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    /// <summary>A decision to take up at today's meeting ("Ta upp på dagens möte" in the binder).</summary>
    [Parameter]
    public int? TakeUpDecisionId { get; set; }

    private DateTime? ActionDue
    {
        get => _actionDue?.ToDateTime(TimeOnly.MinValue);
        set => _actionDue = value is { } d ? DateOnly.FromDateTime(d) : null;
    }

    /// <summary>The office's staff, plus anyone ticked who is no longer on the staff list.</summary>
    private IEnumerable<MeetingStaffOption> AttendanceChoices =>
        _staff.Concat((_meeting?.Attendees ?? []).Where(a => _staff.All(s => s.UserId != a.UserId)).Select(a => new MeetingStaffOption(a.UserId, a.DisplayName)));

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The meeting needs a current office.");

    private bool IsRunning => _meeting?.Status == MeetingStatus.Running;

    private bool IsChair => _meeting?.ChairUserId == Staff.UserId;

    /// <summary>The chair or a manager steps through the points and closes the meeting.</summary>
    private bool CanSteer => IsRunning && (IsChair || Staff.IsManager);

    private AgendaItemView? Current => IsRunning ? _meeting!.Items.FirstOrDefault(i => i.Index == _meeting.CurrentItemIndex) : null;

    private bool IsPresent => _meeting?.Attendees.Any(a => a.UserId == Staff.UserId) == true;

    private bool NotesDirty => _notesDraft != _notesBase;

    protected override async Task OnInitializedAsync()
    {
        Listen(
            OfficeId,
            e => e is MeetingStarted or MeetingPointChanged or MeetingNotesSaved or DecisionRecorded or ActionItemChanged
                or MeetingClosed or MeetingAttendanceChanged or MeetingPointProposed,
            _ => ReloadAsync());
        try
        {
            _staff = await Queries.StaffAsync(Staff);
            _meetingId = await Commands.GetOrCreateTodaysMeetingAsync(Staff);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return;
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_meetingId == 0)
        {
            return;
        }

        _meeting = await Queries.MeetingAsync(Staff, _meetingId);
        if (_meeting is null)
        {
            return;
        }

        if (_meeting.Status != MeetingStatus.Running)
        {
            _confirmingClose = false;
        }

        SyncNotes();
        _actionDue ??= _meeting.Date.AddDays(1);
        var takeUpId = TakeUpDecisionId ?? (Current is { Kind: AgendaItemKind.DecisionReview, DecisionId: { } reviewed } ? reviewed : null);
        _takeUp = takeUpId is { } id ? await Queries.DecisionAsync(Staff, id) : null;
    }

    /// <summary>Follows the current item's notes unless the user is typing; then only the draft is kept.</summary>
    private void SyncNotes()
    {
        var current = Current;
        if (current is null)
        {
            _notesItemIndex = null;
            return;
        }

        if (_notesItemIndex != current.Index)
        {
            _notesItemIndex = current.Index;
            _notesBase = _notesDraft = current.Notes ?? string.Empty;
            _notesVersion = current.NotesVersion;
            _notesError = null;
            _notesSaved = null;
            return;
        }

        if (!NotesDirty)
        {
            _notesBase = _notesDraft = current.Notes ?? string.Empty;
            _notesVersion = current.NotesVersion;
        }
    }

    /// <summary>Runs a command; a refusal shows its reason and leaves everything typed as it was.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        if (Busy)
        {
            return;
        }

        _info = null;
        await _command.RunAsync(action, error => _error = error);
        await ReloadAsync();
    }

    private Task StartAsync() => RunAsync(() => Commands.StartAsync(Staff, _meetingId));

    private Task GoToAsync(int index) => RunAsync(() => Commands.GoToAsync(Staff, _meetingId, index));

    private Task PreviousAsync() => GoToAsync(_meeting!.CurrentItemIndex - 1);

    private Task NextAsync() => GoToAsync(_meeting!.CurrentItemIndex + 1);

    private Task AttendMeAsync() => RunAsync(() => Commands.MarkAttendanceAsync(Staff, _meetingId, Staff.UserId, Staff.DisplayName, present: true));

    private Task SetAttendanceAsync(string userId, string displayName, bool present) =>
        RunAsync(() => Commands.MarkAttendanceAsync(Staff, _meetingId, userId, displayName, present));

    private void AskClose()
    {
        _confirmingClose = true;
        _error = null;
    }

    private void CancelClose() => _confirmingClose = false;

    private Task CloseAsync() => RunAsync(async () =>
    {
        await Commands.CloseAsync(Staff, _meetingId);
        _confirmingClose = false;
        _info = "Mötet är avslutat. Besluten finns nu i morgonmötespärmen.";
    });

    private async Task SaveNotesAsync()
    {
        if (Busy || Current is not { } item)
        {
            return;
        }

        _notesSaved = null;
        var saved = await _command.RunAsync(
            async () =>
            {
                _notesVersion = await Commands.SaveNotesAsync(Staff, _meetingId, item.Index, _notesDraft, _notesVersion);
                _notesBase = _notesDraft;
                _notesSaved = "Anteckningarna är sparade.";
            },
            error => _notesError = error);
        var refused = !saved;

        await ReloadAsync();
        if (refused && Current is { } now && now.Index == item.Index)
        {
            // The user has now seen the current text: the next save is a deliberate choice over it; the draft stays.
            _notesBase = now.Notes ?? string.Empty;
            _notesVersion = now.NotesVersion;
        }
    }

    // Called from the decision forms (child components): the panel renders itself, as their events render only them.
    private void ShowError(string message)
    {
        _info = null;
        _error = message;
        StateHasChanged();
    }

    /// <summary>Runs a decision command; true when it was saved (a refusal is shown and the form keeps its text).</summary>
    private async Task<bool> RunDecisionAsync(Func<Task> action)
    {
        if (Busy)
        {
            return false;
        }

        _info = null;
        var saved = await _command.RunAsync(action, error => _error = error);
        await ReloadAsync();
        StateHasChanged();
        return saved;
    }

    private Task<bool> RecordDecisionAsync(DecisionInput input) => RunDecisionAsync(async () =>
    {
        if (Current is { } item)
        {
            await Commands.RecordDecisionAsync(Staff, _meetingId, item.Index, input);
        }
    });

    private Task<bool> CorrectAsync(int decisionId, DecisionInput input) => RunDecisionAsync(async () =>
    {
        await Commands.EditDecisionAsync(Staff, decisionId, input);
        _correctingId = null;
        _info = "Beslutet är rättat. Den tidigare lydelsen finns kvar i beslutets historik.";
    });

    private Task<bool> SupersedeAsync(int oldDecisionId, DecisionInput input) => RunDecisionAsync(async () =>
    {
        if (Current is { } item)
        {
            await Commands.SupersedeDecisionAsync(Staff, _meetingId, item.Index, oldDecisionId, input);
            _info = "Det nya beslutet är sparat och ersätter det tidigare.";
        }
    });

    private Task<bool> RepealAsync(int oldDecisionId, string reason) => RunDecisionAsync(async () =>
    {
        if (Current is { } item)
        {
            await Commands.RepealDecisionAsync(Staff, _meetingId, item.Index, oldDecisionId, reason);
            _info = "Beslutet är upphävt.";
        }
    });

    private Task SaveActionAsync() => RunAsync(async () =>
    {
        if (Current is not { } item)
        {
            return;
        }

        if (_actionDue is not { } due)
        {
            _error = "Välj när åtgärden ska vara klar.";
            return;
        }

        if (_actionWho == ResponsibleChoice.None)
        {
            _error = "Välj vem som ska göra åtgärden.";
            return;
        }

        var (name, userId) = ResponsibleChoice.Parse(_actionWho, _staff);
        await Commands.AddActionItemAsync(Staff, _meetingId, item.Index, _actionWhat, name ?? string.Empty, userId, due);
        _actionWhat = string.Empty;
        _actionWho = ResponsibleChoice.None;
    });

    private Task CompleteActionAsync(int actionItemId) => RunAsync(() => Commands.CompleteActionItemAsync(Staff, actionItemId));

    private Task ProposePointAsync() => RunAsync(async () =>
    {
        await Commands.ProposePointAsync(Staff, _pointTitle, NullIfBlank(_pointText));
        _info = $"Punkten \"{_pointTitle.Trim()}\" är tillagd till nästa möte.";
        _pointTitle = string.Empty;
        _pointText = string.Empty;
    });

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => OfficeTime.Format(at, "HH:mm");

    private static string KindText(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Point => "punkt",
        AgendaItemKind.DecisionReview => "uppföljning av beslut",
        AgendaItemKind.ActionFollowUp => "åtgärd",
        _ => string.Empty,
    };
}
