using System.Net;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Admin;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Admin;

/// <summary>Staff administration through the service layer, checked by signing in over HTTP.</summary>
public sealed class StaffAdminServiceTests : IAsyncLifetime
{
    private readonly PortalAppFactory _portal = new();
    private StaffAdminService _service = default!;
    private StaffContext _admin = default!;
    private int _officeId;
    private IServiceScope _scope = default!;

    public async Task InitializeAsync()
    {
        _scope = _portal.Services.CreateScope();
        _service = _scope.ServiceProvider.GetRequiredService<StaffAdminService>();
        _admin = await _portal.StaffAsync(DemoAccounts.Admin);
        _officeId = await _portal.DemoOfficeIdAsync();
    }

    public async Task DisposeAsync()
    {
        _scope.Dispose();
        await _portal.DisposeAsync();
    }

    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await HttpLogin.PostLoginAsync(client, email, password);
        return response.StatusCode;
    }

    [Fact]
    public async Task ShouldLetNewStaffSignInWithRolesAndOffice()
    {
        var id = await _service.CreateAsync(_admin, StaffInput.InOffices("ny@rinkeby.se", "Ny Vägledare", StaffRoles.Advisor, _officeId), "Hemligt-123");

        (await SignInAsync("ny@rinkeby.se", "Hemligt-123")).ShouldBe(HttpStatusCode.Redirect);
        var row = (await _service.ListAsync()).Single(r => r.Id == id);
        row.IsAdmin.ShouldBeFalse();
        row.Offices.ShouldBe([new OfficeRole(_officeId, StaffRoles.Advisor)]);
    }

    [Fact]
    public async Task ShouldRefuseWeakPasswordInSwedish()
    {
        var error = await Should.ThrowAsync<DomainException>(() =>
            _service.CreateAsync(_admin, StaffInput.InOffices("svag@rinkeby.se", "Svag", StaffRoles.Advisor, _officeId), "kort"));

        error.Message.ShouldContain("Lösenordet måste vara minst 8 tecken.");
        (await _service.ListAsync()).ShouldNotContain(r => r.Email == "svag@rinkeby.se");
    }

    [Fact]
    public async Task ShouldRefuseSignInWhenAccountIsDeactivated()
    {
        var id = await _service.CreateAsync(_admin, StaffInput.InOffices("slutat@rinkeby.se", "Har Slutat", StaffRoles.Advisor, _officeId), "Hemligt-123");

        await _service.SetActiveAsync(_admin, id, active: false);

        (await SignInAsync("slutat@rinkeby.se", "Hemligt-123")).ShouldBe(HttpStatusCode.OK, "the login page is shown again with an error");
        (await _service.ListAsync()).Single(r => r.Id == id).IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldLetStaffSignInWithNewPasswordWhenAdminResetsIt()
    {
        var id = await _service.CreateAsync(_admin, StaffInput.InOffices("glomsk@rinkeby.se", "Glömsk", StaffRoles.Advisor, _officeId), "Hemligt-123");

        await _service.ResetPasswordAsync(_admin, id, "Nytt-losen-456");

        (await SignInAsync("glomsk@rinkeby.se", "Hemligt-123")).ShouldBe(HttpStatusCode.OK);
        (await SignInAsync("glomsk@rinkeby.se", "Nytt-losen-456")).ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ShouldRefuseWhenAdminRemovesOwnAdminRole()
    {
        await Should.ThrowAsync<DomainException>(() =>
            _service.UpdateAsync(_admin, _admin.UserId, StaffInput.InOffices(DemoAccounts.Admin, "Admin", StaffRoles.Advisor, _officeId)));
    }

    [Fact]
    public async Task ShouldRefuseWhenActorIsNotAdmin()
    {
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);

        var error = await Should.ThrowAsync<DomainException>(() =>
            _service.CreateAsync(manager, new StaffInput("x@rinkeby.se", "X", IsAdmin: true, [new OfficeRole(_officeId, StaffRoles.Advisor)]), "Hemligt-123"));

        error.Message.ShouldBe("Bara en administratör kan hantera konton.");
    }
}
