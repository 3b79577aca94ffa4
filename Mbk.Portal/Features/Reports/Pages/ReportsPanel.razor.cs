using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Reports.Pages;

/// <summary>
/// /reports for a manager: preview any tertial or custom period exactly as the e-mail will look, comment on each
/// section, send now (or resend, confirmed), manage the recipients, and see the ledger and the archive.
/// </summary>
public sealed partial class ReportsPanel : ComponentBase
{
    private readonly Dictionary<ReportSection, string> _comments = ReportSectionNames.All.ToDictionary(s => s, _ => string.Empty);
    private string _kind = "tertial";
    private int _year;
    private int _tertial = 1;
    private DateOnly _from;
    private DateOnly _to;
    private StatisticsPeriod? _period;
    private string? _previewHtml;
    private LedgerRow? _ledgerForPeriod;
    private IReadOnlyList<ReportRecipient> _recipients = [];
    private IReadOnlyList<LedgerRow> _ledger = [];
    private IReadOnlyList<ArchivedReportRow> _archive = [];
    private string _recipientName = string.Empty;
    private string _recipientEmail = string.Empty;
    private string? _error;
    private string? _message;
    private bool _busy;
    private bool _loading;
    private bool _confirmResend;
    private ReportSettings _settings = default!;

    [Inject]
    private ReportContentQueries Contents { get; set; } = default!;

    [Inject]
    private ReportQueries Queries { get; set; } = default!;

    [Inject]
    private ReportCommands Commands { get; set; } = default!;

    [Inject]
    private ReportDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The signed-in manager; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("Reports need a current office.");

    private bool IsSentTertial => _ledgerForPeriod?.Status == DispatchStatus.Sent;

    private string ScheduleText =>
        $"Rapporten för varje avslutad tertial skickas automatiskt {(_settings.SendDay == ReportSendDay.FirstWeekday ? "första vardagen" : "första dagen")} " +
        $"i maj, september och januari kl. {_settings.SendTime.ToString("HH:mm", CultureInfo.InvariantCulture)} till mottagarna nedan.";

    protected override async Task OnInitializedAsync()
    {
        _settings = ReportSettings.Read(Configuration);
        var today = ServiceDayCalculator.ServiceDay(Clock.GetUtcNow(), _settings.Zone);
        var latest = TertialKey.Containing(today).Previous();
        _year = latest.Year;
        _tertial = latest.Tertial;
        _to = today;
        _from = new DateOnly(today.Year, today.Month, 1);
        await LoadListsAsync();
        await LoadPreviewAsync();
    }

    private async Task LoadListsAsync()
    {
        _recipients = await Queries.RecipientsAsync(Staff, OfficeId);
        _ledger = await Queries.LedgerAsync(Staff, OfficeId);
        _archive = await Queries.ArchiveAsync(Staff, OfficeId);
        _ledgerForPeriod = _period?.Kind == PeriodKind.Tertial
            ? _ledger.FirstOrDefault(l => l.Year == _period.From.Year && l.Tertial == Tertial.TertialOf(_period.From))
            : null;
    }

    private async Task LoadPreviewAsync()
    {
        _confirmResend = false;
        _error = null;
        try
        {
            _period = _kind == "tertial" ? StatisticsPeriod.Tertial(_year, _tertial) : StatisticsPeriod.Custom(_from, _to);
        }
        catch (DomainException ex)
        {
            _period = null;
            _previewHtml = null;
            _error = ex.Message;
            return;
        }

        _loading = true;
        try
        {
            var comments = await Contents.CommentsAsync(OfficeId, _period);
            foreach (var section in ReportSectionNames.All)
            {
                _comments[section] = comments.TryGetValue(section, out var text) ? text : string.Empty;
            }

            await RenderPreviewAsync();
            await LoadListsAsync();
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task RenderPreviewAsync()
    {
        if (_period is null)
        {
            return;
        }

        var content = await Contents.BuildAsync(OfficeId, _period);
        _previewHtml = ReportHtml.ForPreview(content, ReportCharts.Draw(content), Clock.GetUtcNow(), _settings.Zone);
    }

    private async Task SaveCommentsAsync()
    {
        if (await RunAsync(SaveCommentsCoreAsync))
        {
            _message = "Kommentarerna är sparade.";
        }
    }

    private async Task SaveCommentsCoreAsync()
    {
        if (_period is null)
        {
            throw new DomainException("Välj en giltig period först.");
        }

        await Commands.SaveCommentsAsync(Staff, OfficeId, _period, _comments.ToDictionary(c => c.Key, c => (string?)c.Value));
        await RenderPreviewAsync();
    }

    private async Task SendAsync(bool confirmed)
    {
        if (_period is null)
        {
            return;
        }

        if (IsSentTertial && !confirmed)
        {
            _confirmResend = true;
            return;
        }

        _confirmResend = false;
        var label = _period.Label;
        if (await RunAsync(async () =>
        {
            await SaveCommentsCoreAsync();
            await Dispatcher.SendNowAsync(Staff, OfficeId, _period);
        }))
        {
            _message = $"Rapporten för {label} är skickad till {_recipients.Count} mottagare.";
        }

        await LoadListsAsync();
    }

    private async Task AddRecipientAsync()
    {
        if (await RunAsync(() => Commands.AddRecipientAsync(Staff, OfficeId, _recipientName, _recipientEmail)))
        {
            _message = $"{_recipientName.Trim()} får nu rapporterna.";
            _recipientName = string.Empty;
            _recipientEmail = string.Empty;
        }

        await LoadListsAsync();
    }

    private async Task RemoveRecipientAsync(int id)
    {
        await RunAsync(() => Commands.RemoveRecipientAsync(Staff, id));
        await LoadListsAsync();
    }

    /// <summary>Runs a change; a refused one shows its Swedish message and changes nothing.</summary>
    private async Task<bool> RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        _message = null;
        try
        {
            await action();
            return true;
        }
        catch (Exception ex) when (ex is DomainException or UnauthorizedAccessException)
        {
            _error = ex.Message;
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    private string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _settings.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string StatusText(DispatchStatus status) => status switch
    {
        DispatchStatus.Pending => "Väntar",
        DispatchStatus.Sending => "Skickas",
        DispatchStatus.Sent => "Skickad",
        DispatchStatus.Failed => "Misslyckades – försöker igen",
        DispatchStatus.Uncertain => "Osäker – kontrollera och skicka om vid behov",
        _ => status.ToString(),
    };

    private static string KindText(ArchivedReportRow row) => row.Kind switch
    {
        SentReportKind.Scheduled => "Automatiskt (schema)",
        SentReportKind.Manual => $"Skickad av {row.SentByName}",
        SentReportKind.Resend => $"Omskick av {row.SentByName}",
        _ => row.Kind.ToString(),
    };
}
