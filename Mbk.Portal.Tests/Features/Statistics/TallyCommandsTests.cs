using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Categories;
using Mbk.Portal.Features.Statistics.Tally;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>
/// An office (Europe/Stockholm) on a real SQLite file with three question categories and a referral target, and the
/// tally and category services on one fake clock (Tuesday 4 March 2025, 10:00 local).
/// </summary>
internal sealed class TallyScenario
{
    private TallyScenario(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Commands = new TallyCommands(database, clock);
        Queries = new TallyQueries(database, clock);
        CategoryCommands = new CategoryCommands(database, clock);
        CategoryQueries = new CategoryQueries(database);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public TallyCommands Commands { get; }

    public TallyQueries Queries { get; }

    public CategoryCommands CategoryCommands { get; }

    public CategoryQueries CategoryQueries { get; }

    public Office Office { get; private set; } = default!;

    public QuestionCategory Migration { get; private set; } = default!;

    public QuestionCategory Housing { get; private set; } = default!;

    public QuestionCategory Fax { get; private set; } = default!;

    public ReferralTarget Referral { get; private set; } = default!;

    public StaffContext Advisor { get; private set; } = default!;

    public StaffContext Colleague { get; private set; } = default!;

    public StaffContext Manager { get; private set; } = default!;

    public static async Task<TallyScenario> CreateAsync()
    {
        var scenario = new TallyScenario(await TestDatabase.CreateAsync(), new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero)));
        scenario.Office = await scenario.Database.AddOfficeAsync();
        await using var db = scenario.Database.CreateDbContext();
        scenario.Migration = QuestionCategory.Create(scenario.Office.Id, "Migrationsfrågor", 1);
        scenario.Housing = QuestionCategory.Create(scenario.Office.Id, "Bostadsfrågor", 2);
        scenario.Fax = QuestionCategory.Create(scenario.Office.Id, "Fax/kopiering", 3);
        db.QuestionCategories.AddRange(scenario.Migration, scenario.Housing, scenario.Fax);
        scenario.Referral = ReferralTarget.Create(scenario.Office.Id, "Försäkringskassan", 1);
        db.ReferralTargets.Add(scenario.Referral);
        await db.SaveChangesAsync();
        scenario.Advisor = TestDatabase.Staff(scenario.Office, StaffRoles.Advisor);
        scenario.Colleague = TestDatabase.Staff(scenario.Office, StaffRoles.Advisor);
        scenario.Manager = TestDatabase.Staff(scenario.Office, StaffRoles.Manager);
        return scenario;
    }

    /// <summary>Registers what the tally and category pages need in a bUnit context.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ILiveEventBus>(Database.Bus);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Commands);
        services.AddSingleton(Queries);
        services.AddSingleton(CategoryCommands);
        services.AddSingleton(CategoryQueries);
    }

    public async Task<List<QuestionTally>> TalliesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.QuestionTallies.AsNoTracking().Where(t => t.OfficeId == Office.Id).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<List<Referral>> ReferralsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Referrals.AsNoTracking().Where(r => r.OfficeId == Office.Id).OrderBy(r => r.Id).ToListAsync();
    }

    public Task<int> TapAsync(QuestionCategory category, StaffContext? staff = null) =>
        Commands.TapAsync(staff ?? Advisor, category.Id, TallyChannel.Disk, null, null, null);
}

[Trait("Providers", "Both")]
public sealed class TallyCommandsTests : IAsyncLifetime
{
    private TallyScenario _tally = default!;

    public async Task InitializeAsync() => _tally = await TallyScenario.CreateAsync();

    public Task DisposeAsync() => _tally.Database.DisposeAsync().AsTask();

