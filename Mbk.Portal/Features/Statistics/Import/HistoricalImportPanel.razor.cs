using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Mbk.Portal.Features.Statistics.Import;

/// <summary>Uploads a historical statistics file and shows either what was imported or the errors by row.</summary>
public sealed partial class HistoricalImportPanel
{
    private HistoricalImportSummary? _summary;
    private string? _fileName;
    private string? _error;
    private bool _busy;

    [Inject]
    private HistoricalImportService Service { get; set; } = default!;

    /// <summary>The signed-in manager; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private async Task UploadAsync(InputFileChangeEventArgs args)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        _summary = null;
        try
        {
            var file = args.File;
            _fileName = file.Name;
            if (file.Size > ImportFileReader.MaxFileBytes)
            {
                _error = "Filen är för stor (högst 5 MB).";
                return;
            }

            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(ImportFileReader.MaxFileBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            buffer.Position = 0;
            _summary = await Service.ImportAsync(Staff, buffer, file.Name);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        catch (IOException)
        {
            _error = "Filen kunde inte laddas upp. Försök igen.";
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Number(int value) => value.ToString("N0", PortalSetup.Swedish);
}
