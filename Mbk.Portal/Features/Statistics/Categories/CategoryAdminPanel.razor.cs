using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Statistics.Categories;

/// <summary>
/// A manager keeps the office's question categories and referral targets: add, rename, move, retire, reactivate.
/// Follows the office live, so a colleague's change shows at once.
/// </summary>
public sealed partial class CategoryAdminPanel : LiveComponentBase
{
    private static readonly CatalogKind[] Kinds = [CatalogKind.QuestionCategory, CatalogKind.ReferralTarget];

    private CatalogLists? _lists;
    private string? _error;
    private bool _busy;
    private readonly Dictionary<CatalogKind, string?> _newNames = [];
    private (CatalogKind Kind, int Id)? _editing;
    private string? _editName;

    [Inject]
    private CategoryQueries Queries { get; set; } = default!;

    [Inject]
    private CategoryCommands Commands { get; set; } = default!;

    /// <summary>The signed-in manager; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The category page needs a current office.");

    protected override async Task OnInitializedAsync()
    {
        Listen(OfficeId, e => e is QuestionCategoriesChanged or ReferralTargetsChanged, _ => ReloadAsync());
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _lists = await Queries.GetAsync(OfficeId);

    private IReadOnlyList<CatalogEntry> Items(CatalogKind kind) =>
        kind == CatalogKind.QuestionCategory ? _lists!.Categories : _lists!.ReferralTargets;

    private bool IsEditing(CatalogKind kind, int id) => _editing == (kind, id);

    private string? NewName(CatalogKind kind) => _newNames.GetValueOrDefault(kind);

    private void SetNewName(CatalogKind kind, string? value) => _newNames[kind] = value;

    private void StartRename(CatalogKind kind, CatalogEntry item)
    {
        _editing = (kind, item.Id);
        _editName = item.Name;
        _error = null;
    }

    private void CancelRename()
    {
        _editing = null;
        _editName = null;
        _error = null;
    }

    private Task AddAsync(CatalogKind kind) => RunAsync(async () =>
    {
        await Commands.AddAsync(Staff, kind, NewName(kind) ?? string.Empty);
        _newNames[kind] = null;
    });

    private Task SaveRenameAsync(CatalogKind kind, int id) => RunAsync(async () =>
    {
        await Commands.RenameAsync(Staff, kind, id, _editName ?? string.Empty);
        _editing = null;
        _editName = null;
    });

    private Task MoveAsync(CatalogKind kind, int id, bool up) => RunAsync(() => Commands.MoveAsync(Staff, kind, id, up));

    private Task RetireAsync(CatalogKind kind, int id) => RunAsync(() => Commands.RetireAsync(Staff, kind, id));

    private Task ReactivateAsync(CatalogKind kind, int id) => RunAsync(() => Commands.ReactivateAsync(Staff, kind, id));

    /// <summary>Runs a command; a refusal shows its reason and keeps what was typed.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    private static string Prefix(CatalogKind kind) => kind == CatalogKind.QuestionCategory ? "category" : "referral";

    private static string Title(CatalogKind kind) => kind == CatalogKind.QuestionCategory ? "Ärendeslag" : "Länkningar";

    private static string NewLabel(CatalogKind kind) => kind == CatalogKind.QuestionCategory ? "Nytt ärendeslag" : "Ny länkning (myndighet eller enhet)";

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };
}
