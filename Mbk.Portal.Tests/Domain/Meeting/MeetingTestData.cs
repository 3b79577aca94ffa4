using Mbk.Domain.Common;
using Mbk.Domain.Meeting;

namespace Mbk.Portal.Tests.Domain.Meeting;

internal static class MeetingTestData
{
    public const int OfficeId = 1;

    // 2026-11-23 is a Monday, 2026-11-24 a Tuesday.
    public static readonly DateOnly Monday = new(2026, 11, 23);
    public static readonly DateOnly Tuesday = new(2026, 11, 24);
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

    private static int _nextId = 1000;

    /// <summary>Gives an entity the id the database would, so rules that link entities by id can be tested.</summary>
    public static T Saved<T>(T entity) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, Interlocked.Increment(ref _nextId));
        return entity;
    }

    public static MorningMeeting RunningMeeting(DateOnly? date = null, IEnumerable<AgendaItemDraft>? agenda = null)
    {
        var meeting = Saved(MorningMeeting.Plan(OfficeId, date ?? Tuesday, agenda ?? Standing("Information", "Övrigt")));
        meeting.Start("chair", "Ordförande Olsson", Now);
        return meeting;
    }

    public static IEnumerable<AgendaItemDraft> Standing(params string[] titles) =>
        titles.Select(t => new AgendaItemDraft(t, AgendaItemKind.Standing));

    public static Decision RecordDecision(MorningMeeting meeting, string text = "Vi öppnar disken 08:45.", DateOnly? reviewDate = null) =>
        Saved(Decision.Record(meeting, 0, text, DecisionCategory.Rutin, "Chefen", reviewDate, "chair", "Ordförande Olsson", Now));
}
