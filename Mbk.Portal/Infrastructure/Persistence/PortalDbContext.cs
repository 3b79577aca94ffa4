using Mbk.Domain.Almanac;
using Mbk.Domain.Feedback;
using Mbk.Domain.Meeting;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// The portal's one database: identity, offices and every feature's data. This type is the SQLite database (its
/// migrations are in <c>Migrations</c>); <see cref="PostgreSqlPortalDbContext"/> is the same model on PostgreSQL with
/// its own migrations. Features only ever see this type.
/// </summary>
public class PortalDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider-specific subclasses, which share the options of this type.</summary>
    protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Office> Offices => Set<Office>();

    /// <summary>The keys that sign login cookies, when kept in the database (PostgreSQL: shared by every instance).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StaffOfficeMembership> OfficeMemberships => Set<StaffOfficeMembership>();

    public DbSet<QuestionCategory> QuestionCategories => Set<QuestionCategory>();

    public DbSet<ServiceLine> ServiceLines => Set<ServiceLine>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<KioskDevice> KioskDevices => Set<KioskDevice>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<PlaceOccupancy> PlaceOccupancies => Set<PlaceOccupancy>();

    public DbSet<Features.Queue.TicketNumberCounter> TicketNumberCounters => Set<Features.Queue.TicketNumberCounter>();

    public DbSet<QuestionTally> QuestionTallies => Set<QuestionTally>();

    /// <summary>The tallies summed per office-local day and category, kept by database triggers (read only).</summary>
    public DbSet<QuestionTallyDay> QuestionTallyDays => Set<QuestionTallyDay>();

    /// <summary>The tallies summed per UTC hour, kept by database triggers (read only).</summary>
    public DbSet<QuestionTallyHour> QuestionTallyHours => Set<QuestionTallyHour>();

    public DbSet<ReferralTarget> ReferralTargets => Set<ReferralTarget>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<DoorCounterReading> DoorCounterReadings => Set<DoorCounterReading>();

    public DbSet<VisitorGenderEstimate> VisitorGenderEstimates => Set<VisitorGenderEstimate>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<AgendaTemplate> AgendaTemplates => Set<AgendaTemplate>();

    public DbSet<MeetingPoint> MeetingPoints => Set<MeetingPoint>();

    public DbSet<MorningMeeting> MorningMeetings => Set<MorningMeeting>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<DecisionRead> DecisionReads => Set<DecisionRead>();

    public DbSet<CalendarEvent> CalendarEvents => Set<CalendarEvent>();

    public DbSet<StaffingAssignment> StaffingAssignments => Set<StaffingAssignment>();

    public DbSet<OpeningHoursException> OpeningHoursExceptions => Set<OpeningHoursException>();

    public DbSet<HolidayDecision> HolidayDecisions => Set<HolidayDecision>();

    public DbSet<TertialReportDispatch> TertialReportDispatches => Set<TertialReportDispatch>();

    public DbSet<SentReport> SentReports => Set<SentReport>();

    public DbSet<ReportRecipient> ReportRecipients => Set<ReportRecipient>();

    public DbSet<ReportComment> ReportComments => Set<ReportComment>();

    public DbSet<AlmanacFeedSubscription> AlmanacFeedSubscriptions => Set<AlmanacFeedSubscription>();

    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();

    public DbSet<FeedbackPolicy> FeedbackPolicies => Set<FeedbackPolicy>();

    public DbSet<FeedbackMonthlyCount> FeedbackMonthlyCounts => Set<FeedbackMonthlyCount>();

    public DbSet<FeedbackErasure> FeedbackErasures => Set<FeedbackErasure>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type: store instants as UTC ticks, so the database compares, orders
        // and groups them exactly (they are read back in UTC; the office's local time is a display concern).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz stores instants; Npgsql only writes them with offset 0, so every instant is written in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

/// <summary>Instants as UTC ticks: exact, sortable, and comparable in SQL whatever offset the value was created with.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Instants normalised to UTC (PostgreSQL's <c>timestamptz</c> takes only offset 0 from Npgsql).</summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
