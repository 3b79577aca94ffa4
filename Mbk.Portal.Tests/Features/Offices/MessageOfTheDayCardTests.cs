using Bunit;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Offices;

public sealed class MessageOfTheDayCardTests : MudBunitContext
{
    private TestDatabase _database = default!;
    private Office _office = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync();
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton(new OfficeQueries(_database));
        Services.AddSingleton(new OfficeCommands(_database, TimeProvider.System));
        RenderMudProviders();
    }

    private IRenderedComponent<MessageOfTheDayCard> RenderCard(StaffContext staff) =>
        Render<MessageOfTheDayCard>(p => p.Add(c => c.OfficeId, _office.Id).Add(c => c.Staff, staff));

    [Fact]
    public void ShouldSayThereIsNoMessageWhenNoneIsSet()
    {
        var cut = RenderCard(TestDatabase.Staff(_office, StaffRoles.Advisor));

        cut.WaitForAssertion(() => cut.Find("[data-testid=motd-text]").TextContent.ShouldBe("Inget meddelande i dag."));
    }

    [Fact]
    public void ShouldHideEditButtonWhenStaffIsAdvisor()
    {
        var cut = RenderCard(TestDatabase.Staff(_office, StaffRoles.Advisor));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=motd-edit]").ShouldBeEmpty());
    }

    [Fact]
    public async Task ShouldRerenderWhenAnotherScreenSavesAMessage()
    {
        var cut = RenderCard(TestDatabase.Staff(_office, StaffRoles.Advisor));
        cut.WaitForAssertion(() => cut.Find("[data-testid=motd-text]"));

        await new OfficeCommands(_database, TimeProvider.System)
            .SetMessageOfTheDayAsync(TestDatabase.Staff(_office, StaffRoles.Manager), _office.Id, "Advokatjour i kväll", null);

        cut.WaitForAssertion(() => cut.Find("[data-testid=motd-text]").TextContent.ShouldBe("Advokatjour i kväll"));
        cut.Find("[data-testid=motd-changed]").TextContent.ShouldContain("Test Chef");
    }

    [Fact]
    public void ShouldSaveMessageWhenManagerEditsIt()
    {
        var cut = RenderCard(TestDatabase.Staff(_office, StaffRoles.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=motd-edit]"));

        cut.Find("[data-testid=motd-edit]").Click();
        cut.Find("textarea").Input("Planeringsdag på fredag");
        cut.Find("[data-testid=motd-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=motd-text]").TextContent.ShouldBe("Planeringsdag på fredag"));
    }

    [Fact]
    public async Task ShouldUnsubscribeWhenCardIsDisposed()
    {
        var cut = RenderCard(TestDatabase.Staff(_office, StaffRoles.Advisor));
        cut.WaitForAssertion(() => _database.Bus.SubscriberCount(_office.Id).ShouldBe(1));

        await DisposeComponentsAsync();

        _database.Bus.SubscriberCount(_office.Id).ShouldBe(0);
    }
}
