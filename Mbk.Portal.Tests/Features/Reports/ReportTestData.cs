using Mbk.Domain.Offices;
using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Jobs;
using Mbk.Portal.Infrastructure.Mail;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Reports;

/// <summary>Offices with figures and recipients, and the report services wired by hand on a test database.</summary>
internal static class ReportTestData
{
    public static TimeZoneInfo Stockholm { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Monday 4 May 2026, 08:00 in Stockholm: after T1's send time (first weekday of May, 07:00).</summary>
    public static readonly DateTimeOffset AfterT1Due = new(2026, 5, 4, 8, 0, 0, TimeSpan.FromHours(2));

    /// <summary>Thursday 30 April 2026, 23:00 in Stockholm: T1 has not ended.</summary>
    public static readonly DateTimeOffset BeforeT1End = new(2026, 4, 30, 23, 0, 0, TimeSpan.FromHours(2));

    /// <summary>
    /// An office with T1 figures in 2024–2026 (monthly imports): Migrationsfrågor 100 → 205 (+105 %), Bostadsfrågor
    /// 300 → 150 (−50 %), Polisen 5 → 15 (a small base, ignored among the changes), visitors in March, and recipients.
    /// </summary>
    public static async Task<Office> SeedOfficeAsync(IDbContextFactory<PortalDbContext> dbFactory, string name, string slug, params (string Name, string Email)[] recipients)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var office = Office.Create(name, slug);
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        var migration = QuestionCategory.Create(office.Id, "Migrationsfrågor", 1);
        var housing = QuestionCategory.Create(office.Id, "Bostadsfrågor", 2);
        var police = QuestionCategory.Create(office.Id, "Polisen", 3);
        db.QuestionCategories.AddRange(migration, housing, police);
        await db.SaveChangesAsync();
        db.QuestionTallies.AddRange(
            QuestionTally.Import(migration, 2024, 3, 90, Stockholm),
            QuestionTally.Import(migration, 2025, 3, 100, Stockholm),
            QuestionTally.Import(migration, 2026, 3, 205, Stockholm),
            QuestionTally.Import(housing, 2024, 2, 320, Stockholm),
            QuestionTally.Import(housing, 2025, 2, 300, Stockholm),
            QuestionTally.Import(housing, 2026, 2, 150, Stockholm),
            QuestionTally.Import(police, 2025, 1, 5, Stockholm),
            QuestionTally.Import(police, 2026, 1, 15, Stockholm));
        db.DoorCounterReadings.AddRange(
            DoorCounterReading.ImportVisitors(office.Id, 2025, 3, 1200, Stockholm, AfterT1Due),
            DoorCounterReading.ImportVisitors(office.Id, 2026, 3, 1500, Stockholm, AfterT1Due));
        foreach (var (recipientName, email) in recipients)
        {
            db.ReportRecipients.Add(ReportRecipient.Add(office.Id, recipientName, email, AfterT1Due));
        }

        await db.SaveChangesAsync();
        return office;
    }

    public static IConfiguration Configuration(SmtpServer smtp, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(smtp.Settings())
        {
            ["Reports:SendDay"] = "FirstWeekday",
            ["Reports:SendTime"] = "07:00",
            ["Reports:TimeZone"] = "Europe/Stockholm",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>One portal instance's report services (its own lease id) on a shared database.</summary>
    public sealed class Instance(IDbContextFactory<PortalDbContext> dbFactory, IConfiguration configuration, TimeProvider clock)
    {
        public PortalInstance Identity { get; } = new();

        public ReportContentQueries Contents { get; } = new(dbFactory, new StatisticsQueries(dbFactory), new FeedbackNotRecorded());

        public ReportDispatcher Dispatcher => new(dbFactory, Contents, new SmtpMailSender(configuration, NullLogger<SmtpMailSender>.Instance), configuration, clock, Identity, NullLogger<ReportDispatcher>.Instance);

        public TertialReportJob Job => new(dbFactory, Dispatcher, configuration, clock, NullLogger<TertialReportJob>.Instance);

        public ReportCommands Commands => new(dbFactory, clock);

        public ReportQueries Queries => new(dbFactory);
    }

    public static FakeTimeProvider Clock(DateTimeOffset now) => new(now);

    public static async Task<TertialReportDispatch?> LedgerAsync(IDbContextFactory<PortalDbContext> dbFactory, int officeId, int year, int tertial)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.TertialReportDispatches.AsNoTracking().SingleOrDefaultAsync(d => d.OfficeId == officeId && d.Year == year && d.Tertial == tertial);
    }

    public static async Task<List<SentReport>> ArchiveAsync(IDbContextFactory<PortalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SentReports.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public static StatisticsPeriod T1Of2026 => StatisticsPeriod.Tertial(2026, 1);
}
