using Mbk.Domain.Almanac;
using Mbk.Domain.Feedback;
using Mbk.Domain.Meeting;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Feedback;

/// <summary>List filters; all optional. <see cref="From"/>/<see cref="To"/> are days received, inclusive.</summary>
public sealed record FeedbackFilter(
    FeedbackKind? Kind = null,
    FeedbackStatus? Status = null,
    string? Area = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool OverdueOnly = false,
    string? Search = null);

/// <summary>One row of the list: no contact details, whoever looks.</summary>
public sealed record FeedbackRow(
    int Id,
    FeedbackKind Kind,
    FeedbackChannel Channel,
    DateOnly ReceivedOn,
    string Summary,
    string? Area,
    FeedbackStatus Status,
    DateOnly DueOn,
    int? WorkingDaysLeft,
    bool IsOverdue,
    DateOnly? AnsweredOn)
{
    public string KindName => Kind.DisplayName();

    public string ChannelName => Channel.DisplayName();

    public string StatusName => Status.DisplayName();
}

/// <summary>The visitor's contact, only ever built for a manager of the office.</summary>
public sealed record FeedbackContactView(string? Name, string? Email, string? Phone, string? PostalAddress, bool Consent);

public sealed record FeedbackHistoryView(DateTimeOffset At, string ByName, FeedbackStatus Status, string Text);

public sealed record FeedbackNoteView(DateTimeOffset At, string ByName, string Text);

/// <summary>A decision taken at the morning meeting on the item's point.</summary>
public sealed record FeedbackDecisionView(int DecisionId, DateOnly MeetingDate, string Text, string StatusName);

/// <summary>
/// Everything /feedback/{id} shows. <see cref="Contact"/> and <see cref="Notes"/> are filled for the office's
/// managers only; for anyone else they are null and empty, so a page cannot show what it never received.
/// </summary>
public sealed record FeedbackDetail(
    FeedbackRow Row,
    int DeadlineWorkingDays,
    string RegisteredByName,
    DateTimeOffset RegisteredAt,
    string? Answer,
    FeedbackChannel? AnswerChannel,
    string? AnsweredByName,
    DateTimeOffset? AnsweredAt,
    string? ForwardedTo,
    DateTimeOffset? ClosedAt,
    DateOnly? ContactRetentionEndsOn,
    bool HasContact,
    DateTimeOffset? ContactErasedAt,
    FeedbackContactView? Contact,
    int? MeetingPointId,
    bool MeetingPointHandled,
    IReadOnlyList<FeedbackDecisionView> Decisions,
    IReadOnlyList<FeedbackHistoryView> History,
    IReadOnlyList<FeedbackNoteView> Notes);

/// <summary>A visitor's item found by a data request (managers only): the item with its contact.</summary>
public sealed record FeedbackDataRequestRow(FeedbackRow Row, FeedbackContactView Contact, string? Answer);

