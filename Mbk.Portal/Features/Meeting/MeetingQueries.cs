using Mbk.Domain.Meeting;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Meeting;

public sealed record DecisionView(
    int Id,
    int MeetingId,
    DateOnly MeetingDate,
    int ItemIndex,
    string ItemTitle,
    string Text,
    DecisionCategory Category,
    string? ResponsibleName,
    DateOnly? ReviewDate,
    DecisionStatus Status,
    string RecordedByName,
    DateTimeOffset RecordedAt,
    int? SupersededById,
    int? SupersedesId,
    string? ResponsibleUserId,
    int Version,
    string? CorrectedByName,
    DateTimeOffset? CorrectedAt,
    string? RecordedByUserId,
    IReadOnlyList<DecisionVersionView> History,
    IReadOnlyList<DecisionLinkView> Chain)
{
    public string CategoryName => Category.DisplayName();

    public string StatusName => Status.DisplayName();

    /// <summary>The decision that superseded or repealed this one, from <see cref="Chain"/>.</summary>
    public DecisionLinkView? SupersededBy => SupersededById is { } id ? Chain.FirstOrDefault(l => l.Id == id) : null;

    /// <summary>The decision this one supersedes or repeals, from <see cref="Chain"/>.</summary>
    public DecisionLinkView? Supersedes => SupersedesId is { } id ? Chain.FirstOrDefault(l => l.Id == id) : null;
}

/// <summary>One version of a decision as written during its meeting; the last one is the decision as it stands.</summary>
public sealed record DecisionVersionView(
    int Version, string Text, DecisionCategory Category, string? ResponsibleName, DateOnly? ReviewDate, DateTimeOffset WrittenAt, string WrittenByName)
{
    public string CategoryName => Category.DisplayName();
}

/// <summary>A decision in a supersession chain: enough to name and link it.</summary>
public sealed record DecisionLinkView(int Id, DateOnly MeetingDate, string Text, DecisionStatus Status)
{
    public string StatusName => Status.DisplayName();

    /// <summary>"beslutet 2026-11-24: Vi öppnar …" (the text shortened).</summary>
    public string Describe() =>
        $"beslutet {MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: {(Text.Length <= 60 ? Text : Text[..57] + "…")}";
}

/// <summary>A staff member who can be chosen as responsible, owner of an action or attendee.</summary>
public sealed record MeetingStaffOption(string UserId, string DisplayName);

public sealed record ActionItemView(
    int Id,
    int MeetingId,
    int? ItemIndex,
    string What,
    string WhoName,
    string? WhoUserId,
    DateOnly DueDate,
    bool Done,
    DateTimeOffset? DoneAt,
    bool IsOverdue)
{
    /// <summary>Whose list it belongs to: the person's own, and the whole office's ("Alla") on everyone's.</summary>
    public bool IsFor(string userId) => WhoUserId == userId || (WhoUserId is null && WhoName == Decision.EveryoneName);
}

public sealed record AgendaItemView(
    int Index,
    string Title,
    AgendaItemKind Kind,
    int? PointId,
    int? DecisionId,
    int? ActionItemId,
    string? Notes,
    int NotesVersion,
    string? PointText,
    string? PointProposedBy,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ActionItemView> ActionItems);

public sealed record AttendeeView(string UserId, string DisplayName);

public sealed record MeetingView(
    int Id,
    DateOnly Date,
    MeetingStatus Status,
    string? ChairUserId,
    string? ChairName,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ClosedAt,
    int CurrentItemIndex,
    IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<AttendeeView> Attendees);

public sealed record DecisionReaderView(string UserId, string DisplayName, DateTimeOffset ReadAt);

public sealed record MeetingPointView(int Id, string Title, string? Text, string ProposedByName, DateTimeOffset ProposedAt, int? FeedbackId, MeetingPointStatus Status);

/// <summary>Binder filters; all optional. <see cref="From"/>/<see cref="To"/> are meeting days, inclusive.</summary>
public sealed record DecisionFilter(
    string? Search = null,
    DecisionCategory? Category = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Person = null,
    DecisionStatus? Status = null);

