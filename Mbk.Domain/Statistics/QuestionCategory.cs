using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Statistics;

/// <summary>
/// An ärendeslag: the category a visitor's question is tallied under. Retired, never deleted, and renamed with
/// history (<see cref="NameHistory"/>), so old reports still show the name the category had then.
/// </summary>
public sealed class QuestionCategory : Entity
{
    public const int NameMaxLength = 100;

    private const string NameField = "Ärendeslagets namn";

    private readonly List<CategoryNameChange> _nameHistory = [];

    private QuestionCategory()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>The current name (the last entry of <see cref="NameHistory"/>).</summary>
    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>When the category was (last) retired; null while active.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Every name the category has had, oldest first; the first is valid from <see cref="DateTimeOffset.MinValue"/>.</summary>
    public IReadOnlyList<CategoryNameChange> NameHistory => _nameHistory;

    public static QuestionCategory Create(int officeId, string name, int sortOrder)
    {
        var category = new QuestionCategory
        {
            OfficeId = officeId,
            Name = Text.Required(name, NameField, NameMaxLength),
            SortOrder = CheckSortOrder(sortOrder),
            IsActive = true,
        };
        category._nameHistory.Add(new CategoryNameChange(category.Name, DateTimeOffset.MinValue));
        category.Raise(new QuestionCategoriesChanged(officeId));
        return category;
    }

    /// <summary>Gives the category a new name from <paramref name="now"/> on; earlier tallies keep the old name in reports.</summary>
    public void Rename(string name, DateTimeOffset now)
    {
        var trimmed = Text.Required(name, NameField, NameMaxLength);
        if (NameHistoryRules.Rename(_nameHistory, trimmed, now))
        {
            Name = trimmed;
            Raise(new QuestionCategoriesChanged(OfficeId));
        }
    }

    /// <summary>The name the category had at <paramref name="instant"/>.</summary>
    public string NameAt(DateTimeOffset instant) => NameHistoryRules.NameAt(_nameHistory, instant);

    public void Reorder(int sortOrder)
    {
        if (CheckSortOrder(sortOrder) != SortOrder)
        {
            SortOrder = sortOrder;
            Raise(new QuestionCategoriesChanged(OfficeId));
        }
    }

    /// <summary>Stops new tallies in the category; its history stays. Retiring a retired category changes nothing.</summary>
    public void Retire(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        RetiredAt = now;
        Raise(new QuestionCategoriesChanged(OfficeId));
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        RetiredAt = null;
        Raise(new QuestionCategoriesChanged(OfficeId));
    }

    /// <summary>
    /// Whether questions of office-local <paramref name="day"/> may still be entered afterwards (paper sheets): the
    /// category is active, or was retired after that day began.
    /// </summary>
    public bool WasInUseOn(DateOnly day, TimeZoneInfo zone) =>
        IsActive || (RetiredAt is { } retired && retired > ServiceDayCalculator.Bounds(day, zone).Start);

    internal static int CheckSortOrder(int sortOrder) =>
        sortOrder >= 0 ? sortOrder : throw new DomainException("Sorteringsordningen kan inte vara negativ.");
}

public sealed record QuestionCategoriesChanged(int OfficeId) : IOfficeEvent
{
    public string Topic => "QuestionCategoriesChanged";
}