/// <summary>Read models of the feedback register.</summary>
public sealed class FeedbackQueries(IDbContextFactory<PortalDbContext> dbFactory, OpeningScheduleQueries schedules, TimeProvider clock)
{
    /// <summary>The office's items, newest first, with days left; filtered and searched in summaries and answers.</summary>
    public async Task<IReadOnlyList<FeedbackRow>> ListAsync(StaffContext actor, FeedbackFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await FeedbackCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var query = db.FeedbackItems.AsNoTracking().Where(f => f.OfficeId == officeId);
        if (filter.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            query = query.Where(f => f.Area == filter.Area);
        }

        if (filter.From is { } from)
        {
            query = query.Where(f => f.ReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(f => f.ReceivedOn <= to);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(f => (f.Status == FeedbackStatus.Mottagen || f.Status == FeedbackStatus.UnderHandlaggning) && f.DueOn < today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Case-insensitive on both providers (lower() in SQL); the typed text is matched literally, % and _ included.
            var search = filter.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(): the database folds case, not .NET's culture.
            query = query.Where(f => f.Summary.ToLower().Contains(search) || (f.Answer != null && f.Answer.ToLower().Contains(search)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var items = await query.OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id).Take(1000).ToListAsync(cancellationToken);
        var schedule = await ScheduleAsync(officeId, items, today, cancellationToken);
        return items.Select(f => ToRow(f, today, schedule)).ToList();
    }

    /// <summary>One item with its history; the contact and notes only for the office's managers.</summary>
    public async Task<FeedbackDetail?> DetailAsync(StaffContext actor, int feedbackId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(f => f.Id == feedbackId && f.OfficeId == officeId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var today = await FeedbackCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var schedule = await ScheduleAsync(officeId, [item], today, cancellationToken);
        var policy = await FeedbackCommands.PolicyAsync(db, officeId, cancellationToken);
        var manager = FeedbackAccess.MaySeeContacts(actor);
        var pointHandled = item.MeetingPointId is { } pointId
            && await db.MeetingPoints.AnyAsync(p => p.Id == pointId && p.Status == MeetingPointStatus.Handled, cancellationToken);
        return new FeedbackDetail(
            ToRow(item, today, schedule),
            item.DeadlineWorkingDays,
            item.RegisteredByName,
            item.RegisteredAt,
            item.Answer,
            item.AnswerChannel,
            item.AnsweredByName,
            item.AnsweredAt,
            item.ForwardedTo,
            item.ClosedAt,
            item.ContactRetentionEndsOn(policy.RetentionMonths),
            item.HasContact,
            item.ContactErasedAt,
            manager && item.HasContact ? ContactOf(item) : null,
            item.MeetingPointId,
            pointHandled,
            await DecisionsAsync(db, officeId, item.MeetingPointId, cancellationToken),
            item.History.Select(h => new FeedbackHistoryView(h.At, h.ByName, h.Status, h.Text)).ToList(),
            manager ? item.Notes.Select(n => new FeedbackNoteView(n.At, n.ByName, n.Text)).ToList() : []);
    }

    /// <summary>Open items past their last day (the managers' badge).</summary>
    public async Task<int> OverdueCountAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await FeedbackCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        return await db.FeedbackItems.CountAsync(
            f => f.OfficeId == officeId && (f.Status == FeedbackStatus.Mottagen || f.Status == FeedbackStatus.UnderHandlaggning) && f.DueOn < today,
            cancellationToken);
    }

    /// <summary>
    /// For the agenda's "Synpunkter från besökare": items received since the office's last meeting before
    /// <paramref name="meetingDate"/> (or the last seven days when there was none), oldest first. No contact details.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackRow>> SinceLastMeetingAsync(int officeId, DateOnly meetingDate, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.MorningMeetings.AsNoTracking()
            .Where(m => m.OfficeId == officeId && m.Date < meetingDate && m.Status != MeetingStatus.Planned)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(cancellationToken);
        var from = last ?? meetingDate.AddDays(-7);
        var items = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.OfficeId == officeId && f.ReceivedOn >= from && f.ReceivedOn <= meetingDate)
            .OrderBy(f => f.ReceivedOn).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var today = await FeedbackCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var schedule = await ScheduleAsync(officeId, items, today, cancellationToken);
        return items.Select(f => ToRow(f, today, schedule)).ToList();
    }

    /// <summary>The feedback item a meeting point was raised for, if any (for the point's link back).</summary>
    public async Task<int?> FeedbackOfPointAsync(int officeId, int pointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MeetingPoints.AsNoTracking().Where(p => p.Id == pointId && p.OfficeId == officeId).Select(p => p.FeedbackId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A visitor asks what the office keeps about them (managers only): items whose contact e-mail or phone matches,
    /// with the contact. Phone numbers match on digits only.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackDataRequestRow>> DataRequestAsync(StaffContext actor, string emailOrPhone, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, FeedbackAccess.ManagerRefusal);
        if (!FeedbackAccess.MaySeeContacts(actor))
        {
            throw new Mbk.Domain.Common.DomainException("Bara kontorets chef kan söka fram en besökares uppgifter.");
        }

        var wanted = (emailOrPhone ?? string.Empty).Trim();
        if (wanted.Length < 5)
        {
            throw new Mbk.Domain.Common.DomainException("Skriv besökarens e-postadress eller telefonnummer.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.OfficeId == officeId && (f.ContactEmail != null || f.ContactPhone != null))
            .ToListAsync(cancellationToken);
        var digits = Digits(wanted);
        var matches = candidates.Where(f =>
                (f.ContactEmail is { } email && string.Equals(email, wanted, StringComparison.OrdinalIgnoreCase))
                || (digits.Length >= 5 && f.ContactPhone is { } phone && Digits(phone) == digits))
            .OrderBy(f => f.ReceivedOn).ToList();
        var today = await FeedbackCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var schedule = await ScheduleAsync(officeId, matches, today, cancellationToken);
        return matches.Select(f => new FeedbackDataRequestRow(ToRow(f, today, schedule), ContactOf(f), f.Answer)).ToList();
    }

    /// <summary>The areas staff can pick: the office's active queue services and question categories.</summary>
    public async Task<IReadOnlyList<string>> AreasAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var services = await db.ServiceLines.AsNoTracking().Where(s => s.OfficeId == officeId && s.IsActive).OrderBy(s => s.SortOrder).Select(s => s.Name).ToListAsync(cancellationToken);
        var categories = await db.QuestionCategories.AsNoTracking().Where(c => c.OfficeId == officeId && c.IsActive).Select(c => c.Name).ToListAsync(cancellationToken);
        return services.Concat(categories.Order(StringComparer.Create(PortalSetup.Swedish, ignoreCase: true))).Distinct().ToList();
    }

    /// <summary>The office's deadlines and retention.</summary>
    public async Task<FeedbackPolicy> PolicyAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FeedbackCommands.PolicyAsync(db, officeId, cancellationToken);
    }

    private static async Task<IReadOnlyList<FeedbackDecisionView>> DecisionsAsync(PortalDbContext db, int officeId, int? pointId, CancellationToken cancellationToken)
    {
        if (pointId is null)
        {
            return [];
        }

        // Decisions are recorded under an agenda item; the item whose point is this item's point links them.
        var meetings = await db.MorningMeetings.AsNoTracking()
            .Where(m => m.OfficeId == officeId && m.Items.Any(i => i.PointId == pointId))
            .ToListAsync(cancellationToken);
        var result = new List<FeedbackDecisionView>();
        foreach (var meeting in meetings)
        {
            var indexes = meeting.Items.Where(i => i.PointId == pointId).Select(i => i.Index).ToList();
            var decisions = await db.Decisions.AsNoTracking()
                .Where(d => d.MeetingId == meeting.Id && indexes.Contains(d.ItemIndex))
                .OrderBy(d => d.RecordedAt).ToListAsync(cancellationToken);
            result.AddRange(decisions.Select(d => new FeedbackDecisionView(d.Id, meeting.Date, d.Text, d.Status.DisplayName())));
        }

        return result;
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static FeedbackContactView ContactOf(FeedbackItem f) => new(f.ContactName, f.ContactEmail, f.ContactPhone, f.ContactPostalAddress, f.ContactConsent);

    private async Task<OpeningSchedule> ScheduleAsync(int officeId, IReadOnlyList<FeedbackItem> items, DateOnly today, CancellationToken cancellationToken)
    {
        var open = items.Where(i => i.IsOpen).Select(i => i.DueOn).ToList();
        var first = open.Count == 0 ? today : new[] { today, open.Min() }.Min();
        var last = open.Count == 0 ? today : new[] { today, open.Max() }.Max();
        return await schedules.GetAsync(officeId, first, last, cancellationToken);
    }

    internal static FeedbackRow ToRow(FeedbackItem f, DateOnly today, OpeningSchedule? schedule) => new(
        f.Id, f.Kind, f.Channel, f.ReceivedOn, f.Summary, f.Area, f.Status, f.DueOn,
        f.IsOpen && schedule is not null ? FeedbackDeadline.WorkingDaysLeft(today, f.DueOn, schedule) : null,
        f.IsOverdue(today),
        f.AnsweredOn);
}