/// <summary>Read models of the morning meeting and the binder.</summary>
public sealed class MeetingQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Today's meeting of the actor's office with its agenda, or null until it has been planned.</summary>
    public async Task<MeetingView?> TodayAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await MeetingCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var id = await db.MorningMeetings.Where(m => m.OfficeId == officeId && m.Date == today).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await LoadAsync(db, officeId, id.Value, today, cancellationToken);
    }

    /// <summary>A meeting of the actor's office with its agenda, decisions and action items.</summary>
    public async Task<MeetingView?> MeetingAsync(StaffContext actor, int meetingId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await MeetingCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        return await LoadAsync(db, officeId, meetingId, today, cancellationToken);
    }

    /// <summary>Points waiting for a meeting, oldest first.</summary>
    public async Task<IReadOnlyList<MeetingPointView>> OpenPointsAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var points = await db.MeetingPoints.AsNoTracking()
            .Where(p => p.OfficeId == officeId && p.Status == MeetingPointStatus.Open)
            .ToListAsync(cancellationToken);
        return points.OrderBy(p => p.ProposedAt).ThenBy(p => p.Id).Select(ToView).ToList();
    }

    /// <summary>The office's standing agenda of a kind (the default until a manager sets one).</summary>
    public async Task<IReadOnlyList<string>> TemplateAsync(StaffContext actor, AgendaTemplateKind kind, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await MeetingCommands.TemplateAsync(db, officeId, kind, cancellationToken)).Items;
    }

    /// <summary>The binder: the office's decisions, newest first, filtered.</summary>
    public async Task<IReadOnlyList<DecisionView>> DecisionsAsync(StaffContext actor, DecisionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = from d in db.Decisions.AsNoTracking()
                    join m in db.MorningMeetings.AsNoTracking() on d.MeetingId equals m.Id
                    where d.OfficeId == officeId
                    select new { d, m.Date };
        if (DecisionSearchIndex.MatchingIds(db, filter.Search) is { } matching)
        {
            query = query.Where(x => matching.Contains(x.d.Id));
        }

        if (filter.Category is { } category)
        {
            query = query.Where(x => x.d.Category == category);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.d.Status == status);
        }

        if (filter.From is { } from)
        {
            query = query.Where(x => x.Date >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(x => x.Date <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            // Case-insensitive on both providers (lower() in SQL); the typed text is matched literally, % and _ included.
            var person = filter.Person.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(): the database folds case, not .NET's culture.
            query = query.Where(x => (x.d.ResponsibleName != null && x.d.ResponsibleName.ToLower().Contains(person)) || x.d.RecordedByName.ToLower().Contains(person));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var rows = await query.ToListAsync(cancellationToken);
        var meetingIds = rows.Select(r => r.d.MeetingId).Distinct().ToList();
        var titles = await ItemTitlesAsync(db, meetingIds, cancellationToken);
        var links = await LinksAsync(db, officeId, cancellationToken);
        return rows
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.d.RecordedAt).ThenByDescending(r => r.d.Id)
            .Select(r => ToView(r.d, r.Date, titles, links))
            .ToList();
    }

    /// <summary>One decision of the actor's office (for taking it up at today's meeting), or null.</summary>
    public async Task<DecisionView?> DecisionAsync(StaffContext actor, int decisionId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (from d in db.Decisions.AsNoTracking()
                         join m in db.MorningMeetings.AsNoTracking() on d.MeetingId equals m.Id
                         where d.OfficeId == officeId && d.Id == decisionId
                         select new { d, m.Date }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var titles = await ItemTitlesAsync(db, [row.d.MeetingId], cancellationToken);
        return ToView(row.d, row.Date, titles, await LinksAsync(db, officeId, cancellationToken));
    }

    /// <summary>The office's active staff by name: who can be responsible, own an action or be ticked as present.</summary>
    public async Task<IReadOnlyList<MeetingStaffOption>> StaffAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await Almanac.Staffing.StaffingQueries.ActiveStaffAsync(db, officeId, cancellationToken);
        return members.Select(m => new MeetingStaffOption(m.UserId, m.DisplayName)).ToList();
    }

    /// <summary>
    /// Ids of the office's decisions the actor has not read yet (the "new decisions" badge), newest first; what the
    /// actor recorded themself is not news to them.
    /// </summary>
    public async Task<IReadOnlyList<int>> UnreadDecisionIdsAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Decisions.AsNoTracking()
            .Where(d => d.OfficeId == officeId && d.RecordedByUserId != actor.UserId
                        && !db.DecisionReads.Any(r => r.DecisionId == d.Id && r.UserId == actor.UserId))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        return ids.OrderDescending().ToList();
    }

    /// <summary>Who has read a decision (managers only), first reader first.</summary>
    public async Task<IReadOnlyList<DecisionReaderView>> ReadersAsync(StaffContext actor, int decisionId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, "Bara en chef kan se vilka som har läst ett beslut.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from r in db.DecisionReads.AsNoTracking()
                          join d in db.Decisions.AsNoTracking() on r.DecisionId equals d.Id
                          join u in db.Users.AsNoTracking() on r.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          where r.DecisionId == decisionId && d.OfficeId == officeId
                          select new { r.UserId, Name = u == null ? null : u.DisplayName, r.ReadAt })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.ReadAt).Select(r => new DecisionReaderView(r.UserId, r.Name ?? r.UserId, r.ReadAt)).ToList();
    }

    /// <summary>Open action items of the office (or of one staff member), oldest due date first, overdue flagged.</summary>
    public async Task<IReadOnlyList<ActionItemView>> OpenActionItemsAsync(StaffContext actor, string? whoUserId = null, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await MeetingCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var query = db.ActionItems.AsNoTracking().Where(a => a.OfficeId == officeId && !a.Done);
        if (whoUserId is not null)
        {
            query = query.Where(a => a.WhoUserId == whoUserId);
        }

        var items = await query.ToListAsync(cancellationToken);
        return items.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => ToView(a, today)).ToList();
    }

    /// <summary>"Mina åtgärder": the actor's open action items and the whole office's ("Alla"), oldest due date first.</summary>
    public async Task<IReadOnlyList<ActionItemView>> MyOpenActionItemsAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await MeetingCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var items = await db.ActionItems.AsNoTracking()
            .Where(a => a.OfficeId == officeId && !a.Done
                        && (a.WhoUserId == actor.UserId || (a.WhoUserId == null && a.WhoName == Decision.EveryoneName)))
            .ToListAsync(cancellationToken);
        return items.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => ToView(a, today)).ToList();
    }

    private static async Task<MeetingView?> LoadAsync(PortalDbContext db, int officeId, int meetingId, DateOnly today, CancellationToken cancellationToken)
    {
        var meeting = await db.MorningMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.OfficeId == officeId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.RecordedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var pointIds = meeting.Items.Where(i => i.PointId is not null).Select(i => i.PointId!.Value).ToList();
        var points = await db.MeetingPoints.AsNoTracking().Where(p => pointIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var titles = meeting.Items.ToDictionary(i => (meeting.Id, i.Index), i => i.Title);
        var links = await LinksAsync(db, officeId, cancellationToken);
        var items = meeting.Items.Select(i =>
        {
            var point = i.PointId is { } pid && points.TryGetValue(pid, out var p) ? p : null;
            return new AgendaItemView(
                i.Index, i.Title, i.Kind, i.PointId, i.DecisionId, i.ActionItemId, i.Notes, i.NotesVersion,
                point?.Text, point?.ProposedByName,
                decisions.Where(d => d.ItemIndex == i.Index).Select(d => ToView(d, meeting.Date, titles, links)).ToList(),
                actions.Where(a => a.ItemIndex == i.Index).Select(a => ToView(a, today)).ToList());
        }).ToList();
        return new MeetingView(
            meeting.Id, meeting.Date, meeting.Status, meeting.ChairUserId, meeting.ChairName, meeting.StartedAt, meeting.ClosedAt,
            meeting.CurrentItemIndex, items, meeting.Attendees.Select(a => new AttendeeView(a.UserId, a.DisplayName)).ToList());
    }

    private static async Task<Dictionary<(int MeetingId, int Index), string>> ItemTitlesAsync(PortalDbContext db, List<int> meetingIds, CancellationToken cancellationToken)
    {
        var meetings = await db.MorningMeetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToListAsync(cancellationToken);
        return meetings.SelectMany(m => m.Items.Select(i => (Key: (m.Id, i.Index), i.Title))).ToDictionary(x => x.Key, x => x.Title);
    }

    /// <summary>Every decision of the office that is part of a supersession (small: the binder's links), by id.</summary>
    private static async Task<Dictionary<int, (DecisionLinkView Link, int? SupersedesId, int? SupersededById)>> LinksAsync(
        PortalDbContext db, int officeId, CancellationToken cancellationToken)
    {
        var rows = await (from d in db.Decisions.AsNoTracking()
                          join m in db.MorningMeetings.AsNoTracking() on d.MeetingId equals m.Id
                          where d.OfficeId == officeId && (d.SupersedesId != null || d.SupersededById != null)
                          select new { d.Id, m.Date, d.Text, d.Status, d.SupersedesId, d.SupersededById }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (new DecisionLinkView(r.Id, r.Date, r.Text, r.Status), r.SupersedesId, r.SupersededById));
    }

    /// <summary>The whole chain the decision belongs to, oldest first (empty when it was never superseded nor supersedes).</summary>
    private static List<DecisionLinkView> Chain(int decisionId, Dictionary<int, (DecisionLinkView Link, int? SupersedesId, int? SupersededById)> links)
    {
        if (!links.TryGetValue(decisionId, out var start))
        {
            return [];
        }

        var first = start;
        var seen = new HashSet<int> { decisionId };
        while (first.SupersedesId is { } earlier && links.TryGetValue(earlier, out var previous) && seen.Add(earlier))
        {
            first = previous;
        }

        var chain = new List<DecisionLinkView> { first.Link };
        var current = first;
        while (current.SupersededById is { } later && links.TryGetValue(later, out var next) && chain.All(c => c.Id != later))
        {
            chain.Add(next.Link);
            current = next;
        }

        return chain;
    }

    private static DecisionView ToView(
        Decision d, DateOnly meetingDate, Dictionary<(int MeetingId, int Index), string> titles,
        Dictionary<int, (DecisionLinkView Link, int? SupersedesId, int? SupersededById)> links)
    {
        var history = d.Revisions
            .Select(r => new DecisionVersionView(r.Version, r.Text, r.Category, r.ResponsibleName, r.ReviewDate, r.WrittenAt, r.WrittenByName))
            .Append(new DecisionVersionView(d.Version, d.Text, d.Category, d.ResponsibleName, d.ReviewDate, d.CorrectedAt ?? d.RecordedAt, d.CorrectedByName ?? d.RecordedByName))
            .ToList();
        return new DecisionView(
            d.Id, d.MeetingId, meetingDate, d.ItemIndex, titles.GetValueOrDefault((d.MeetingId, d.ItemIndex), string.Empty), d.Text, d.Category,
            d.ResponsibleName, d.ReviewDate, d.Status, d.RecordedByName, d.RecordedAt, d.SupersededById, d.SupersedesId,
            d.ResponsibleUserId, d.Version, d.CorrectedByName, d.CorrectedAt, d.RecordedByUserId, history, Chain(d.Id, links));
    }

    private static ActionItemView ToView(ActionItem a, DateOnly today) => new(
        a.Id, a.MeetingId, a.ItemIndex, a.What, a.WhoName, a.WhoUserId, a.DueDate, a.Done, a.DoneAt, a.IsOverdue(today));

    private static MeetingPointView ToView(MeetingPoint p) => new(p.Id, p.Title, p.Text, p.ProposedByName, p.ProposedAt, p.FeedbackId, p.Status);
}
