using Mbk.Domain.Feedback;
using Mbk.Domain.Meeting;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Feedback.Pages;

/// <summary>
/// One item: its facts, answer, history, the meeting's decisions on it, and for the office's managers the contact and
/// the handling (status, answer, forward, notes, erase the contact, raise at the morning meeting). Live.
/// </summary>
public sealed partial class FeedbackItemPanel : LiveComponentBase
{
    private readonly PanelCommand _command = new();
    private FeedbackDetail? _detail;
    private bool _loaded;
    private string? _error;
    private string? _info;
    private bool _confirmErase;
    private string _answer = string.Empty;
    private FeedbackChannel _answerHow = FeedbackChannel.Brev;
    private string _forwardTo = string.Empty;
    private string _note = string.Empty;

    [Inject]
    private FeedbackQueries Queries { get; set; } = default!;

    [Inject]
    private FeedbackCommands Commands { get; set; } = default!;

    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    [Parameter, EditorRequired]
    public int FeedbackId { get; set; }

    private bool Busy => _command.IsRunning;

    protected override async Task OnInitializedAsync()
    {
        var officeId = StaffAccess.RequireOffice(Staff);
        Listen(officeId, e => (e is FeedbackChanged changed && changed.FeedbackId == FeedbackId) || e is DecisionRecorded or MeetingClosed, _ => ReloadAsync());
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _detail = await Queries.DetailAsync(Staff, FeedbackId);
        _loaded = true;
    }

    private Task<bool> StartAsync() => RunAsync(() => Commands.StartHandlingAsync(Staff, FeedbackId), "Synpunkten är under handläggning.");

    private Task<bool> CloseAsync() => RunAsync(() => Commands.CloseAsync(Staff, FeedbackId), "Synpunkten är avslutad.");

    private async Task AnswerAsync()
    {
        if (await RunAsync(() => Commands.AnswerAsync(Staff, FeedbackId, _answer, _answerHow), "Svaret är sparat."))
        {
            _answer = string.Empty;
        }
    }

    private async Task ForwardAsync()
    {
        if (await RunAsync(() => Commands.ForwardAsync(Staff, FeedbackId, _forwardTo), "Synpunkten är vidarebefordrad."))
        {
            _forwardTo = string.Empty;
        }
    }

    private async Task AddNoteAsync()
    {
        if (await RunAsync(() => Commands.AddNoteAsync(Staff, FeedbackId, _note), "Anteckningen är sparad."))
        {
            _note = string.Empty;
        }
    }

    private async Task EraseAsync()
    {
        _confirmErase = false;
        await RunAsync(() => Commands.EraseContactAsync(Staff, FeedbackId), "Kontaktuppgifterna är raderade.");
    }

    private Task<bool> RaiseAsync() => RunAsync(() => Commands.RaiseAtMeetingAsync(Staff, FeedbackId), "Synpunkten är föreslagen som punkt på nästa morgonmöte.");

    private async Task<bool> RunAsync(Func<Task> action, string done)
    {
        _info = null;
        var ok = await _command.RunAsync(action, message => _error = message);
        if (ok)
        {
            _info = done;
        }

        await ReloadAsync();
        return ok;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", OfficeTime.Swedish);

    private static string Time(DateTimeOffset at) => OfficeTime.Local(at).ToString("yyyy-MM-dd HH:mm", OfficeTime.Swedish);

    private static string DaysLeft(FeedbackRow row) => row.WorkingDaysLeft switch
    {
        null => string.Empty,
        < 0 and var late => $" – försenad {-late} arbetsdag{(late == -1 ? "" : "ar")}",
        0 => " – sista dagen i dag",
        var left => $" – {left} arbetsdag{(left == 1 ? "" : "ar")} kvar",
    };
}
