using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Feedback;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Feedback;

/// <summary>What staff type on /feedback to register an item.</summary>
public sealed record FeedbackForm(
    FeedbackKind Kind,
    FeedbackChannel Channel,
    DateOnly? ReceivedOn,
    string Summary,
    string? Area,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? ContactPostalAddress,
    bool ContactConsent);

/// <summary>
/// Every change to the feedback register. Each runs in one short write transaction; events (without personal data)
/// are published by the dispatcher after the commit.
/// </summary>
public sealed class FeedbackCommands(
    IDbContextFactory<PortalDbContext> dbFactory,
    OpeningScheduleQueries schedules,
    MeetingCommands meeting,
    TimeProvider clock)
{
    public const string ManagerErasureReason = "Kontaktuppgifterna raderades av chef";
    public const string RetentionErasureReason = "Lagringstiden har gått ut";

    /// <summary>Any staff member of the office registers an item; the deadline comes from the office's settings and schedule.</summary>
    public async Task<int> RegisterAsync(StaffContext actor, FeedbackForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var officeId = StaffAccess.RequireOffice(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await TodayAsync(db, officeId, now, cancellationToken);
        var receivedOn = form.ReceivedOn ?? today;
        if (receivedOn > today)
        {
            throw new DomainException("Datumet då synpunkten kom in kan inte ligga i framtiden.");
        }

        var policy = await PolicyAsync(db, officeId, cancellationToken);
        var deadline = await DeadlineAsync(officeId, receivedOn, policy.DeadlineFor(form.Kind), cancellationToken);
        var contact = new FeedbackContact(form.ContactName, form.ContactEmail, form.ContactPhone, form.ContactPostalAddress);
        var draft = new FeedbackDraft(form.Kind, form.Channel, receivedOn, form.Summary, form.Area, contact, form.ContactConsent);
        var item = FeedbackItem.Register(officeId, draft, deadline, Actor(actor), now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.FeedbackItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        item.Announce();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return item.Id;
    }

    /// <summary>"Under handläggning" (managers).</summary>
    public Task StartHandlingAsync(StaffContext actor, int feedbackId, CancellationToken cancellationToken = default) =>
        WithItemAsync(actor, feedbackId, (_, item, now, _) => item.StartHandling(Actor(actor), now), cancellationToken);

    /// <summary>Records the answer, how it was given, by whom and when (managers).</summary>
    public Task AnswerAsync(StaffContext actor, int feedbackId, string answer, FeedbackChannel how, CancellationToken cancellationToken = default) =>
        WithItemAsync(actor, feedbackId, (_, item, now, today) => item.RecordAnswer(answer, how, Actor(actor), now, today), cancellationToken);

    /// <summary>Forwards the item to another authority (managers).</summary>
    public Task ForwardAsync(StaffContext actor, int feedbackId, string to, CancellationToken cancellationToken = default) =>
        WithItemAsync(actor, feedbackId, (_, item, now, _) => item.Forward(to, Actor(actor), now), cancellationToken);

    /// <summary>"Avslutad": the contact's retention period starts (managers).</summary>
    public Task CloseAsync(StaffContext actor, int feedbackId, CancellationToken cancellationToken = default) =>
        WithItemAsync(actor, feedbackId, (_, item, now, today) => item.Close(Actor(actor), now, today), cancellationToken);

    /// <summary>An internal note (managers).</summary>
    public Task AddNoteAsync(StaffContext actor, int feedbackId, string text, CancellationToken cancellationToken = default) =>
        WithItemAsync(actor, feedbackId, (_, item, now, _) => item.AddNote(text, Actor(actor), now), cancellationToken);

    /// <summary>"Radera kontaktuppgifter": the contact is erased at once (gone from the database) and the erasure logged.</summary>
    public Task EraseContactAsync(StaffContext actor, int feedbackId, CancellationToken cancellationToken = default) =>
        WithItemAsync(actor, feedbackId, (db, item, now, _) =>
        {
            if (!item.EraseContact(Actor(actor), now, ManagerErasureReason))
            {
                throw new DomainException("Synpunkten har inga kontaktuppgifter att radera.");
            }

            db.FeedbackErasures.Add(FeedbackErasure.Log(item, now, ManagerErasureReason));
        }, cancellationToken);

    /// <summary>
    /// "Ta upp på morgonmötet": proposes the item (kind and summary, never the contact) as a point of the next
    /// meeting, linked back to the item. Returns the point's id.
    /// </summary>
    public async Task<int> RaiseAtMeetingAsync(StaffContext actor, int feedbackId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, FeedbackAccess.ManagerRefusal);
        FeedbackItem item;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            item = await FindAsync(db, officeId, feedbackId, cancellationToken);
            if (item.MeetingPointId is not null)
            {
                throw new DomainException("Synpunkten är redan uppsatt på morgonmötet.");
            }
        }

        var summary = item.Summary.Length <= 120 ? item.Summary : item.Summary[..119] + "…";
        var pointId = await meeting.ProposePointAsync(
            actor, $"Synpunkt #{item.Id}: {item.Kind.DisplayName().ToLowerInvariant()}", summary, item.Id, cancellationToken);
        await WithItemAsync(actor, feedbackId, (_, tracked, now, _) => tracked.MarkRaisedAtMeeting(pointId, Actor(actor), now), cancellationToken);
        return pointId;
    }

    /// <summary>A manager changes the office's deadlines per kind and the contact retention in months.</summary>
    public async Task SetPolicyAsync(StaffContext actor, IReadOnlyDictionary<FeedbackKind, int> deadlines, int retentionMonths, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, FeedbackAccess.ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var policy = await db.FeedbackPolicies.SingleOrDefaultAsync(p => p.OfficeId == officeId, cancellationToken);
        if (policy is null)
        {
            policy = FeedbackPolicy.CreateDefault(officeId);
            db.FeedbackPolicies.Add(policy);
        }

        policy.Change(deadlines, retentionMonths);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static async Task<FeedbackPolicy> PolicyAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken) =>
        await db.FeedbackPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.OfficeId == officeId, cancellationToken)
        ?? FeedbackPolicy.CreateDefault(officeId);

    internal static async Task<DateOnly> TodayAsync(PortalDbContext db, int officeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return ServiceDayCalculator.ServiceDay(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    internal static FeedbackActor Actor(StaffContext actor) => new(actor.UserId, actor.DisplayName);

    private async Task<FeedbackDeadline> DeadlineAsync(int officeId, DateOnly receivedOn, int workingDays, CancellationToken cancellationToken)
    {
        // Enough calendar days for the longest setting with Christmas in it.
        var schedule = await schedules.GetAsync(officeId, receivedOn, receivedOn.AddDays((workingDays * 2) + 31), cancellationToken);
        return FeedbackDeadline.Compute(receivedOn, workingDays, schedule);
    }

    private static async Task<FeedbackItem> FindAsync(PortalDbContext db, int officeId, int feedbackId, CancellationToken cancellationToken) =>
        await db.FeedbackItems.SingleOrDefaultAsync(f => f.Id == feedbackId && f.OfficeId == officeId, cancellationToken)
        ?? throw new DomainException("Synpunkten finns inte på ditt kontor.");

    /// <summary>Loads a manager's office's item, applies the change and saves it in one write transaction.</summary>
    private async Task WithItemAsync(
        StaffContext actor, int feedbackId, Action<PortalDbContext, FeedbackItem, DateTimeOffset, DateOnly> change, CancellationToken cancellationToken)
    {
        var officeId = StaffAccess.RequireManager(actor, FeedbackAccess.ManagerRefusal);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await FindAsync(db, officeId, feedbackId, cancellationToken);
        change(db, item, now, await TodayAsync(db, officeId, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>
/// The register's own rule beside <see cref="StaffAccess"/>: staff of the office register and read; managers handle;
/// visitors' contact details are for the office's managers only (not for admins who are not its manager).
/// </summary>
public static class FeedbackAccess
{
    public const string ManagerRefusal = "Bara en chef kan handlägga synpunkter.";

    /// <summary>Contact details are for the office's managers only.</summary>
    public static bool MaySeeContacts(StaffContext actor) => actor is not null && actor.IsOfficeManager;
}
