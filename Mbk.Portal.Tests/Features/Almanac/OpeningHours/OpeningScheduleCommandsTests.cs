using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.OpeningHours;

/// <summary>A manager's changes to the opening schedule, on a real SQLite file.</summary>
[Trait("Providers", "Both")]
public sealed class OpeningScheduleCommandsTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Stockholm.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private StaffContext _manager = default!;
    private OpeningScheduleCommands _commands = default!;
    private OpeningScheduleQueries _queries = default!;

    private static DayHours Hours(int opens, int closes) => new(new TimeOnly(opens, 0), new TimeOnly(closes, 0));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync();
        _manager = TestDatabase.Staff(_office, StaffRoles.Manager) with { DisplayName = "Maria Chef" };
        _commands = new OpeningScheduleCommands(_database, _clock);
        _queries = new OpeningScheduleQueries(_database, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private List<IOfficeEvent> Record()
    {
        var events = new List<IOfficeEvent>();
        _database.Bus.Subscribe(_office.Id, e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });
        return events;
    }

    [Fact]
    public async Task ShouldCloseDayAndTellScreensWhenManagerAddsClosedException()
    {
        var events = Record();

        await _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 27), null, "Planeringsdag");

        var schedule = await _queries.GetAsync(_office.Id);
        schedule.HoursOn(new DateOnly(2026, 11, 27)).ShouldBeNull();
        schedule.ClosedReason(new DateOnly(2026, 11, 27)).ShouldBe("Planeringsdag");
        schedule.HoursOn(new DateOnly(2026, 11, 26)).ShouldBe(Hours(9, 19));
        await _database.Bus.WhenDeliveredAsync();
        events.ShouldContain(new AlmanacChanged(_office.Id, AlmanacArea.OpeningHours));
        events.ShouldContain(new QueueSetupChanged(_office.Id));
    }

    [Fact]
    public async Task ShouldRefuseSecondExceptionWhenDateAlreadyHasOne()
    {
        await _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 27), null, "Planeringsdag");

        var refusal = await Should.ThrowAsync<DomainException>(() =>
            _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 27), Hours(10, 14), "Kortare dag"));

        refusal.Message.ShouldBe("Det finns redan ett undantag för 27 november 2026. Ändra eller ta bort det i stället.");
        (await _queries.GetAsync(_office.Id)).ClosedReason(new DateOnly(2026, 11, 27)).ShouldBe("Planeringsdag");
    }

    [Fact]
    public async Task ShouldRefuseClosedExceptionWhenReasonIsMissing()
    {
        var refusal = await Should.ThrowAsync<DomainException>(() =>
            _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 27), null, " "));

        refusal.Message.ShouldBe("Orsaken till att kontoret är stängt måste fyllas i.");
        (await _queries.GetAsync(_office.Id)).Exceptions.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseExceptionWhenDateHasPassed()
    {
        var refusal = await Should.ThrowAsync<DomainException>(() =>
            _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 20), null, "Planeringsdag"));

        refusal.Message.ShouldContain("har redan varit");
    }

    [Fact]
    public async Task ShouldRefuseAdvisorWhenChangingOpeningHours()
    {
        var advisor = TestDatabase.Staff(_office, StaffRoles.Advisor);

        (await Should.ThrowAsync<DomainException>(() => _commands.AddExceptionAsync(advisor, new DateOnly(2026, 11, 27), null, "Planeringsdag")))
            .Message.ShouldBe("Bara enhetschefen kan ändra kontorets öppettider.");
        await Should.ThrowAsync<DomainException>(() => _commands.ConfirmHolidayAsync(advisor, new DateOnly(2026, 12, 24), null));
        await Should.ThrowAsync<DomainException>(() => _commands.SetWeeklyHoursAsync(advisor, Mbk.Domain.Queue.OpeningHours.Default));
    }

    [Fact]
    public async Task ShouldRestoreUsualHoursWhenExceptionIsChangedThenRemoved()
    {
        var id = await _commands.AddExceptionAsync(_manager, new DateOnly(2026, 11, 26), null, "Utbildning");
        await _commands.ChangeExceptionAsync(_manager, id, Hours(9, 13), "Utbildning på eftermiddagen");
        (await _queries.GetAsync(_office.Id)).HoursOn(new DateOnly(2026, 11, 26)).ShouldBe(Hours(9, 13));

        var events = Record();
        await _commands.RemoveExceptionAsync(_manager, id);

        (await _queries.GetAsync(_office.Id)).HoursOn(new DateOnly(2026, 11, 26)).ShouldBe(Hours(9, 19));
        await _database.Bus.WhenDeliveredAsync();
        events.ShouldContain(new AlmanacChanged(_office.Id, AlmanacArea.OpeningHours));
    }

    [Fact]
    public async Task ShouldRecordManagersAnswerWhenHolidayIsConfirmedThenChanged()
    {
        var christmasEve = new DateOnly(2026, 12, 24);
        (await _queries.GetAsync(_office.Id)).Day(christmasEve).NeedsConfirmation.ShouldBeTrue();

        await _commands.ConfirmHolidayAsync(_manager, christmasEve, Hours(9, 12));
        var open = (await _queries.GetAsync(_office.Id)).Day(christmasEve);
        open.Hours.ShouldBe(Hours(9, 12));
        open.Decision!.DecidedBy.ShouldBe("Maria Chef");

        await _commands.ConfirmHolidayAsync(_manager, christmasEve, null);
        var closed = (await _queries.GetAsync(_office.Id)).Day(christmasEve);
        closed.Hours.ShouldBeNull();
        closed.IsHolidayConfirmed.ShouldBeTrue();
        closed.ClosedReason.ShouldBe("Julafton");
        (await _queries.GetAsync(_office.Id)).Decisions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRefuseConfirmationWhenDateIsNoHoliday()
    {
        (await Should.ThrowAsync<DomainException>(() => _commands.ConfirmHolidayAsync(_manager, new DateOnly(2026, 12, 22), null)))
            .Message.ShouldContain("ingen helgdag");
    }

    [Fact]
    public async Task ShouldStoreWeeklyHoursOnOfficeWhenManagerSetsThem()
    {
        var events = Record();
        var weekly = Mbk.Domain.Queue.OpeningHours.Default.With(DayOfWeek.Tuesday, new TimeOnly(10, 0), new TimeOnly(20, 0));

        await _commands.SetWeeklyHoursAsync(_manager, weekly);

        (await _queries.GetAsync(_office.Id)).Weekly.ShouldBe(weekly);
        await _database.Bus.WhenDeliveredAsync();
        events.ShouldContain(new AlmanacChanged(_office.Id, AlmanacArea.OpeningHours));
        events.ShouldContain(new QueueSetupChanged(_office.Id));
    }

    [Fact]
    public async Task ShouldListComingYearsHolidaysWithStatusWhenOverviewIsRead()
    {
        await _commands.ConfirmHolidayAsync(_manager, new DateOnly(2026, 12, 24), null);
        await _commands.AddExceptionAsync(_manager, new DateOnly(2026, 12, 31), new DayHours(new TimeOnly(9, 0), new TimeOnly(13, 0)), "Halvdag");

        var overview = await _queries.GetOverviewAsync(_office.Id);

        overview.Today.ShouldBe(new DateOnly(2026, 11, 23));
        overview.Holidays[0].Name.ShouldBe("Julafton");
        overview.Holidays[^1].Date.ShouldBeLessThanOrEqualTo(new DateOnly(2027, 11, 23));
        overview.Holidays.Single(h => h.Name == "Midsommarafton").Date.ShouldBe(new DateOnly(2027, 6, 25));
        var eve = overview.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 24));
        eve.IsConfirmed.ShouldBeTrue();
        eve.Hours.ShouldBeNull();
        var christmas = overview.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 25));
        christmas.NeedsConfirmation.ShouldBeTrue();
        overview.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 26)).NeedsConfirmation.ShouldBeFalse("annandag jul is a Saturday, closed anyway");
        overview.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 31)).Source.ShouldBe(ScheduleSource.Exception);
        overview.Exceptions.ShouldHaveSingleItem().Reason.ShouldBe("Halvdag");
    }
}
