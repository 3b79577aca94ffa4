using Mbk.Domain.Meeting;

namespace Mbk.Portal.Features.Meeting.Pages;

/// <summary>
/// The value of a "who" list (responsible, action owner): a staff account's id, "Alla" for the whole office, or a
/// name typed before people were chosen from the staff (kept as it was when such a decision is corrected).
/// </summary>
public static class ResponsibleChoice
{
    public const string None = "";
    public const string Everyone = "*alla";
    private const string TextPrefix = "*text:";

    /// <summary>The list value for what a decision or action has now.</summary>
    public static string From(string? userId, string? name) =>
        userId is { Length: > 0 } ? userId
        : name is null ? None
        : name == Decision.EveryoneName ? Everyone
        : TextPrefix + name;

    /// <summary>(name, user id) to store for a list value; staff names are looked up by the service from the id.</summary>
    public static (string? Name, string? UserId) Parse(string? value, IEnumerable<MeetingStaffOption> staff) => value switch
    {
        null or None => (null, null),
        Everyone => (Decision.EveryoneName, null),
        _ when value.StartsWith(TextPrefix, StringComparison.Ordinal) => (value[TextPrefix.Length..], null),
        _ => (staff.FirstOrDefault(s => s.UserId == value)?.DisplayName ?? value, value),
    };

    /// <summary>A legacy typed name to offer in the list (it is no staff account), or null.</summary>
    public static string? LegacyName(string value) => value.StartsWith(TextPrefix, StringComparison.Ordinal) ? value[TextPrefix.Length..] : null;
}
