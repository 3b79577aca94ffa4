using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.OpeningHours;

/// <summary>What the opening schedule puts in the almanac.</summary>
public sealed class OpeningHoursAlmanacSourceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private OpeningScheduleCommands _commands = default!;
    private OpeningHoursAlmanacSource _source = default!;
    private StaffContext _manager = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync();
        _manager = TestDatabase.Staff(_office, StaffRoles.Manager);
        _commands = new OpeningScheduleCommands(_database, _clock);
        _source = new OpeningHoursAlmanacSource(new OpeningScheduleQueries(_database, _clock));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<List<AlmanacEntry>> EntriesAsync(DateOnly first, DateOnly last) =>
        [.. await _source.GetEntriesAsync(_office.Id, first, last)];

    [Fact]
    public async Task ShouldShowHoursAndEveningOpeningWhenWeekIsOrdinary()
    {
        var entries = await EntriesAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29));

        entries.Count(e => e.Kind == CalendarEventKind.OpeningHours).ShouldBe(5);
        var monday = entries.Single(e => e.Date == new DateOnly(2026, 11, 23));
        monday.Title.ShouldBe("Öppet 09:00–16:00");
        monday.Start.ShouldBe(new TimeOnly(9, 0));
        monday.End.ShouldBe(new TimeOnly(16, 0));
        var evening = entries.Single(e => e.Kind == CalendarEventKind.EveningOpening);
        evening.Date.ShouldBe(new DateOnly(2026, 11, 26));
        evening.Title.ShouldBe("Kvällsöppet till 19:00");
        evening.Start.ShouldBe(new TimeOnly(17, 0));
        entries.ShouldNotContain(e => e.Date.DayOfWeek == DayOfWeek.Saturday || e.Date.DayOfWeek == DayOfWeek.Sunday);
    }

    [Fact]
    public async Task ShouldShowHolidaysAndAskForConfirmationWhenChristmasIsUnconfirmed()
    {
        await _commands.ConfirmHolidayAsync(_manager, new DateOnly(2026, 12, 25), null);

        var entries = await EntriesAsync(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26));

        entries.Select(e => (e.Date.Day, e.Kind, e.Title)).ShouldBe(
        [
            (24, CalendarEventKind.Holiday, "Julafton – ej bekräftat"),
            (25, CalendarEventKind.Holiday, "Stängt – Juldagen"),
            (26, CalendarEventKind.Holiday, "Stängt – Annandag jul"),
        ]);
        entries[0].Href.ShouldBe("/almanac/opening-hours");
        entries[0].Start.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldShowChangedHoursAndClosedDaysWhenExceptionsExist()
    {
        await _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 24), new DayHours(new TimeOnly(10, 0), new TimeOnly(14, 0)), "Personalmöte");
        await _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 25), null, "Planeringsdag");

        var entries = await EntriesAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25));

        entries.Select(e => (e.Kind, e.Title, e.Detail)).ShouldBe(
        [
            (CalendarEventKind.OpeningHours, "Ändrade öppettider 10:00–14:00", "Personalmöte"),
            (CalendarEventKind.Holiday, "Stängt – Planeringsdag", null),
        ]);
    }

    [Fact]
    public async Task ShouldShowConfirmedOpenHolidayAsOpenWithItsName()
    {
        await _commands.ConfirmHolidayAsync(_manager, new DateOnly(2026, 12, 24), new DayHours(new TimeOnly(9, 0), new TimeOnly(12, 0)));

        var entry = (await EntriesAsync(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 24))).ShouldHaveSingleItem();

        entry.Kind.ShouldBe(CalendarEventKind.OpeningHours);
        entry.Title.ShouldBe("Öppet 09:00–12:00");
        entry.Detail.ShouldBe("Julafton – öppet (bekräftat)");
    }
}
