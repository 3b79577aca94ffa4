using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>An office's standing agenda (fast dagordning) for ordinary days or for Mondays; a manager edits it.</summary>
public sealed class AgendaTemplate : Entity
{
    public const int TitleMaxLength = 100;
    public const int MaxItems = 20;

    /// <summary>The Monday point where the week is planned; the meeting page shows the week's almanac there.</summary>
    public const string WeekPlanningTitle = "Veckoplanering";

    private static readonly string[] DailyDefault =
        ["Gårdagens siffror", "Dagens bemanning", "Synpunkter från besökare", "Information", "Övrigt"];

    private static readonly string[] MondayDefault =
        ["Gårdagens siffror", "Dagens bemanning", WeekPlanningTitle, "Synpunkter från besökare", "Information", "Övrigt"];

    private AgendaTemplate()
    {
        ItemsText = string.Empty;
    }

    public int OfficeId { get; private set; }

    public AgendaTemplateKind Kind { get; private set; }

    /// <summary>The titles, one per line, in order (one row per template).</summary>
    public string ItemsText { get; private set; }

    public IReadOnlyList<string> Items => ItemsText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Mondays use the Monday template; every other day the daily one.</summary>
    public static AgendaTemplateKind KindFor(DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Monday ? AgendaTemplateKind.Monday : AgendaTemplateKind.Daily;

    public static IReadOnlyList<string> DefaultItems(AgendaTemplateKind kind) =>
        kind == AgendaTemplateKind.Monday ? MondayDefault : DailyDefault;

    public static AgendaTemplate Create(int officeId, AgendaTemplateKind kind, IEnumerable<string> titles)
    {
        var template = new AgendaTemplate { OfficeId = officeId, Kind = kind };
        template.ItemsText = Join(titles);
        return template;
    }

    /// <summary>The template an office starts with until a manager changes it.</summary>
    public static AgendaTemplate CreateDefault(int officeId, AgendaTemplateKind kind) => Create(officeId, kind, DefaultItems(kind));

    /// <summary>A manager replaces the standing items; they apply from the next meeting that is built.</summary>
    public void SetItems(IEnumerable<string> titles)
    {
        var text = Join(titles);
        if (text != ItemsText)
        {
            ItemsText = text;
            Raise(new AgendaTemplateChanged(OfficeId, Kind));
        }
    }

    private static string Join(IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var cleaned = titles
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => Text.Required(t.Replace('\n', ' ').Replace('\r', ' '), "Punktens rubrik", TitleMaxLength))
            .ToList();
        if (cleaned.Count == 0)
        {
            throw new DomainException("Dagordningen måste ha minst en punkt.");
        }

        if (cleaned.Count > MaxItems)
        {
            throw new DomainException($"Dagordningen får ha högst {MaxItems} stående punkter.");
        }

        if (cleaned.Distinct(StringComparer.OrdinalIgnoreCase).Count() != cleaned.Count)
        {
            throw new DomainException("Två punkter i dagordningen har samma rubrik.");
        }

        return string.Join('\n', cleaned);
    }
}
