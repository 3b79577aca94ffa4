namespace Mbk.Domain.Meeting;

/// <summary>Which standing agenda a day uses: Mondays add the planning of the week.</summary>
public enum AgendaTemplateKind
{
    Daily,
    Monday,
}

public enum MeetingPointStatus
{
    /// <summary>Waiting for a meeting; a point not reached rolls over to the next one.</summary>
    Open,

    /// <summary>Reached in a meeting that was then closed.</summary>
    Handled,
}

public enum MeetingStatus
{
    Planned,
    Running,
    Closed,
}

public enum AgendaItemKind
{
    /// <summary>From the office's standing agenda (template).</summary>
    Standing,

    /// <summary>A point proposed by a staff member.</summary>
    Point,

    /// <summary>A decision whose review date has come.</summary>
    DecisionReview,

    /// <summary>An open action item, raised again until it is done.</summary>
    ActionFollowUp,
}

/// <summary>What a decision is about; Swedish names via <see cref="MeetingNames"/>.</summary>
public enum DecisionCategory
{
    Arbetssatt,
    Rutin,
    Lokal,
    Information,
    Ovrigt,
}

public enum DecisionStatus
{
    /// <summary>In force.</summary>
    Gallande,

    /// <summary>Replaced by a later decision (<see cref="Decision.SupersededById"/>).</summary>
    Ersatt,

    /// <summary>Repealed by a later meeting.</summary>
    Upphavd,
}

/// <summary>Swedish display names of the meeting's enums.</summary>
public static class MeetingNames
{
    public static string DisplayName(this DecisionCategory category) => category switch
    {
        DecisionCategory.Arbetssatt => "arbetssätt",
        DecisionCategory.Rutin => "rutin",
        DecisionCategory.Lokal => "lokal",
        DecisionCategory.Information => "information",
        DecisionCategory.Ovrigt => "övrigt",
        _ => category.ToString(),
    };

    public static string DisplayName(this DecisionStatus status) => status switch
    {
        DecisionStatus.Gallande => "gällande",
        DecisionStatus.Ersatt => "ersatt",
        DecisionStatus.Upphavd => "upphävd",
        _ => status.ToString(),
    };

    public static string DisplayName(this MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "planerat",
        MeetingStatus.Running => "pågår",
        MeetingStatus.Closed => "avslutat",
        _ => status.ToString(),
    };
}
