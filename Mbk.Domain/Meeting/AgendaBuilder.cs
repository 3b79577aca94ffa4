using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>
/// Builds a day's agenda: the standing items of the day's template, then the open points (oldest first), the
/// decisions due for review and the open action items; a final standing "Övrigt" stays last.
/// </summary>
public static class AgendaBuilder
{
    public const string OtherTitle = "Övrigt";

    public static IReadOnlyList<AgendaItemDraft> Build(
        DateOnly date,
        AgendaTemplate template,
        IEnumerable<MeetingPoint> points,
        IEnumerable<Decision> decisions,
        IEnumerable<ActionItem> actionItems)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(actionItems);
        if (template.Kind != AgendaTemplate.KindFor(date))
        {
            throw new DomainException(template.Kind == AgendaTemplateKind.Monday
                ? "Måndagens dagordning används bara på måndagar."
                : "På måndagar används måndagens dagordning.");
        }

        var standing = template.Items.Select(t => new AgendaItemDraft(t, AgendaItemKind.Standing)).ToList();
        AgendaItemDraft? last = null;
        if (standing.Count > 0 && string.Equals(standing[^1].Title, OtherTitle, StringComparison.OrdinalIgnoreCase))
        {
            last = standing[^1];
            standing.RemoveAt(standing.Count - 1);
        }

        var items = new List<AgendaItemDraft>(standing);
        items.AddRange(points
            .Where(p => p.OfficeId == template.OfficeId && p.Status == MeetingPointStatus.Open)
            .OrderBy(p => p.ProposedAt).ThenBy(p => p.Id)
            .Select(p => new AgendaItemDraft(p.Title, AgendaItemKind.Point, PointId: p.Id)));
        items.AddRange(decisions
            .Where(d => d.OfficeId == template.OfficeId && d.IsDueForReview(date))
            .OrderBy(d => d.ReviewDate).ThenBy(d => d.Id)
            .Select(d => new AgendaItemDraft("Uppföljning av beslut: " + Shorten(d.Text), AgendaItemKind.DecisionReview, DecisionId: d.Id)));
        items.AddRange(actionItems
            .Where(a => a.OfficeId == template.OfficeId && !a.Done)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new AgendaItemDraft($"Åtgärd ({a.WhoName}): {Shorten(a.What)}", AgendaItemKind.ActionFollowUp, ActionItemId: a.Id)));
        if (last is not null)
        {
            items.Add(last);
        }

        return items;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
