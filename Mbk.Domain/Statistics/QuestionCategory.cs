using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>An ärendeslag: the category a visitor's question is tallied under. Retired, never deleted, so history stays.</summary>
public sealed class QuestionCategory : Entity
{
    public const int NameMaxLength = 100;

    private QuestionCategory()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public static QuestionCategory Create(int officeId, string name, int sortOrder) => new()
    {
        OfficeId = officeId,
        Name = Text.Required(name, "Ärendeslagets namn", NameMaxLength),
        SortOrder = sortOrder,
        IsActive = true,
    };

    public void Retire() => IsActive = false;
}
