using System.Net;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Admin;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Identity;

/// <summary>
/// Roles per office membership: Karin is Manager (enhetschef) at Rinkeby and Advisor (samhällsvägledare) at Skärholmen.
/// The services and the pages' authorization follow the role in the office she works in now.
/// </summary>
public sealed class OfficeRoleTests : IAsyncLifetime
{
    private const string Email = "karin@rinkeby.se";
    private const string Password = "Tva-kontor-1";
    private readonly PortalAppFactory _portal = new();
    private int _managedOfficeId;
    private int _advisedOfficeId;
    private string _userId = default!;

    public async Task InitializeAsync()
    {
        var admin = await _portal.StaffAsync(DemoAccounts.Admin);
        _managedOfficeId = await _portal.DemoOfficeIdAsync();
        using var scope = _portal.Services.CreateScope();
        _advisedOfficeId = await scope.ServiceProvider.GetRequiredService<OfficeCommands>().CreateOfficeAsync(admin, "Medborgarkontoret Skärholmen", "skarholmen");
        _userId = await scope.ServiceProvider.GetRequiredService<StaffAdminService>().CreateAsync(
            admin,
            new StaffInput(Email, "Karin Två Kontor", IsAdmin: false, [new OfficeRole(_managedOfficeId, StaffRoles.Manager), new OfficeRole(_advisedOfficeId, StaffRoles.Advisor)]),
            Password);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task WorkInAsync(int officeId)
    {
        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == _userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentOfficeId, officeId));
    }

    [Fact]
    public async Task ShouldChangeSettingsOfManagedOfficeAndBeRefusedInOfficeWhereAdvisor()
    {
        using var scope = _portal.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<QueueSettingsCommands>();

        await WorkInAsync(_managedOfficeId);
        var inManaged = await _portal.StaffAsync(Email);
        inManaged.IsManager.ShouldBeTrue();
        var placeId = await settings.AddPlaceAsync(inManaged, "Bord 9");
        placeId.ShouldBeGreaterThan(0);

        await WorkInAsync(_advisedOfficeId);
        var inAdvised = await _portal.StaffAsync(Email);
        inAdvised.IsManager.ShouldBeFalse();
        inAdvised.Roles.ShouldBe([StaffRoles.Advisor], ignoreOrder: true);
        var refusal = await Should.ThrowAsync<DomainException>(() => settings.AddPlaceAsync(inAdvised, "Bord 9"));
        refusal.Message.ShouldBe("Bara enhetschefen kan ändra kontorets tjänster och platser.");

        // Wherever she works now, the office is what counts when it is named.
        inAdvised.IsManagerOf(_managedOfficeId).ShouldBeTrue();
        inAdvised.IsManagerOf(_advisedOfficeId).ShouldBeFalse();
        Should.NotThrow(() => StaffAccess.RequireManagerOf(inAdvised, _managedOfficeId));
        Should.Throw<DomainException>(() => StaffAccess.RequireManagerOf(inAdvised, _advisedOfficeId, "Bara enhetschefer kan hantera rapporter."))
            .Message.ShouldBe("Bara enhetschefer kan hantera rapporter.");
        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        (await db.Places.CountAsync(p => p.OfficeId == _advisedOfficeId && p.Name == "Bord 9")).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldOpenManagerPageOnlyWhileWorkingInManagedOffice()
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await HttpLogin.PostLoginAsync(client, Email, Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await WorkInAsync(_managedOfficeId);
        using (var managed = await client.GetAsync(new Uri("/queue/settings", UriKind.Relative)))
        {
            managed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The same sign-in (cookie) after switching office: the Manager claim belongs to the other office.
        await WorkInAsync(_advisedOfficeId);
        using var advised = await client.GetAsync(new Uri("/queue/settings", UriKind.Relative));
        advised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        advised.Headers.Location!.ToString().ShouldStartWith("http://localhost/access-denied");
    }

    [Fact]
    public async Task ShouldKeepEachOfficesRoleWhenAdminChangesOneOfThem()
    {
        var admin = await _portal.StaffAsync(DemoAccounts.Admin);
        using var scope = _portal.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<StaffAdminService>();

        await service.UpdateAsync(admin, _userId, new StaffInput(Email, "Karin Två Kontor", IsAdmin: false,
            [new OfficeRole(_managedOfficeId, StaffRoles.Advisor), new OfficeRole(_advisedOfficeId, StaffRoles.Manager)]));

        var row = (await service.ListAsync()).Single(r => r.Id == _userId);
        row.IsAdmin.ShouldBeFalse();
        row.Offices.ShouldBe([new OfficeRole(_managedOfficeId, StaffRoles.Advisor), new OfficeRole(_advisedOfficeId, StaffRoles.Manager)], ignoreOrder: true);
        await Should.ThrowAsync<DomainException>(() => service.UpdateAsync(admin, _userId,
            new StaffInput(Email, "Karin", IsAdmin: false, [new OfficeRole(_managedOfficeId, StaffRoles.Admin)])));
    }
}
