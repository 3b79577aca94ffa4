using Mbk.Domain.Meeting;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// The migration DecisionLifecycleAndPeople on data typed before people were chosen from the staff: names that match
/// exactly one staff account of the office are linked, the rest stay text; the search index is filled from what exists.
/// </summary>
public sealed class DecisionLifecycleMigrationTests : IAsyncLifetime
{
    private const string PreviousMigration = "20261123143005_AlmanacAndReports";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldLinkTypedNamesToTheOneMatchingStaffAccountAndKeepTheRestAsText()
    {
        var office = await _database.AddOfficeAsync("Medborgarkontoret Migrering", "migrering-" + Guid.NewGuid().ToString("N")[..8]);
        var other = await _database.AddOfficeAsync("Medborgarkontoret Annat", "annat-" + Guid.NewGuid().ToString("N")[..8]);
        var chair = TestDatabase.Staff(office, StaffRoles.Manager) with { DisplayName = "Maria Chef" };
        var sara = TestDatabase.Staff(office, StaffRoles.Advisor) with { DisplayName = "Sara Berg" };
        var ali1 = TestDatabase.Staff(office, StaffRoles.Advisor) with { DisplayName = "Ali Hassan" };
        var ali2 = TestDatabase.Staff(office, StaffRoles.Advisor) with { DisplayName = "Ali Hassan" };
        var elsewhere = TestDatabase.Staff(other, StaffRoles.Advisor) with { DisplayName = "Lina Annan" };
        await _database.AddStaffAsync(office, chair, sara, ali1, ali2);
        await _database.AddStaffAsync(other, elsewhere);

        var commands = new MeetingCommands(_database, _clock);
        var meeting = await commands.GetOrCreateTodaysMeetingAsync(chair);
        await commands.StartAsync(chair, meeting);
        async Task<int> Decide(string text, string? responsible) =>
            await commands.RecordDecisionAsync(chair, meeting, 0, new DecisionInput(text, DecisionCategory.Rutin, responsible, null));
        var typedSara = await Decide("Sara sköter anslagstavlan.", "sara berg");
        var ambiguous = await Decide("Ali sköter kaffet.", "Ali Hassan");
        var everyone = await Decide("Alla läser rutinen.", "Alla");
        var outsider = await Decide("Lina hjälper till.", "Lina Annan");
        var action = await commands.AddActionItemAsync(chair, meeting, 0, "Sätt upp lappen", " Sara Berg ", null, new DateOnly(2026, 11, 25));

        await using (var db = _database.CreateDbContext())
        {
            // Back to before the migration (its columns, index and triggers dropped), then forward again over the typed names.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(PreviousMigration);
            await migrator.MigrateAsync();
        }

        await using (var db = _database.CreateDbContext())
        {
            var decisions = await db.Decisions.AsNoTracking().ToDictionaryAsync(d => d.Id);
            (decisions[typedSara].ResponsibleUserId, decisions[typedSara].ResponsibleName).ShouldBe((sara.UserId, "Sara Berg"));
            (decisions[ambiguous].ResponsibleUserId, decisions[ambiguous].ResponsibleName).ShouldBe((null, "Ali Hassan"));
            (decisions[everyone].ResponsibleUserId, decisions[everyone].ResponsibleName).ShouldBe((null, "Alla"));
            (decisions[outsider].ResponsibleUserId, decisions[outsider].ResponsibleName).ShouldBe((null, "Lina Annan"));
            decisions.Values.ShouldAllBe(d => d.Version == 1);
            var stored = await db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == action);
            (stored.WhoUserId, stored.WhoName).ShouldBe((sara.UserId, "Sara Berg"));
        }

        var queries = new MeetingQueries(_database, _clock);
        (await queries.DecisionsAsync(sara, new DecisionFilter(Search: "sara"))).ShouldHaveSingleItem().Id.ShouldBe(typedSara);
        (await queries.DecisionsAsync(sara, new DecisionFilter(Search: "rutin"))).Count.ShouldBe(4);
        (await queries.MyOpenActionItemsAsync(sara)).ShouldHaveSingleItem().Id.ShouldBe(action);
    }
}
