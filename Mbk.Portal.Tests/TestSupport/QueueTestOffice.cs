using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>An office on a <see cref="TestDatabase"/> with services A/B, four tables, categories and staff rows.</summary>
public sealed class QueueTestOffice
{
    public const string AlwaysOpen = "mon=00:00-24:00;tue=00:00-24:00;wed=00:00-24:00;thu=00:00-24:00;fri=00:00-24:00;sat=00:00-24:00;sun=00:00-24:00";

    private QueueTestOffice(TestDatabase database, Office office, TimeProvider clock, int kioskLimit)
    {
        Database = database;
        Office = office;
        Clock = clock;
        Commands = new QueueCommands(database, clock, new TicketRateLimiter(kioskLimit, TimeSpan.FromMinutes(1), clock));
        Queries = new QueueQueries(database, clock);
    }

    public TestDatabase Database { get; }

    public Office Office { get; }

    public TimeProvider Clock { get; }

    public QueueCommands Commands { get; }

    public QueueQueries Queries { get; }

    public ServiceLine ServiceA { get; private set; } = default!;

    public ServiceLine ServiceB { get; private set; } = default!;

    public IReadOnlyList<Place> Tables { get; private set; } = [];

    public IReadOnlyList<QuestionCategory> Categories { get; private set; } = [];

    public ReferralTarget Referral { get; private set; } = default!;

    public static async Task<QueueTestOffice> CreateAsync(TestDatabase database, TimeProvider? clock = null, int tables = 4, int kioskLimit = 10_000, string openingHours = AlwaysOpen)
    {
        ArgumentNullException.ThrowIfNull(database);
        var office = await database.AddOfficeAsync("Medborgarkontoret Kö", "ko-" + Guid.NewGuid().ToString("N")[..8]);
        var setup = new QueueTestOffice(database, office, clock ?? TimeProvider.System, kioskLimit);
        await using var db = database.CreateDbContext();
        db.Attach(office);
        office.SetOpeningHours(OpeningHours.Parse(openingHours));
        setup.ServiceA = ServiceLine.Create(office.Id, "Samhällsvägledning", 'A', 1, waitTargetMinutes: 20);
        setup.ServiceB = ServiceLine.Create(office.Id, "Konsumentvägledning", 'B', 2, waitTargetMinutes: 20);
        db.ServiceLines.AddRange(setup.ServiceA, setup.ServiceB);
        setup.Tables = Enumerable.Range(1, tables).Select(i => Place.Create(office.Id, $"Bord {i}", i)).ToList();
        db.Places.AddRange(setup.Tables);
        setup.Categories = [QuestionCategory.Create(office.Id, "Migrationsfrågor", 1), QuestionCategory.Create(office.Id, "Bostadsfrågor", 2)];
        db.QuestionCategories.AddRange(setup.Categories);
        setup.Referral = ReferralTarget.Create(office.Id, "Försäkringskassan", 1);
        db.ReferralTargets.Add(setup.Referral);
        await db.SaveChangesAsync();
        if (openingHours == AlwaysOpen)
        {
            await ConfirmHolidaysOpenAsync(database, office.Id, setup.Clock);
        }

        return setup;
    }

    /// <summary>
    /// Keeps an "always open" test office open on the Swedish holidays around the clock's date: unconfirmed holidays
    /// are closed by the almanac's rules, which would make a test fail only on those dates.
    /// </summary>
    public static async Task ConfirmHolidaysOpenAsync(IDbContextFactory<PortalDbContext> database, int officeId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var allDay = new DayHours(TimeOnly.MinValue, DayHours.EndOfDay);
        await using var db = await database.CreateDbContextAsync();
        var decided = await db.HolidayDecisions.Where(d => d.OfficeId == officeId).Select(d => d.Date).ToListAsync();
        foreach (var holiday in SwedishHolidays.Between(today.AddDays(-7), today.AddDays(OpeningSchedule.LookAheadDays)).Where(h => !decided.Contains(h.Date)))
        {
            db.HolidayDecisions.Add(HolidayDecision.Confirm(officeId, holiday.Date, allDay, "Testuppställning", now));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A staff member of this office with a real user row (names show on the monitor).</summary>
    public async Task<StaffContext> StaffAsync(string name, params string[] roles)
    {
        var staff = TestDatabase.Staff(Office, roles.Length == 0 ? [StaffRoles.Advisor] : roles) with { DisplayName = name };
        await using var db = Database.CreateDbContext();
        db.Users.Add(new StaffUser { Id = staff.UserId, UserName = staff.UserId, Email = staff.UserId + "@test.se", DisplayName = name });
        await db.SaveChangesAsync();
        return staff;
    }

    public async Task<string> TakeAsync(ServiceLine service, string kiosk = "kiosk-1")
    {
        ArgumentNullException.ThrowIfNull(service);
        var result = await Commands.TakeTicketAsync(Office.Slug, service.Id, kiosk);
        result.Refusal.ShouldBe(KioskRefusal.None);
        return result.Receipt!.Number;
    }

    public async Task<List<Ticket>> TicketsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Tickets.AsNoTracking().Where(t => t.OfficeId == Office.Id).OrderBy(t => t.Id).ToListAsync();
    }
}
