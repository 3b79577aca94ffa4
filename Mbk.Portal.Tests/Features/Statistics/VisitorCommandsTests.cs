using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Import;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>An office (Stockholm) with the standard categories on a real SQLite file, a fake clock and the visitor and import services.</summary>
internal sealed class VisitorTestOffice : IAsyncDisposable
{
    /// <summary>Tuesday 1 December 2026, 10:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));

    private VisitorTestOffice(TestDatabase database, Office office)
    {
        Database = database;
        Office = office;
        Commands = new VisitorCommands(database, Clock);
        Queries = new VisitorQueries(database);
        Import = new HistoricalImportService(database, Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<HistoricalImportService>.Instance);
        Manager = TestDatabase.Staff(office, StaffRoles.Manager);
        Advisor = TestDatabase.Staff(office, StaffRoles.Advisor);
    }

    public TestDatabase Database { get; }

    public Office Office { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public VisitorCommands Commands { get; }

    public VisitorQueries Queries { get; }

    public HistoricalImportService Import { get; }

    public StaffContext Manager { get; }

    public StaffContext Advisor { get; }

    public static TimeZoneInfo Stockholm { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static async Task<VisitorTestOffice> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var office = await database.AddOfficeAsync("Medborgarkontoret Rinkeby", "rinkeby-" + Guid.NewGuid().ToString("N")[..6]);
        await using var db = database.CreateDbContext();
        db.QuestionCategories.AddRange(StandardOfficeSetup.QuestionCategories.Select((name, i) => QuestionCategory.Create(office.Id, name, i + 1)));
        await db.SaveChangesAsync();
        return new VisitorTestOffice(database, office);
    }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Commands);
        services.AddSingleton(Queries);
        services.AddSingleton(Import);
    }

    /// <summary>The first instant of an office-local day.</summary>
    public static DateTimeOffset Midnight(int year, int month, int day) =>
        ServiceDayCalculator.ToInstant(new DateOnly(year, month, day), TimeOnly.MinValue, Stockholm);

    public async Task AddReadingAsync(DateTimeOffset start, DateTimeOffset end, int reading, decimal passages = 2m, decimal staffShare = 0.10m)
    {
        await using var db = Database.CreateDbContext();
        db.DoorCounterReadings.Add(DoorCounterReading.Create(Office.Id, start, end, reading, DoorCounterSource.Manual, Clock.GetUtcNow(), passages, staffShare));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

[Trait("Providers", "Both")]
public sealed class VisitorCommandsTests : IAsyncLifetime
{
    private VisitorTestOffice _office = default!;

    public async Task InitializeAsync() => _office = await VisitorTestOffice.CreateAsync();

    public async Task DisposeAsync() => await _office.DisposeAsync();

    private async Task<List<DoorCounterReading>> ReadingsAsync()
    {
        await using var db = _office.Database.CreateDbContext();
        return await db.DoorCounterReadings.AsNoTracking().Where(r => r.OfficeId == _office.Office.Id).OrderBy(r => r.Start).ToListAsync();
    }

    [Fact]
    public async Task ShouldGive87068VisitorsForRinkebysYearOfMonthlyReadings()
    {
        // 193 484 passages in 2006, read once a month: 11 months of 16 124 and December 16 120.
        for (var month = 1; month <= 12; month++)
        {
            var start = VisitorTestOffice.Midnight(2006, month, 1);
            var end = month == 12 ? VisitorTestOffice.Midnight(2007, 1, 1) : VisitorTestOffice.Midnight(2006, month + 1, 1);
            await _office.AddReadingAsync(start, end, month == 12 ? 16_120 : 16_124);
        }

        // Readings just outside the year don't count.
        await _office.AddReadingAsync(VisitorTestOffice.Midnight(2005, 12, 31), VisitorTestOffice.Midnight(2006, 1, 1), 5_000);
        await _office.AddReadingAsync(VisitorTestOffice.Midnight(2007, 1, 1), VisitorTestOffice.Midnight(2007, 1, 2), 5_000);

        var visitors = await _office.Queries.GetVisitorsAsync(_office.Office.Id, StatisticsPeriod.Year(2006));

        visitors.ShouldBe(87_068);
        (await _office.Queries.GetReadingsAsync(_office.Office.Id, StatisticsPeriod.Year(2006))).Count.ShouldBe(12);
        (await _office.Queries.GetReadingsAsync(_office.Office.Id, StatisticsPeriod.Year(2006))).Sum(r => r.Reading).ShouldBe(193_484);
        (await _office.Queries.HasHourlyReadingsAsync(_office.Office.Id, StatisticsPeriod.Year(2006))).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldAddManualReadingForTheLocalDayWithTheOfficeFactors()
    {
        var stored = await _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 11, 23), 1_000);

        stored.Visitors.ShouldBe(450);
        var reading = (await ReadingsAsync()).ShouldHaveSingleItem();
        reading.Start.ShouldBe(VisitorTestOffice.Midnight(2026, 11, 23));
        reading.End.ShouldBe(VisitorTestOffice.Midnight(2026, 11, 24));
        reading.Source.ShouldBe(DoorCounterSource.Manual);
        (await _office.Queries.GetVisitorsAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 11))).ShouldBe(450);
    }

    [Fact]
    public async Task ShouldRefuseSecondReadingForTheSameDay()
    {
        await _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 11, 23), 1_000);

        var refusal = await Should.ThrowAsync<DomainException>(() => _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 11, 23), 900));

        refusal.Message.ShouldContain("överlappar 2026-11-23");
        (await ReadingsAsync()).ShouldHaveSingleItem().Reading.ShouldBe(1_000);
    }

    [Fact]
    public async Task ShouldRefuseReadingForAFutureDay()
    {
        var refusal = await Should.ThrowAsync<DomainException>(() => _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 12, 5), 100));

        refusal.Message.ShouldBe("Mätperioden kan inte sluta i framtiden.");
    }

    [Fact]
    public async Task ShouldRefuseAdvisor()
    {
        await Should.ThrowAsync<DomainException>(() => _office.Commands.AddManualReadingAsync(_office.Advisor, new DateOnly(2026, 11, 23), 100));
        await Should.ThrowAsync<DomainException>(() => _office.Commands.IssueDoorCounterKeyAsync(_office.Advisor));
    }

    [Fact]
    public async Task ShouldNotRewriteOldReadingsWhenFactorsChange()
    {
        await _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 11, 23), 1_000);

        await _office.Commands.SetVisitorFactorsAsync(_office.Manager, 2.5m, 0.20m);
        var later = await _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 11, 24), 1_000);

        later.Visitors.ShouldBe(320);
        var readings = await ReadingsAsync();
        readings[0].PassagesPerVisitor.ShouldBe(2m);
        readings[0].StaffShare.ShouldBe(0.10m);
        readings[1].PassagesPerVisitor.ShouldBe(2.5m);
        readings[1].StaffShare.ShouldBe(0.20m);
        (await _office.Queries.GetVisitorsAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 11))).ShouldBe(770);
        var settings = await _office.Queries.GetSettingsAsync(_office.Office.Id);
        settings.PassagesPerVisitor.ShouldBe(2.5m);
        settings.StaffShare.ShouldBe(0.20m);
    }

    [Fact]
    public async Task ShouldRefuseBadFactorsInSwedish()
    {
        var refusal = await Should.ThrowAsync<DomainException>(() => _office.Commands.SetVisitorFactorsAsync(_office.Manager, 2m, 1.2m));

        refusal.Message.ShouldContain("Personalens andel");
    }

    [Fact]
    public async Task ShouldDeleteManualReadingOnly()
    {
        var manual = await _office.Commands.AddManualReadingAsync(_office.Manager, new DateOnly(2026, 11, 23), 1_000);
        await using (var db = _office.Database.CreateDbContext())
        {
            db.DoorCounterReadings.Add(DoorCounterReading.ImportVisitors(_office.Office.Id, 2006, null, 87_068, VisitorTestOffice.Stockholm, VisitorTestOffice.Now));
            await db.SaveChangesAsync();
        }

        var imported = (await ReadingsAsync()).Single(r => r.Source == DoorCounterSource.Import);

        await Should.ThrowAsync<DomainException>(() => _office.Commands.DeleteManualReadingAsync(_office.Manager, imported.Id));
        await _office.Commands.DeleteManualReadingAsync(_office.Manager, manual.Id);

        (await ReadingsAsync()).ShouldHaveSingleItem().Id.ShouldBe(imported.Id);
    }

    [Fact]
    public async Task ShouldIssueKeyStoringOnlyItsHashAndRevokeIt()
    {
        var key = await _office.Commands.IssueDoorCounterKeyAsync(_office.Manager);

        key.Length.ShouldBe(43);
        key.ShouldNotContain("+");
        key.ShouldNotContain("/");
        await using (var db = _office.Database.CreateDbContext())
        {
            var hash = await db.Offices.Where(o => o.Id == _office.Office.Id).Select(o => o.DoorCounterKeyHash).SingleAsync();
            hash.ShouldBe(DoorCounterKeys.Hash(key));
            hash!.ShouldNotContain(key);
            DoorCounterKeys.Matches(key, hash).ShouldBeTrue();
            DoorCounterKeys.Matches(key + "x", hash).ShouldBeFalse();
        }

        (await _office.Queries.GetSettingsAsync(_office.Office.Id)).HasDoorCounterKey.ShouldBeTrue();
        await _office.Commands.RevokeDoorCounterKeyAsync(_office.Manager);
        (await _office.Queries.GetSettingsAsync(_office.Office.Id)).HasDoorCounterKey.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldUpsertGenderEstimateAndSumOverPeriod()
    {
        await _office.Commands.SetGenderEstimateAsync(_office.Manager, new DateOnly(2026, 11, 23), 10, 10, 0, 5);
        await _office.Commands.SetGenderEstimateAsync(_office.Manager, new DateOnly(2026, 11, 23), 60, 40, 1, 2);
        await _office.Commands.SetGenderEstimateAsync(_office.Manager, new DateOnly(2026, 11, 24), 5, 4, 0, 0);
        await _office.Commands.SetGenderEstimateAsync(_office.Manager, new DateOnly(2026, 10, 31), 100, 100, 0, 0);

        var totals = await _office.Queries.GetGenderTotalsAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 11));

        totals.ShouldBe(new GenderTotals(65, 44, 1, 2, 2));
        (await _office.Queries.GetGenderTotalsAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 9))).ShouldBe(new GenderTotals(0, 0, 0, 0, 0));
        await Should.ThrowAsync<DomainException>(() => _office.Commands.SetGenderEstimateAsync(_office.Manager, new DateOnly(2026, 11, 23), -1, 0, 0, 0));
        await Should.ThrowAsync<DomainException>(() => _office.Commands.SetGenderEstimateAsync(_office.Manager, new DateOnly(2026, 12, 2), 1, 0, 0, 0));
    }

    [Fact]
    public async Task ShouldTellWhenHourlyReadingsExist()
    {
        await using (var db = _office.Database.CreateDbContext())
        {
            var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));
            db.DoorCounterReadings.Add(DoorCounterReading.Create(_office.Office.Id, start, start.AddHours(1), 50, DoorCounterSource.Automatic, VisitorTestOffice.Now));
            await db.SaveChangesAsync();
        }

        (await _office.Queries.HasHourlyReadingsAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 11))).ShouldBeTrue();
        (await _office.Queries.HasHourlyReadingsAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 10))).ShouldBeFalse();
    }
}
