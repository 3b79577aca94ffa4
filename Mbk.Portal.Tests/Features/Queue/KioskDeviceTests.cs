using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>
/// Kiosks registered on /queue/settings: a registered kiosk is limited per device, so a rush of 30 visitors in a
/// minute passes even where kiosks share one address, while an unregistered browser keeps the limit per address;
/// removing a kiosk ends its pairing; only managers register, and only the token's hash is stored.
/// </summary>
[Trait("Providers", "Both")]
public sealed class KioskDeviceTests : IAsyncLifetime
{
    private const string SharedAddress = "10.0.0.1";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;
    private QueueSettingsCommands _settings = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // The portal's default address limit: 10 tickets a minute.
        _office = await QueueTestOffice.CreateAsync(_database, _clock, kioskLimit: 10);
        _settings = new QueueSettingsCommands(_database, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldLetARushOfThirtyVisitorsAMinutePassAtARegisteredKioskWhileAnUnregisteredOneStopsAtTen()
    {
        var manager = await _office.StaffAsync("Maria Chef", StaffRoles.Manager);
        var token = await _settings.RegisterKioskAsync(manager, "Kiosk entré");

        for (var i = 0; i < 30; i++)
        {
            var result = await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, SharedAddress, token);
            result.Refusal.ShouldBe(KioskRefusal.None, $"visitor {i + 1} of the rush");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Another kiosk behind the same address, not registered: its own address budget of 10.
        for (var i = 0; i < 10; i++)
        {
            (await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, SharedAddress, null)).Refusal.ShouldBe(KioskRefusal.None);
        }

        (await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, SharedAddress, null)).Refusal.ShouldBe(KioskRefusal.RateLimited);
        (await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, SharedAddress, "not-a-registered-token-")).Refusal
            .ShouldBe(KioskRefusal.RateLimited, "an unknown token counts as unregistered");
    }

    [Fact]
    public async Task ShouldStoreOnlyTheHashAndFallBackToTheAddressLimitOnceTheKioskIsRemoved()
    {
        var manager = await _office.StaffAsync("Maria Chef", StaffRoles.Manager);
        var token = await _settings.RegisterKioskAsync(manager, "Kiosk entré");
        var kiosk = (await _settings.KiosksAsync(manager)).ShouldHaveSingleItem();
        kiosk.Name.ShouldBe("Kiosk entré");
        kiosk.RegisteredBy.ShouldBe("Maria Chef");
        await using (var db = _database.CreateDbContext())
        {
            var stored = await db.KioskDevices.SingleAsync();
            stored.TokenHash.ShouldBe(MobileTicketCode.HashOf(token));
            stored.TokenHash.ShouldNotContain(token);
        }

        await _settings.RemoveKioskAsync(manager, kiosk.Id);

        (await _settings.KiosksAsync(manager)).ShouldBeEmpty();
        for (var i = 0; i < 10; i++)
        {
            (await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, SharedAddress, token)).Refusal.ShouldBe(KioskRefusal.None);
        }

        (await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, SharedAddress, token)).Refusal.ShouldBe(KioskRefusal.RateLimited);
    }

    [Fact]
    public async Task ShouldLetOnlyAManagerRegisterAndRefuseASecondKioskOfTheSameName()
    {
        var advisor = await _office.StaffAsync("Ahmed");
        var manager = await _office.StaffAsync("Maria Chef", StaffRoles.Manager);

        (await Should.ThrowAsync<DomainException>(() => _settings.RegisterKioskAsync(advisor, "Kiosk entré"))).Message
            .ShouldBe("Bara enhetschefen kan registrera och ta bort kiosker.");
        await _settings.RegisterKioskAsync(manager, "Kiosk entré");
        (await Should.ThrowAsync<DomainException>(() => _settings.RegisterKioskAsync(manager, " Kiosk entré "))).Message
            .ShouldContain("Det finns redan en registrerad kiosk som heter Kiosk entré");
        (await Should.ThrowAsync<DomainException>(() => _settings.RegisterKioskAsync(manager, "  "))).Message.ShouldContain("Kioskens namn");
    }
}
