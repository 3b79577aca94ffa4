namespace Mbk.Domain.Meeting;

/// <summary>
/// A version of a decision that a correction during its meeting replaced: what it said, and who wrote that version
/// when (the recorder for version 1, the corrector for later ones). Never changes once kept.
/// </summary>
public sealed class DecisionRevision
{
    private DecisionRevision()
    {
        Text = string.Empty;
        WrittenByName = string.Empty;
    }

    internal DecisionRevision(
        int version, string text, DecisionCategory category, string? responsibleName, string? responsibleUserId, DateOnly? reviewDate,
        DateTimeOffset writtenAt, string writtenByName)
    {
        Version = version;
        Text = text;
        Category = category;
        ResponsibleName = responsibleName;
        ResponsibleUserId = responsibleUserId;
        ReviewDate = reviewDate;
        WrittenAt = writtenAt;
        WrittenByName = writtenByName;
    }

    public int Version { get; private set; }

    public string Text { get; private set; }

    public DecisionCategory Category { get; private set; }

    public string? ResponsibleName { get; private set; }

    public string? ResponsibleUserId { get; private set; }

    public DateOnly? ReviewDate { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    public string WrittenByName { get; private set; }
}