    [Fact]
    public async Task ShouldRecordTapWithChoicesAndReferralAtSameInstant()
    {
        var id = await _tally.Commands.TapAsync(_tally.Advisor, _tally.Migration.Id, TallyChannel.Telefon, " arabiska ", VisitorGender.Kvinna, _tally.Referral.Id);

        var tally = (await _tally.TalliesAsync()).ShouldHaveSingleItem();
        tally.Id.ShouldBe(id);
        tally.QuestionCategoryId.ShouldBe(_tally.Migration.Id);
        tally.Channel.ShouldBe(TallyChannel.Telefon);
        tally.Language.ShouldBe("arabiska");
        tally.Gender.ShouldBe(VisitorGender.Kvinna);
        tally.Source.ShouldBe(TallySource.Tap);
        tally.StaffUserId.ShouldBe(_tally.Advisor.UserId);
        tally.RecordedAt.ShouldBe(_tally.Clock.GetUtcNow());
        var referral = (await _tally.ReferralsAsync()).ShouldHaveSingleItem();
        referral.ReferralTargetId.ShouldBe(_tally.Referral.Id);
        referral.RecordedAt.ShouldBe(tally.RecordedAt);
    }

    [Fact]
    public async Task ShouldRefuseTapInCategoryOfAnotherOffice()
    {
        var other = await _tally.Database.AddOfficeAsync("Medborgarkontoret Annat", "annat");
        await using (var db = _tally.Database.CreateDbContext())
        {
            db.QuestionCategories.Add(QuestionCategory.Create(other.Id, "Främmande", 1));
            await db.SaveChangesAsync();
        }

        int foreignId;
        await using (var db = _tally.Database.CreateDbContext())
        {
            foreignId = await db.QuestionCategories.Where(c => c.OfficeId == other.Id).Select(c => c.Id).SingleAsync();
        }

        var ex = await Should.ThrowAsync<DomainException>(() => _tally.Commands.TapAsync(_tally.Advisor, foreignId, TallyChannel.Disk, null, null, null));

        ex.Message.ShouldBe("Ärendeslaget finns inte på ditt kontor.");
        (await _tally.TalliesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldUndoOwnLastTapAndItsReferralWithinWindow()
    {
        var first = await _tally.TapAsync(_tally.Housing);
        _tally.Clock.Advance(TimeSpan.FromSeconds(30));
        await _tally.Commands.TapAsync(_tally.Advisor, _tally.Migration.Id, TallyChannel.Disk, null, null, _tally.Referral.Id);
        _tally.Clock.Advance(QuestionTally.DefaultUndoWindow);
        var undone = new List<QuestionTallyUndone>();
        using var subscription = _tally.Database.Bus.Subscribe(_tally.Office.Id, e =>
        {
            if (e is QuestionTallyUndone u)
            {
                undone.Add(u);
            }

            return Task.CompletedTask;
        });

        var name = await _tally.Commands.UndoLastAsync(_tally.Advisor);

        name.ShouldBe("Migrationsfrågor");
        (await _tally.TalliesAsync()).Select(t => t.Id).ShouldBe([first]);
        (await _tally.ReferralsAsync()).ShouldBeEmpty();
        await _tally.Database.Bus.WhenDeliveredAsync();
        undone.ShouldHaveSingleItem().QuestionCategoryId.ShouldBe(_tally.Migration.Id);
    }

    [Fact]
    public async Task ShouldNotUndoAnotherUsersTap()
    {
        await _tally.TapAsync(_tally.Migration, _tally.Colleague);

        var ex = await Should.ThrowAsync<DomainException>(() => _tally.Commands.UndoLastAsync(_tally.Advisor));

        ex.Message.ShouldStartWith("Det finns ingen räkning att ångra.");
        (await _tally.TalliesAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ShouldNotUndoTapOlderThanWindow()
    {
        await _tally.TapAsync(_tally.Migration);
        _tally.Clock.Advance(QuestionTally.DefaultUndoWindow + TimeSpan.FromSeconds(1));

        var ex = await Should.ThrowAsync<DomainException>(() => _tally.Commands.UndoLastAsync(_tally.Advisor));

        ex.Message.ShouldContain("inom 5 minuter");
        (await _tally.TalliesAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ShouldNotUndoBatchTotals()
    {
        await _tally.Commands.BatchAsync(_tally.Advisor, new DateOnly(2025, 3, 4), [(_tally.Migration.Id, 5)]);

        await Should.ThrowAsync<DomainException>(() => _tally.Commands.UndoLastAsync(_tally.Advisor));

        (await _tally.TalliesAsync()).ShouldHaveSingleItem().Count.ShouldBe(5);
    }

    [Fact]
    public async Task ShouldSaveBatchRowsAsDayTotals()
    {
        var day = new DateOnly(2025, 3, 3);

        var saved = await _tally.Commands.BatchAsync(_tally.Advisor, day, [(_tally.Migration.Id, 12), (_tally.Housing.Id, 7)]);

        saved.ShouldBe(19);
        var tallies = await _tally.TalliesAsync();
        tallies.Select(t => (t.QuestionCategoryId, t.Count)).ShouldBe([(_tally.Migration.Id, 12), (_tally.Housing.Id, 7)]);
        tallies.ShouldAllBe(t => t.Source == TallySource.Batch && t.Granularity == TallyGranularity.Day);
        tallies[0].RecordedAt.ShouldBe(new DateTimeOffset(2025, 3, 2, 23, 0, 0, TimeSpan.Zero), "midnight in Stockholm");
    }

    [Fact]
    public async Task ShouldSaveNothingAndListEveryBadRowWhenBatchHasErrors()
    {
        var ex = await Should.ThrowAsync<DomainException>(() => _tally.Commands.BatchAsync(
            _tally.Advisor, new DateOnly(2025, 3, 3), [(_tally.Migration.Id, 12), (_tally.Housing.Id, -3), (999_999, 1), (_tally.Fax.Id, 200_000)]));

        ex.Message.ShouldStartWith("Inget sparades:");
        ex.Message.ShouldContain("Rad 2 (Bostadsfrågor): Antalet måste vara 1–100000 (var -3).");
        ex.Message.ShouldContain("Rad 3: ärendeslaget finns inte på ditt kontor.");
        ex.Message.ShouldContain("Rad 4 (Fax/kopiering): Antalet måste vara 1–100000");
        ex.Message.ShouldNotContain("Rad 1");
        (await _tally.TalliesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseBatchForFutureDay()
    {
        var ex = await Should.ThrowAsync<DomainException>(() => _tally.Commands.BatchAsync(_tally.Advisor, new DateOnly(2025, 3, 5), [(_tally.Migration.Id, 1)]));

        ex.Message.ShouldContain("Dagen 2025-03-05 har inte varit än.");
        (await _tally.TalliesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldOrderCategoriesByUseAndCountToday()
    {
        await _tally.Commands.BatchAsync(_tally.Advisor, new DateOnly(2025, 2, 1), [(_tally.Fax.Id, 50), (_tally.Housing.Id, 10)]);
        await _tally.TapAsync(_tally.Housing);
        await _tally.TapAsync(_tally.Migration);
        await _tally.TapAsync(_tally.Migration);

        var view = await _tally.Queries.GetTallyAsync(_tally.Office.Id, _tally.Advisor.UserId);

        view.Categories.Select(c => (c.Name, c.TodayCount, c.RecentCount)).ShouldBe(
            [("Fax/kopiering", 0, 50), ("Bostadsfrågor", 1, 11), ("Migrationsfrågor", 2, 2)]);
        view.LastTap.ShouldNotBeNull().CategoryName.ShouldBe("Migrationsfrågor");
        view.Referrals.Select(r => r.Name).ShouldBe(["Försäkringskassan"]);
        (await _tally.Queries.GetTallyAsync(_tally.Office.Id, _tally.Colleague.UserId)).LastTap.ShouldBeNull();
    }
}
