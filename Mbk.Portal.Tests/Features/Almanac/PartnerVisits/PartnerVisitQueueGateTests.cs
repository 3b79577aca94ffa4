using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.PartnerVisits;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Queue.Display;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.PartnerVisits;

/// <summary>
/// Skatteverket visits every Wednesday 13–16 and opens its own queue service, called from "Bord 4": the kiosk offers
/// it only during the visit, tickets are refused outside it, and only the visit's place calls them. Real SQLite.
/// </summary>
[Trait("Providers", "Both")]
public sealed class PartnerVisitQueueGateTests : MudBunitContext
{
    // Wednesday 2026-11-25; Stockholm is UTC+1 in November.
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private readonly FakeTimeProvider _clock = new(At(Wednesday, 10, 0));
    private TestDatabase _database = default!;
    private QueueTestOffice _queue = default!;
    private ServiceLine _skatteverket = default!;
    private AlmanacEventCommands _almanac = default!;
    private StaffContext _advisor = default!;

    private static DateTimeOffset At(DateOnly date, int hour, int minute) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(1));

    private Place VisitPlace => _queue.Tables[3];

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _queue = await QueueTestOffice.CreateAsync(_database, _clock);
        await using (var db = _database.CreateDbContext())
        {
            _skatteverket = ServiceLine.Create(_queue.Office.Id, "Skatteverket", 'S', 3);
            db.ServiceLines.Add(_skatteverket);
            await db.SaveChangesAsync();
        }

        _almanac = new AlmanacEventCommands(_database, _clock);
        _advisor = await _queue.StaffAsync("Vera Vägledare");
        await _almanac.AddAsync(_advisor, Visit("Skatteverket", Wednesday, _skatteverket.Id, VisitPlace.Id));
    }

    private static CalendarEventDetails Visit(string title, DateOnly start, int? serviceLineId, int? placeId) => new(
        CalendarEventKind.PartnerVisit, title, start, new TimeOnly(13, 0), new TimeOnly(16, 0),
        Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday]), ServiceLineId: serviceLineId, PlaceId: placeId);

    private async Task<IReadOnlyList<char>> KioskPrefixesAsync() =>
        (await _queue.Queries.GetKioskAsync(_queue.Office.Slug))!.Services.Select(s => s.Prefix).ToList();

    [Fact]
    public async Task ShouldOfferTheVisitServiceOnTheKioskOnlyDuringTheVisit()
    {
        (await KioskPrefixesAsync()).ShouldBe(['A', 'B']);

        _clock.SetUtcNow(At(Wednesday, 13, 0));
        (await KioskPrefixesAsync()).ShouldBe(['A', 'B', 'S']);

        _clock.SetUtcNow(At(Wednesday, 15, 59));
        (await KioskPrefixesAsync()).ShouldContain('S');

        _clock.SetUtcNow(At(Wednesday, 16, 0));
        (await KioskPrefixesAsync()).ShouldBe(['A', 'B']);

        _clock.SetUtcNow(At(Wednesday.AddDays(1), 14, 0));
        (await KioskPrefixesAsync()).ShouldBe(['A', 'B']);

        _clock.SetUtcNow(At(Wednesday.AddDays(7), 14, 0));
        (await KioskPrefixesAsync()).ShouldBe(['A', 'B', 'S']);
    }

    [Fact]
    public async Task ShouldRefuseATicketForTheVisitServiceWhenNoVisitGoesOn()
    {
        var refused = await _queue.Commands.TakeTicketAsync(_queue.Office.Slug, _skatteverket.Id, "kiosk-1");

        refused.Refusal.ShouldBe(KioskRefusal.ServiceNotNow);
        (await _queue.TicketsAsync()).ShouldBeEmpty();
        _clock.SetUtcNow(At(Wednesday, 13, 30));
        (await _queue.TakeAsync(_skatteverket)).ShouldBe("S001");
    }

    [Fact]
    public async Task ShouldLetOnlyTheVisitsPlaceCallItsTicketsDuringTheVisit()
    {
        _clock.SetUtcNow(At(Wednesday, 13, 30));
        await _queue.TakeAsync(_skatteverket);
        var other = await _queue.StaffAsync("Olle Annan");
        await _queue.Commands.SitDownAsync(other, _queue.Tables[0].Id, [_skatteverket.Id]);

        (await _queue.Commands.CallNextAsync(other)).ShouldBeNull();
        var ticketId = (await _queue.TicketsAsync()).Single().Id;
        var refusal = await Should.ThrowAsync<DomainException>(() => _queue.Commands.CallTicketAsync(other, ticketId, "Bråttom"));
        refusal.Message.ShouldBe("Skatteverket kallas bara från partnerbesökets plats medan besöket \"Skatteverket\" pågår.");

        var officer = await _queue.StaffAsync("Sara Skatteverket");
        await _queue.Commands.SitDownAsync(officer, VisitPlace.Id, [_queue.ServiceA.Id]);
        var seat = (await _queue.Queries.GetCounterAsync(_queue.Office.Id, officer.UserId)).MyPlace!;
        seat.ServiceLineIds.ShouldContain(_skatteverket.Id);
        (await _queue.Commands.CallNextAsync(officer)).ShouldBe("S001");
    }

    [Fact]
    public async Task ShouldLetAnyChoosingPlaceCallWhenTheVisitHasNoPlace()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.CalendarEvents.RemoveRange(db.CalendarEvents);
            await db.SaveChangesAsync();
        }

        await _almanac.AddAsync(_advisor, Visit("Försäkringskassan", Wednesday, _skatteverket.Id, null));
        _clock.SetUtcNow(At(Wednesday, 14, 0));
        await _queue.TakeAsync(_skatteverket);
        var other = await _queue.StaffAsync("Olle Annan");
        await _queue.Commands.SitDownAsync(other, _queue.Tables[0].Id, [_skatteverket.Id]);

        (await _queue.Commands.CallNextAsync(other)).ShouldBe("S001");
    }

    [Fact]
    public async Task ShouldListTodaysPartnerVisitsOnTheDisplayAndFollowAlmanacChanges()
    {
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_queue.Queries);
        Services.AddSingleton(new PartnerVisitQueueGate(_database, _clock));
        Services.AddQueueReadModels(_database, _clock);
        var module = JSInterop.SetupModule("./js/display.js");
        module.Setup<bool>("start", _ => true).SetResult(true);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/display/{_queue.Office.Slug}");

        var cut = Render<DisplayPage>(p => p.Add(c => c.Office, _queue.Office.Slug));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=display-partner-visit]").Select(e => e.TextContent.Trim())
            .ShouldBe(["Idag 13–16: Skatteverket / Today 13–16"]));
        cut.FindAll("[data-testid=display-service-S]").ShouldBeEmpty();

        await _almanac.AddAsync(_advisor, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Försäkringskassan", Wednesday, new TimeOnly(10, 30), new TimeOnly(12, 0)));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=display-partner-visit]").Select(e => e.TextContent.Trim())
            .ShouldBe(["Idag 10:30–12: Försäkringskassan / Today 10:30–12", "Idag 13–16: Skatteverket / Today 13–16"]));
    }

    [Fact]
    public async Task ShouldHideThePartnerVisitStripWhenThereIsNoVisitToday()
    {
        _clock.SetUtcNow(At(Wednesday.AddDays(1), 10, 0));
        var gate = new PartnerVisitQueueGate(_database, _clock);

        (await gate.GetTodaysVisitsAsync(_queue.Office.Id)).ShouldBeEmpty();
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_queue.Queries);
        Services.AddSingleton(gate);
        Services.AddQueueReadModels(_database, _clock);
        JSInterop.SetupModule("./js/display.js").Setup<bool>("start", _ => true).SetResult(true);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/display/{_queue.Office.Slug}");

        var cut = Render<DisplayPage>(p => p.Add(c => c.Office, _queue.Office.Slug));

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-office]"));
        cut.FindAll("[data-testid=display-partner-visits]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldAnswerWhichVisitServicesAreOpenAndWhichPlaceServesThem()
    {
        var gate = new PartnerVisitQueueGate(_database, _clock);
        (await gate.OpenVisitOnlyServicesAsync(_queue.Office.Id)).ShouldBeEmpty();
        (await gate.PlaceServingAsync(_queue.Office.Id, _skatteverket.Id)).ShouldBeNull();

        _clock.SetUtcNow(At(Wednesday, 13, 0));

        (await gate.OpenVisitOnlyServicesAsync(_queue.Office.Id)).ShouldBe([_skatteverket.Id]);
        (await gate.PlaceServingAsync(_queue.Office.Id, _skatteverket.Id)).ShouldBe(VisitPlace.Id);
        (await gate.PlaceServingAsync(_queue.Office.Id, _queue.ServiceA.Id)).ShouldBeNull();
    }
}
