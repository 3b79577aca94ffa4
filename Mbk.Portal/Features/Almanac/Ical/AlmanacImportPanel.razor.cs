using System.Globalization;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>Uploads an .ics file, previews what it holds and imports it on "Importera" (all or nothing).</summary>
public sealed partial class AlmanacImportPanel
{
    private CalendarEventKind _kind = CalendarEventKind.PartnerVisit;
    private byte[]? _content;
    private string? _fileName;
    private AlmanacImportPreview? _preview;
    private AlmanacImportResult? _result;
    private string? _error;
    private bool _busy;

    [Inject]
    private AlmanacImportCommands Commands { get; set; } = default!;

    [Inject]
    private ILogger<AlmanacImportPanel> Logger { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private async Task UploadAsync(InputFileChangeEventArgs args)
    {
        _content = null;
        _preview = null;
        _result = null;
        _error = null;
        var file = args.File;
        _fileName = file.Name;
        if (file.Size > AlmanacImportCommands.MaxFileBytes)
        {
            _error = "Filen är för stor (högst 1 MB). Ingenting lästes in.";
            return;
        }

        await RunAsync(async () =>
        {
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(AlmanacImportCommands.MaxFileBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            _content = buffer.ToArray();
            _preview = await Commands.PreviewAsync(Staff, _content, _kind);
        });
    }

    private async Task KindChangedAsync(CalendarEventKind kind)
    {
        _kind = kind;
        if (_content is { } content && _preview is not null)
        {
            await RunAsync(async () => _preview = await Commands.PreviewAsync(Staff, content, _kind));
        }
    }

    private Task ImportAsync() => RunAsync(async () =>
    {
        if (_content is null)
        {
            return;
        }

        _result = await Commands.ImportAsync(Staff, _content, _kind);
        _preview = null;
        _content = null;
    });

    private void Cancel()
    {
        _preview = null;
        _content = null;
        _error = null;
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            if (ex.InnerException is { } cause)
            {
                LogRefusedFile(Logger, _fileName, cause);
            }

            _error = ex.Message;
            _preview = null;
        }
        catch (IOException)
        {
            _error = "Filen kunde inte laddas upp. Försök igen.";
            _preview = null;
        }
        finally
        {
            _busy = false;
        }
    }

    private static string When(AlmanacImportPreviewItem item)
    {
        var date = item.StartDate.ToString("ddd d MMM yyyy", PortalSetup.Swedish);
        if (item.StartTime is { } start && item.EndTime is { } end)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{date} {start:HH\\:mm}–{end:HH\\:mm}");
        }

        return item.EndDate > item.StartDate ? $"{date} – {item.EndDate.ToString("d MMM yyyy", PortalSetup.Swedish)} (heldag)" : $"{date} (heldag)";
    }

    private static string Exceptions(AlmanacImportPreviewItem item) =>
        (item.CancelledOccurrences, item.ChangedOccurrences) switch
        {
            (0, 0) => "–",
            var (c, ch) => string.Join(", ", new[] { c > 0 ? $"{c} inställda" : null, ch > 0 ? $"{ch} ändrade" : null }.Where(s => s is not null)),
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "An .ics file {FileName} was refused by the parser")]
    private static partial void LogRefusedFile(ILogger logger, string? fileName, Exception exception);
}
