using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Statistics.Tally;

/// <summary>
/// The tally screen of one staff member: large buttons per category (most used first) with today's office count,
/// channel and optional language, gender and referral, undo of one's own last tap, and paper-sheet entry. Follows the
/// office live, so taps on other screens show at once.
/// </summary>
public sealed partial class TallyPanel : LiveComponentBase
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private static readonly TallyChannel[] Channels = [TallyChannel.Disk, TallyChannel.Bord, TallyChannel.Telefon, TallyChannel.Epost, TallyChannel.Uppsokande];

    private static readonly VisitorGender[] Genders = [VisitorGender.Kvinna, VisitorGender.Man, VisitorGender.Annat, VisitorGender.Okant];

    /// <summary>The common languages of the offices' areas, offered while typing (any other may be typed).</summary>
    private static readonly string[] LanguageSuggestions =
    [
        "svenska", "arabiska", "somaliska", "tigrinja", "persiska", "engelska", "dari", "kurdiska", "turkiska", "polska",
        "bosniska/kroatiska/serbiska", "spanska", "finska", "amhariska", "ryska", "franska",
    ];

    private static readonly Dictionary<string, object?> LanguageAttributes = new()
    {
        ["data-testid"] = "tally-language",
        ["list"] = "tally-language-suggestions",
        ["autocomplete"] = "off",
    };

    private TallyView? _view;
    private string? _error;
    private string? _info;
    private bool _busy;
    private int _tab;

    // The next tap's choices: the channel stays, the optional ones reset after each tap.
    private TallyChannel _channel = TallyChannel.Disk;
    private string? _language;
    private VisitorGender? _gender;
    private int? _referralId;

    // Paper sheets.
    private string _batchDate = string.Empty;
    private IReadOnlyList<BatchCategory> _batchCategories = [];
    private readonly Dictionary<int, int?> _batchCounts = [];
    private string? _batchError;
    private string? _batchInfo;

    [Inject]
    private TallyQueries Queries { get; set; } = default!;

    [Inject]
    private TallyCommands Commands { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The tally screen needs a current office.");

    private int BatchTotal => _batchCounts.Values.Sum(v => v ?? 0);

    private Dictionary<string, object?> BatchDateAttributes => new()
    {
        ["data-testid"] = "tally-batch-date",
        ["max"] = _view?.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    protected override async Task OnInitializedAsync()
    {
        Listen(OfficeId, e => e is QuestionTallied or QuestionTallyUndone or QuestionCategoriesChanged or ReferralTargetsChanged, async changes =>
        {
            await ReloadAsync();
            if (changes.Any(c => c is QuestionCategoriesChanged))
            {
                await LoadBatchCategoriesAsync();
            }
        });
        await ReloadAsync();
        _batchDate = _view!.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadBatchCategoriesAsync();
        RefreshEvery(Clock, RefreshInterval, ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        _view = await Queries.GetTallyAsync(OfficeId, Staff.UserId);
        if (_referralId is { } chosen && _view.Referrals.All(r => r.Id != chosen))
        {
            _referralId = null;
        }
    }

    private async Task TapAsync(int categoryId)
    {
        _error = null;
        _info = null;
        try
        {
            await Commands.TapAsync(Staff, categoryId, _channel, _language, _gender, _referralId);
            _language = null;
            _gender = null;
            _referralId = null;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }

        await ReloadAsync();
    }

    private async Task UndoAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        _info = null;
        try
        {
            var name = await Commands.UndoLastAsync(Staff);
            _info = $"Ångrat: {name}.";
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

    private void ToggleGender(VisitorGender gender) => _gender = _gender == gender ? null : gender;

    // Paper sheets.
    private int? BatchCount(int categoryId) => _batchCounts.GetValueOrDefault(categoryId);

    private void SetBatchCount(int categoryId, int? count) => _batchCounts[categoryId] = count;

    private async Task OnBatchDateChangedAsync(string? value)
    {
        _batchDate = value ?? string.Empty;
        _batchInfo = null;
        await LoadBatchCategoriesAsync();
    }

    private async Task LoadBatchCategoriesAsync()
    {
        if (_view is null)
        {
            return;
        }

        // A future or unreadable date still lists today's categories; saving explains what is wrong.
        var day = TryParseDate(_batchDate) is { } parsed && parsed <= _view.Today ? parsed : _view.Today;
        _batchCategories = await Queries.GetBatchCategoriesAsync(OfficeId, day);
    }

    private async Task SaveBatchAsync()
    {
        if (_busy)
        {
            return;
        }

        _batchError = null;
        _batchInfo = null;
        if (TryParseDate(_batchDate) is not { } day)
        {
            _batchError = "Ange en giltig dag (åååå-mm-dd).";
            return;
        }

        var rows = _batchCategories
            .Where(c => _batchCounts.GetValueOrDefault(c.Id) is { } n && n != 0)
            .Select(c => (c.Id, _batchCounts[c.Id]!.Value))
            .ToList();
        _busy = true;
        try
        {
            var saved = await Commands.BatchAsync(Staff, day, rows);
            _batchInfo = string.Create(OfficeTime.Swedish, $"Sparat: {saved} frågor för {day:yyyy-MM-dd}.");
            _batchCounts.Clear();
        }
        catch (DomainException ex)
        {
            _batchError = ex.Message;
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    private static DateOnly? TryParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static Dictionary<string, object?> BatchCountAttributes(BatchCategory category) => new()
    {
        ["data-testid"] = $"tally-batch-count-{category.Id}",
        ["aria-label"] = $"Antal {category.Name}",
    };

    /// <summary>A name split at its slashes, so "Socialtjänsten/försörjningsstöd" can wrap after the slash.</summary>
    private static IEnumerable<(string Part, int Index)> NameParts(string name) => name.Split('/').Select((part, index) => (part, index));

    private static string ChannelName(TallyChannel channel) => channel switch
    {
        TallyChannel.Disk => "Disk",
        TallyChannel.Bord => "Bord",
        TallyChannel.Telefon => "Telefon",
        TallyChannel.Epost => "E-post",
        TallyChannel.Uppsokande => "Uppsökande",
        _ => channel.ToString(),
    };

    private static string GenderName(VisitorGender gender) => gender switch
    {
        VisitorGender.Kvinna => "Kvinna",
        VisitorGender.Man => "Man",
        VisitorGender.Annat => "Annat",
        VisitorGender.Okant => "Okänt",
        _ => gender.ToString(),
    };
}
