using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Meeting;

/// <summary>
/// What a decision says: the same fields when recorded, corrected or superseding another. When
/// <paramref name="ResponsibleUserId"/> names a staff member of the office, their name is used whatever
/// <paramref name="ResponsibleName"/> says; otherwise the name is kept as typed ("Alla", or legacy text).
/// </summary>
public sealed record DecisionInput(string Text, DecisionCategory Category, string? ResponsibleName, DateOnly? ReviewDate, string? ResponsibleUserId = null);

/// <summary>
/// Every change to the morning meeting, its points, decisions and action items. Each runs in one short write
/// transaction; events are published by the dispatcher after the commit.
/// </summary>
public sealed class MeetingCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Any staff member proposes a point for the next meeting (today's, if it has not started yet).</summary>
    public async Task<int> ProposePointAsync(StaffContext actor, string title, string? text, int? feedbackId = null, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var point = MeetingPoint.Propose(officeId, title, text, actor.UserId, actor.DisplayName, now, feedbackId);
        db.MeetingPoints.Add(point);
        await db.SaveChangesAsync(cancellationToken);

        var today = await TodayAsync(db, officeId, now, cancellationToken);
        var meeting = await db.MorningMeetings.SingleOrDefaultAsync(m => m.OfficeId == officeId && m.Date == today, cancellationToken);
        if (meeting is not null && meeting.AddPointBeforeStart(point))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return point.Id;
    }

    /// <summary>Today's meeting of the actor's office; planned with its agenda on first access. Returns its id.</summary>
    public async Task<int> GetOrCreateTodaysMeetingAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await TodayAsync(db, officeId, now, cancellationToken);
        var existing = await db.MorningMeetings.AsNoTracking().Where(m => m.OfficeId == officeId && m.Date == today).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        existing = await db.MorningMeetings.Where(m => m.OfficeId == officeId && m.Date == today).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } raced)
        {
            return raced;
        }

        // A meeting of an earlier day left running is closed first, so its decisions join the binder and its
        // reached points are handled before the new agenda is built.
        var stale = await db.MorningMeetings.Where(m => m.OfficeId == officeId && m.Date < today && m.Status == MeetingStatus.Running).ToListAsync(cancellationToken);
        foreach (var old in stale)
        {
            await CloseMeetingAsync(db, old, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var template = await TemplateAsync(db, officeId, AgendaTemplate.KindFor(today), cancellationToken);
        var points = await db.MeetingPoints.Where(p => p.OfficeId == officeId && p.Status == MeetingPointStatus.Open).ToListAsync(cancellationToken);
        var decisions = await db.Decisions.Where(d => d.OfficeId == officeId && d.Status == DecisionStatus.Gallande && d.ReviewDate != null && d.ReviewDate <= today)
            .ToListAsync(cancellationToken);
        var actions = await db.ActionItems.Where(a => a.OfficeId == officeId && !a.Done).ToListAsync(cancellationToken);
        var meeting = MorningMeeting.Plan(officeId, today, AgendaBuilder.Build(today, template, points, decisions, actions));
        db.MorningMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return meeting.Id;
    }

    /// <summary>
    /// "Starta mötet": the actor becomes the chair; the chair and everyone on today's staffing are ticked as present
    /// (the chair unticks who is not there).
    /// </summary>
    public Task StartAsync(StaffContext actor, int meetingId, CancellationToken cancellationToken = default) =>
        WithMeetingAsync(actor, meetingId, async (db, meeting, now) =>
        {
            meeting.Start(actor.UserId, actor.DisplayName, now);
            meeting.MarkAttendance(actor.UserId, actor.DisplayName, present: true);
            var staffed = await db.StaffingAssignments.AsNoTracking()
                .Where(a => a.OfficeId == meeting.OfficeId && a.Date == meeting.Date)
                .Select(a => new { a.StaffUserId, a.StaffName })
                .Distinct()
                .ToListAsync(cancellationToken);
            foreach (var person in staffed.DistinctBy(p => p.StaffUserId))
            {
                meeting.MarkAttendance(person.StaffUserId, person.StaffName, present: true);
            }
        }, cancellationToken);

    /// <summary>The chair (or a manager) moves to another item; every screen follows.</summary>
    public Task GoToAsync(StaffContext actor, int meetingId, int itemIndex, CancellationToken cancellationToken = default) =>
        WithMeetingAsync(actor, meetingId, (_, meeting, _) =>
        {
            RequireChair(actor, meeting, "byta punkt");
            meeting.GoTo(itemIndex);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Saves an item's notes, refused (with the current text) when someone else saved since
    /// <paramref name="expectedVersion"/>. Returns the new version.
    /// </summary>
    public async Task<int> SaveNotesAsync(StaffContext actor, int meetingId, int itemIndex, string? notes, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var version = 0;
        try
        {
            await WithMeetingAsync(actor, meetingId, (_, meeting, _) =>
            {
                version = meeting.SaveNotes(itemIndex, notes, expectedVersion);
                return Task.CompletedTask;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new DomainException("Anteckningarna har ändrats av någon annan medan du skrev, så din text sparades inte. Läs in den nya texten och spara igen.", exception);
        }

        return version;
    }

    /// <summary>Ticks a staff member as present (or not): the chair (or a manager) anyone, everyone themself ("Jag är här").</summary>
    public Task MarkAttendanceAsync(StaffContext actor, int meetingId, string userId, string displayName, bool present, CancellationToken cancellationToken = default) =>
        WithMeetingAsync(actor, meetingId, (_, meeting, _) =>
        {
            if (userId != actor.UserId)
            {
                RequireChair(actor, meeting, "markera andras närvaro");
            }

            meeting.MarkAttendance(userId, displayName, present);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Records a decision under an item of the running meeting. Returns its id.</summary>
    public async Task<int> RecordDecisionAsync(StaffContext actor, int meetingId, int itemIndex, DecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Decision? decision = null;
        await WithMeetingAsync(actor, meetingId, async (db, meeting, now) =>
        {
            var (name, userId) = await ResponsibleAsync(db, meeting.OfficeId, input, cancellationToken);
            decision = Decision.Record(meeting, itemIndex, input.Text, input.Category, name, input.ReviewDate, actor.UserId, actor.DisplayName, now, userId);
            db.Decisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            decision.Announce();
        }, cancellationToken);
        return decision!.Id;
    }

    /// <summary>
    /// The chair (or a manager) corrects a decision during its own running meeting; the earlier version stays in its
    /// history. Refused once the meeting is closed.
    /// </summary>
    public async Task EditDecisionAsync(StaffContext actor, int decisionId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decision = await FindDecisionAsync(db, officeId, decisionId, cancellationToken);
        var meeting = await db.MorningMeetings.SingleAsync(m => m.Id == decision.MeetingId, cancellationToken);
        if (meeting.Status == MeetingStatus.Running)
        {
            RequireChair(actor, meeting, "rätta beslut");
        }

        var (name, userId) = await ResponsibleAsync(db, officeId, input, cancellationToken);
        decision.Correct(meeting, input.Text, input.Category, name, userId, input.ReviewDate, actor.DisplayName, clock.GetUtcNow());
        decision.Announce();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>From a running (later) meeting: a new decision replaces <paramref name="oldDecisionId"/>. Returns the new id.</summary>
    public Task<int> SupersedeDecisionAsync(StaffContext actor, int meetingId, int itemIndex, int oldDecisionId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReplaceAsync(actor, meetingId, oldDecisionId, async (db, meeting, old, now) =>
        {
            var (name, userId) = await ResponsibleAsync(db, meeting.OfficeId, input, cancellationToken);
            return Decision.Supersede(old, meeting, itemIndex, input.Text, input.Category, name, input.ReviewDate, actor.UserId, actor.DisplayName, now, userId);
        }, cancellationToken);
    }

    /// <summary>From a running (later) meeting: repeals <paramref name="oldDecisionId"/> with a recorded reason. Returns the new decision's id.</summary>
    public Task<int> RepealDecisionAsync(StaffContext actor, int meetingId, int itemIndex, int oldDecisionId, string reason, CancellationToken cancellationToken = default) =>
        ReplaceAsync(actor, meetingId, oldDecisionId, (_, meeting, old, now) => Task.FromResult(Decision.Repeal(
            old, meeting, itemIndex, reason, actor.UserId, actor.DisplayName, now)), cancellationToken);

    /// <summary>Adds an action item in the running meeting. Returns its id.</summary>
    public async Task<int> AddActionItemAsync(
        StaffContext actor, int meetingId, int? itemIndex, string what, string whoName, string? whoUserId, DateOnly dueDate, CancellationToken cancellationToken = default)
    {
        ActionItem? item = null;
        await WithMeetingAsync(actor, meetingId, async (db, meeting, now) =>
        {
            // A staff member chosen from the list is stored with their account and their own name.
            var name = whoName;
            if (!string.IsNullOrWhiteSpace(whoUserId))
            {
                name = await StaffNameAsync(db, meeting.OfficeId, whoUserId, cancellationToken)
                    ?? throw new DomainException("Den som ska göra åtgärden finns inte bland kontorets personal.");
            }

            item = ActionItem.Add(meeting, itemIndex, what, name, whoUserId, dueDate, now);
            db.ActionItems.Add(item);
        }, cancellationToken);
        return item!.Id;
    }

    /// <summary>Done with one click, by anyone of the office.</summary>
    public async Task CompleteActionItemAsync(StaffContext actor, int actionItemId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionItemId && a.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Åtgärden finns inte på ditt kontor.");
        item.Complete(actor.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>"Avsluta mötet": points reached are handled, the rest roll over; its decisions become immutable.</summary>
    public Task CloseAsync(StaffContext actor, int meetingId, CancellationToken cancellationToken = default) =>
        WithMeetingAsync(actor, meetingId, async (db, meeting, now) =>
        {
            RequireChair(actor, meeting, "avsluta mötet");
            await CloseMeetingAsync(db, meeting, now, cancellationToken);
        }, cancellationToken);

    /// <summary>Marks decisions as read by the actor (the "new decisions" badge counts the unread ones).</summary>
    public async Task MarkDecisionsReadAsync(StaffContext actor, IReadOnlyCollection<int> decisionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisionIds);
        var officeId = StaffAccess.RequireOffice(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = decisionIds.Distinct().ToList();
        var unread = await db.Decisions
            .Where(d => d.OfficeId == officeId && ids.Contains(d.Id) && !db.DecisionReads.Any(r => r.DecisionId == d.Id && r.UserId == actor.UserId))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        db.DecisionReads.AddRange(unread.Select(id => DecisionRead.Create(id, actor.UserId, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A manager replaces the office's standing agenda (daily or Monday); it applies from the next meeting built.</summary>
    public async Task SetTemplateAsync(StaffContext actor, AgendaTemplateKind kind, IReadOnlyList<string> titles, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, "Bara en chef kan ändra mötets stående dagordning.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var template = await db.AgendaTemplates.SingleOrDefaultAsync(t => t.OfficeId == officeId && t.Kind == kind, cancellationToken);
        if (template is null)
        {
            db.AgendaTemplates.Add(AgendaTemplate.Create(officeId, kind, titles));
        }
        else
        {
            template.SetItems(titles);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CloseMeetingAsync(PortalDbContext db, MorningMeeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pointIds = meeting.Items.Where(i => i.PointId is not null).Select(i => i.PointId!.Value).ToList();
        var points = await db.MeetingPoints.Where(p => pointIds.Contains(p.Id)).ToListAsync(cancellationToken);
        meeting.Close(now, points);
        var reviewed = meeting.ReviewedDecisionIds();
        foreach (var decision in await db.Decisions.Where(d => reviewed.Contains(d.Id)).ToListAsync(cancellationToken))
        {
            decision.MarkReviewed(meeting.Date);
        }
    }

    /// <summary>The office's template of a kind, or the default one when no manager has set it.</summary>
    internal static async Task<AgendaTemplate> TemplateAsync(PortalDbContext db, int officeId, AgendaTemplateKind kind, CancellationToken cancellationToken) =>
        await db.AgendaTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.OfficeId == officeId && t.Kind == kind, cancellationToken)
        ?? AgendaTemplate.CreateDefault(officeId, kind);

    /// <summary>The office-local calendar day of <paramref name="now"/>.</summary>
    internal static async Task<DateOnly> TodayAsync(PortalDbContext db, int officeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
    }

    private static void RequireChair(StaffContext actor, MorningMeeting meeting, string action)
    {
        if (meeting.ChairUserId is not null && meeting.ChairUserId != actor.UserId && !actor.IsManager)
        {
            throw new DomainException($"Bara mötets ordförande ({meeting.ChairName}) eller en chef kan {action}.");
        }
    }

    private async Task<int> ReplaceAsync(
        StaffContext actor, int meetingId, int oldDecisionId, Func<PortalDbContext, MorningMeeting, Decision, DateTimeOffset, Task<Decision>> replace,
        CancellationToken cancellationToken)
    {
        Decision? replacement = null;
        await WithMeetingAsync(actor, meetingId, async (db, meeting, now) =>
        {
            RequireChair(actor, meeting, "ersätta eller upphäva beslut");
            var old = await FindDecisionAsync(db, meeting.OfficeId, oldDecisionId, cancellationToken);
            replacement = await replace(db, meeting, old, now);
            db.Decisions.Add(replacement);
            await db.SaveChangesAsync(cancellationToken);
            old.LinkSuccessor(replacement);
            old.Announce();
            replacement.Announce();
        }, cancellationToken);
        return replacement!.Id;
    }

    /// <summary>
    /// The responsible as stored: a chosen staff member of the office under their own name, or the typed name
    /// ("Alla", legacy text) without an account.
    /// </summary>
    private static async Task<(string? Name, string? UserId)> ResponsibleAsync(PortalDbContext db, int officeId, DecisionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.ResponsibleUserId))
        {
            return (input.ResponsibleName, null);
        }

        var name = await StaffNameAsync(db, officeId, input.ResponsibleUserId, cancellationToken)
            ?? throw new DomainException("Den ansvariga finns inte bland kontorets personal.");
        return (name, input.ResponsibleUserId);
    }

    /// <summary>The display name of an active staff member of the office, or null.</summary>
    internal static Task<string?> StaffNameAsync(PortalDbContext db, int officeId, string userId, CancellationToken cancellationToken) =>
        (from m in db.OfficeMemberships
         join u in db.Users on m.UserId equals u.Id
         where m.OfficeId == officeId && u.Id == userId && u.IsActive
         select u.DisplayName).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Decision> FindDecisionAsync(PortalDbContext db, int officeId, int decisionId, CancellationToken cancellationToken) =>
        await db.Decisions.SingleOrDefaultAsync(d => d.Id == decisionId && d.OfficeId == officeId, cancellationToken)
        ?? throw new DomainException("Beslutet finns inte på ditt kontor.");

    /// <summary>Loads the meeting of the actor's office, applies the change and saves it in one write transaction.</summary>
    private async Task WithMeetingAsync(
        StaffContext actor, int meetingId, Func<PortalDbContext, MorningMeeting, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.MorningMeetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Mötet finns inte på ditt kontor.");
        await change(db, meeting, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
