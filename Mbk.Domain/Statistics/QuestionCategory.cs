using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Statistics;

/// <summary>
/// An ärendeslag: the category a visitor's question is tallied under. Retired, never deleted, and renamed with
/// history (<see cref="NameHistory"/>), so old reports still show the name the category had then.
/// </summary>
public sealed class QuestionCategory : NamedCatalogItem
{
    private QuestionCategory()
    {
    }

    protected override string NameField => "Ärendeslagets namn";

    public static QuestionCategory Create(int officeId, string name, int sortOrder)
    {
        var category = new QuestionCategory();
        category.Initialize(officeId, name, sortOrder);
        return category;
    }

    protected override IOfficeEvent Changed() => new QuestionCategoriesChanged(OfficeId);

    /// <summary>
    /// Whether questions of office-local <paramref name="day"/> may still be entered afterwards (paper sheets): the
    /// category is active, or was retired after that day began.
    /// </summary>
    public bool WasInUseOn(DateOnly day, TimeZoneInfo zone) =>
        IsActive || (RetiredAt is { } retired && retired > ServiceDayCalculator.Bounds(day, zone).Start);

}

public sealed record QuestionCategoriesChanged(int OfficeId) : IOfficeEvent
{
    public string Topic => "QuestionCategoriesChanged";
}
