using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.Events;

/// <summary>The almanac's event commands and queries on a real SQLite file.</summary>
[Trait("Providers", "Both")]
public sealed class AlmanacEventCommandsTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private AlmanacEventCommands _commands = default!;
    private AlmanacEventQueries _queries = default!;
    private StaffContext _advisor = default!;
    private StaffContext _manager = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync("Medborgarkontoret Almanacka", "alm-" + Guid.NewGuid().ToString("N")[..8]);
        _commands = new AlmanacEventCommands(_database, _clock);
        _queries = new AlmanacEventQueries(_database);
        _advisor = TestDatabase.Staff(_office, StaffRoles.Advisor);
        _manager = TestDatabase.Staff(_office, StaffRoles.Manager);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static CalendarEventDetails Skatteverket(int? serviceLineId = null, int? placeId = null) => new(
        CalendarEventKind.PartnerVisit, "Skatteverket", Monday, new TimeOnly(13, 0), new TimeOnly(16, 0), Location: "Bord 4",
        Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday]), ServiceLineId: serviceLineId, PlaceId: placeId);

    [Fact]
    public async Task ShouldStoreASeriesAndExpandItsOccurrences()
    {
        var id = await _commands.AddAsync(_advisor, Skatteverket());

        var occurrences = await _queries.GetOccurrencesAsync(_office.Id, Monday, Monday.AddDays(13));

        occurrences.Select(o => o.Date).ShouldBe([new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 2)]);
        occurrences.ShouldAllBe(o => o.EventId == id && o.RecurrenceDescription == "Varje vecka på onsdag" && o.Location == "Bord 4");
        var view = (await _queries.GetEventAsync(_office.Id, id))!;
        view.Recurrence.ShouldBe(Recurrence.Weekly([DayOfWeek.Wednesday]));
        view.Sequence.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldPublishAlmanacChangedAfterEachChange()
    {
        var received = new List<AlmanacChanged>();
        using var subscription = _database.Bus.Subscribe(_office.Id, e =>
        {
            if (e is AlmanacChanged changed)
            {
                lock (received)
                {
                    received.Add(changed);
                }
            }

            return Task.CompletedTask;
        });

        var id = await _commands.AddAsync(_advisor, Skatteverket());
        await _commands.CancelOccurrenceAsync(_manager, id, new DateOnly(2026, 12, 2), 0);

        await _database.Bus.WhenDeliveredAsync();
        received.ShouldBe([new AlmanacChanged(_office.Id, AlmanacArea.Events), new AlmanacChanged(_office.Id, AlmanacArea.Events)]);
    }

    [Fact]
    public async Task ShouldKeepOneOccurrencesChangeAndCancellation()
    {
        var id = await _commands.AddAsync(_advisor, Skatteverket());

        await _commands.ChangeOccurrenceAsync(_advisor, id, new DateOnly(2026, 11, 25), 0, new OccurrenceDetails("Skatteverket (kort)", new DateOnly(2026, 11, 25), new TimeOnly(13, 0), new TimeOnly(14, 0)));
        await _commands.CancelOccurrenceAsync(_manager, id, new DateOnly(2026, 12, 2), 1);

        var occurrences = await _queries.GetOccurrencesAsync(_office.Id, Monday, Monday.AddDays(20));
        occurrences.Select(o => (o.Date, o.Title, o.IsOverridden)).ShouldBe(
        [
            (new DateOnly(2026, 11, 25), "Skatteverket (kort)", true),
            (new DateOnly(2026, 12, 9), "Skatteverket", false),
        ]);
        occurrences[0].EndTime.ShouldBe(new TimeOnly(14, 0));
    }

    [Fact]
    public async Task ShouldRefuseAStaleEdit()
    {
        var id = await _commands.AddAsync(_advisor, Skatteverket());
        await _commands.ChangeAsync(_manager, id, 0, Skatteverket() with { Title = "Skatteverket – deklarationshjälp" });

        var stale = await Should.ThrowAsync<DomainException>(() => _commands.ChangeAsync(_advisor, id, 0, Skatteverket() with { Title = "Min ändring" }));

        stale.Message.ShouldBe("Händelsen har ändrats av någon annan – ladda om.");
        (await _queries.GetEventAsync(_office.Id, id))!.Title.ShouldBe("Skatteverket – deklarationshjälp");
    }

    [Fact]
    public async Task ShouldSplitTheSeriesIntoTwoStoredSeries()
    {
        var id = await _commands.AddAsync(_advisor, Skatteverket());

        var newId = await _commands.ChangeFromOccurrenceAsync(_advisor, id, new DateOnly(2026, 12, 9), 0,
            Skatteverket() with { StartDate = new DateOnly(2026, 12, 9), StartTime = new TimeOnly(14, 0) });

        newId.ShouldNotBe(id);
        var occurrences = await _queries.GetOccurrencesAsync(_office.Id, Monday, new DateOnly(2026, 12, 20));
        occurrences.Select(o => (o.EventId, o.Date, o.StartTime)).ShouldBe(
        [
            (id, new DateOnly(2026, 11, 25), (TimeOnly?)new TimeOnly(13, 0)),
            (id, new DateOnly(2026, 12, 2), new TimeOnly(13, 0)),
            (newId, new DateOnly(2026, 12, 9), new TimeOnly(14, 0)),
            (newId, new DateOnly(2026, 12, 16), new TimeOnly(14, 0)),
        ]);
        (await _queries.GetEventAsync(_office.Id, id))!.RecurrenceDescription.ShouldBe("Varje vecka på onsdag till 2026-12-08");
    }

    [Fact]
    public async Task ShouldDeleteTheSeriesWhenCancellingFromItsFirstOccurrence()
    {
        var id = await _commands.AddAsync(_advisor, Skatteverket());

        await _commands.CancelFromOccurrenceAsync(_advisor, id, new DateOnly(2026, 11, 25), 0);

        (await _queries.GetEventAsync(_office.Id, id)).ShouldBeNull();
        (await _queries.GetOccurrencesAsync(_office.Id, Monday, Monday.AddDays(30))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldLinkAPartnerVisitToTheOfficesQueueServiceAndPlace()
    {
        int serviceLineId, placeId, otherLineId;
        var other = await _database.AddOfficeAsync("Annat kontor", "annat-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var db = _database.CreateDbContext())
        {
            var line = ServiceLine.Create(_office.Id, "Skatteverket", 'S', 5);
            var place = Place.Create(_office.Id, "Bord 4", 4);
            var otherLine = ServiceLine.Create(other.Id, "Skatteverket", 'S', 5);
            db.AddRange(line, place, otherLine);
            await db.SaveChangesAsync();
            (serviceLineId, placeId, otherLineId) = (line.Id, place.Id, otherLine.Id);
        }

        var id = await _commands.AddAsync(_advisor, Skatteverket(serviceLineId, placeId));

        (await _queries.GetOccurrencesAsync(_office.Id, Monday, Monday.AddDays(6))).Single().ShouldSatisfyAllConditions(
            o => o.ServiceLineId.ShouldBe(serviceLineId), o => o.PlaceId.ShouldBe(placeId), o => o.EventId.ShouldBe(id));
        (await Should.ThrowAsync<DomainException>(() => _commands.AddAsync(_advisor, Skatteverket(otherLineId))))
            .Message.ShouldBe("Kötjänsten finns inte (eller är inte aktiv) på ditt kontor.");
        (await _queries.GetPartnerVisitOptionsAsync(_office.Id)).ServiceLines.Select(s => s.Name).ShouldBe(["S – Skatteverket"]);
    }

    [Fact]
    public async Task ShouldNotLetAnotherOfficeTouchTheEvent()
    {
        var id = await _commands.AddAsync(_advisor, Skatteverket());
        var other = await _database.AddOfficeAsync("Annat kontor", "annat-" + Guid.NewGuid().ToString("N")[..8]);
        var stranger = TestDatabase.Staff(other, StaffRoles.Manager);

        (await Should.ThrowAsync<DomainException>(() => _commands.DeleteAsync(stranger, id, 0))).Message.ShouldContain("finns inte i ditt kontors almanacka");
        (await _queries.GetOccurrencesAsync(other.Id, Monday, Monday.AddDays(6))).ShouldBeEmpty();
        (await _queries.GetEventAsync(other.Id, id)).ShouldBeNull();
    }

    [Fact]
    public async Task ShouldGiveOneEntryPerDayToTheAlmanac()
    {
        await _commands.AddAsync(_advisor, new CalendarEventDetails(CalendarEventKind.Exhibition, "Konst", new DateOnly(2026, 11, 20), EndDate: new DateOnly(2026, 11, 24)));
        var source = new AlmanacEventEntrySource(_queries);

        var entries = await source.GetEntriesAsync(_office.Id, Monday, Monday.AddDays(6));

        entries.Select(e => e.Date).ShouldBe([Monday, Monday.AddDays(1)]);
        entries.ShouldAllBe(e => e.Kind == CalendarEventKind.Exhibition && e.Start == null && e.Title == "Konst");
        AlmanacEventLinks.TryParse(entries[0].Href, out var eventId, out var original).ShouldBeTrue();
        eventId.ShouldBeGreaterThan(0);
        original.ShouldBe(new DateOnly(2026, 11, 20));
    }
}
