using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Offices;

[Trait("Providers", "Both")]
public sealed class OfficeCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private OfficeCommands _commands = default!;
    private OfficeQueries _queries = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _commands = new OfficeCommands(_database, TimeProvider.System);
        _queries = new OfficeQueries(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldRefuseMessageWhenActorIsAdvisor()
    {
        var office = await _database.AddOfficeAsync();
        var advisor = TestDatabase.Staff(office, StaffRoles.Advisor);

        var error = await Should.ThrowAsync<DomainException>(() => _commands.SetMessageOfTheDayAsync(advisor, office.Id, "Hej", null));

        error.Message.ShouldBe("Bara enhetschefen för kontoret kan ändra dagens meddelande.");
        (await _queries.GetMessageOfTheDayAsync(office.Id)).Text.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldRefuseMessageWhenManagerBelongsToAnotherOffice()
    {
        var office = await _database.AddOfficeAsync();
        var other = await _database.AddOfficeAsync("Annat kontor", "annat");
        var managerElsewhere = TestDatabase.Staff(other, StaffRoles.Manager);

        await Should.ThrowAsync<DomainException>(() => _commands.SetMessageOfTheDayAsync(managerElsewhere, office.Id, "Hej", null));
    }

    [Fact]
    public async Task ShouldRefuseSecondSaveWhenBasedOnAnOlderMessage()
    {
        var office = await _database.AddOfficeAsync();
        var first = TestDatabase.Staff(office, StaffRoles.Manager);
        var second = first with { DisplayName = "Biträdande chef" };
        await _commands.SetMessageOfTheDayAsync(first, office.Id, "Första texten", basedOn: null);

        var error = await Should.ThrowAsync<DomainException>(() => _commands.SetMessageOfTheDayAsync(second, office.Id, "Andra texten", basedOn: null));

        error.Message.ShouldStartWith("Meddelandet ändrades av Test Chef");
        (await _queries.GetMessageOfTheDayAsync(office.Id)).Text.ShouldBe("Första texten");
    }

    [Fact]
    public async Task ShouldCreateOfficeWithStandardCategoriesAndServices()
    {
        var office = await _database.AddOfficeAsync();
        var admin = TestDatabase.Staff(office, StaffRoles.Admin);

        var id = await _commands.CreateOfficeAsync(admin, "Medborgarkontoret Rågsved", "ragsved");

        await using var db = _database.CreateDbContext();
        (await db.QuestionCategories.CountAsync(c => c.OfficeId == id)).ShouldBe(23);
        (await db.ServiceLines.Where(s => s.OfficeId == id).OrderBy(s => s.SortOrder).Select(s => s.Prefix).ToListAsync()).ShouldBe(['A', 'B', 'C']);
    }

    [Fact]
    public async Task ShouldRefuseOfficeWhenSlugIsTaken()
    {
        var office = await _database.AddOfficeAsync("Testby", "testby");
        var admin = TestDatabase.Staff(office, StaffRoles.Admin);

        var error = await Should.ThrowAsync<DomainException>(() => _commands.CreateOfficeAsync(admin, "Testby 2", "TESTBY"));

        error.Message.ShouldBe("Kortnamnet \"testby\" används redan av ett annat kontor.");
    }
}
