using System.Text;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.Ical;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.Ical;

/// <summary>Import of .ics files on real SQLite: what is read, how re-imports update, and what is refused whole.</summary>
public sealed class AlmanacImportCommandsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private AlmanacImportCommands _import = default!;
    private AlmanacEventQueries _queries = default!;
    private StaffContext _advisor = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync("Medborgarkontoret Import", "imp-" + Guid.NewGuid().ToString("N")[..8]);
        _import = new AlmanacImportCommands(_database, _clock);
        _queries = new AlmanacEventQueries(_database);
        _advisor = TestDatabase.Staff(_office, StaffRoles.Advisor);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static byte[] Ics(params string[] events) => Encoding.UTF8.GetBytes(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//Schema//SV\r\n" + string.Concat(events) + "END:VCALENDAR\r\n");

    private static string Event(string uid, string summary, string start, string end, string? extra = null) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T100000Z\r\nSUMMARY:{summary}\r\nDTSTART{start}\r\nDTEND{end}\r\n{extra}END:VEVENT\r\n";

    private static readonly byte[] PartnerSchedule = Ics(
        Event("fk-1@partner", "Försäkringskassan", ";TZID=Europe/Stockholm:20261202T100000", ";TZID=Europe/Stockholm:20261202T120000",
            "RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=4\r\nEXDATE;TZID=Europe/Stockholm:20261216T100000\r\n"),
        Event("fk-1@partner", "Försäkringskassan (extra lång)", ";TZID=Europe/Stockholm:20261209T090000", ";TZID=Europe/Stockholm:20261209T130000",
            "RECURRENCE-ID;TZID=Europe/Stockholm:20261209T100000\r\n"),
        Event("utc-1@partner", "Arbetsförmedlingen", ":20261203T130000Z", ":20261203T150000Z"),
        Event("float-1@partner", "Budget- och skuldrådgivning", ":20261204T090000", ":20261204T110000"));

    private async Task<int> EventCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.CalendarEvents.CountAsync(e => e.OfficeId == _office.Id);
    }

    [Fact]
    public async Task ShouldImportSeriesExceptionsAndUtcAndFloatingTimesInOfficeTime()
    {
        var preview = await _import.PreviewAsync(_advisor, PartnerSchedule, CalendarEventKind.PartnerVisit);
        preview.Items.Select(i => (i.Title, i.CancelledOccurrences, i.ChangedOccurrences, i.UpdatesExisting)).ShouldBe([
            ("Försäkringskassan", 1, 1, false), ("Arbetsförmedlingen", 0, 0, false), ("Budget- och skuldrådgivning", 0, 0, false)]);
        (await EventCountAsync()).ShouldBe(0, "a preview saves nothing");

        (await _import.ImportAsync(_advisor, PartnerSchedule, CalendarEventKind.PartnerVisit)).ShouldBe(new AlmanacImportResult(3, 0));

        var occurrences = await _queries.GetOccurrencesAsync(_office.Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        occurrences.Select(o => $"{o.Date:MM-dd} {o.StartTime:HH:mm}-{o.EndTime:HH:mm} {o.Title}").ShouldBe([
            "12-02 10:00-12:00 Försäkringskassan",
            "12-03 14:00-16:00 Arbetsförmedlingen",
            "12-04 09:00-11:00 Budget- och skuldrådgivning",
            "12-09 09:00-13:00 Försäkringskassan (extra lång)",
            "12-23 10:00-12:00 Försäkringskassan",
        ]);
        occurrences.ShouldAllBe(o => o.Kind == CalendarEventKind.PartnerVisit);
        (await _queries.GetSeriesAsync(_office.Id)).Select(e => e.Uid).Order(StringComparer.Ordinal).ShouldBe(["fk-1@partner", "float-1@partner", "utc-1@partner"]);
    }

    [Fact]
    public async Task ShouldUpdateEventsWithTheSameUidWhenTheFileIsImportedAgain()
    {
        await _import.ImportAsync(_advisor, PartnerSchedule, CalendarEventKind.PartnerVisit);
        var changed = Ics(Event("utc-1@partner", "Arbetsförmedlingen, nya tider", ":20261203T120000Z", ":20261203T150000Z"));

        (await _import.PreviewAsync(_advisor, changed, CalendarEventKind.PartnerVisit)).Items.Single().UpdatesExisting.ShouldBeTrue();
        (await _import.ImportAsync(_advisor, changed, CalendarEventKind.PartnerVisit)).ShouldBe(new AlmanacImportResult(0, 1));
        (await _import.ImportAsync(_advisor, PartnerSchedule, CalendarEventKind.PartnerVisit)).ShouldBe(new AlmanacImportResult(0, 3));

        (await EventCountAsync()).ShouldBe(3);
        var december = await _queries.GetOccurrencesAsync(_office.Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        december.Count.ShouldBe(5, "the exceptions are applied once again, not twice");
        december.ShouldContain(o => o.Title == "Arbetsförmedlingen" && o.StartTime == new TimeOnly(14, 0));
    }

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { "Hej, det här är ingen kalender.", "Filen är ingen iCalendar-fil (.ics): den börjar inte med BEGIN:VCALENDAR. Ingenting lästes in." },
        { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "Filen innehåller inga händelser (VEVENT). Ingenting lästes in." },
        {
            "BEGIN:VCALENDAR\r\n" + Event("bad-1@x", "Trasig", ":2026XX01T100000", ":20261201T110000") + "END:VCALENDAR\r\n",
            "Händelsen \"Trasig\" saknar ett giltigt startdatum (DTSTART). Ingenting lästes in."
        },
        {
            "BEGIN:VCALENDAR\r\n" + Event("year-1@x", "Årsmöte", ":20261201T100000", ":20261201T110000", "RRULE:FREQ=YEARLY\r\n") + "END:VCALENDAR\r\n",
            "Händelsen \"Årsmöte\" (2026-12-01) har upprepningen RRULE:FREQ=YEARLY, som almanackan inte stöder: Årlig upprepning stöds inte; använd månatlig med intervall 12. Ingenting lästes in."
        },
        { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261201T100000\r\n", "Filen kunde inte läsas som iCalendar" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task ShouldRefuseAnInvalidFileWholeAndImportNothing(string content, string message)
    {
        // A valid event first: nothing of it may be saved either.
        var bytes = Encoding.UTF8.GetBytes(content.Contains("BEGIN:VEVENT", StringComparison.Ordinal)
            ? content.Replace("BEGIN:VCALENDAR\r\n", "BEGIN:VCALENDAR\r\n" + Event("ok-1@x", "Giltig", ":20261201T080000", ":20261201T090000"), StringComparison.Ordinal)
            : content);

        var refusal = await Should.ThrowAsync<DomainException>(() => _import.ImportAsync(_advisor, bytes, CalendarEventKind.PartnerVisit));

        refusal.Message.ShouldStartWith(message);
        (await EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseAFileOverOneMegabyte()
    {
        var padding = new string('x', AlmanacImportCommands.MaxFileBytes);
        var large = Ics(Event("big-1@x", "Stor", ":20261201T100000", ":20261201T110000", $"DESCRIPTION:{padding}\r\n"));

        var refusal = await Should.ThrowAsync<DomainException>(() => _import.ImportAsync(_advisor, large, CalendarEventKind.PartnerVisit));

        refusal.Message.ShouldBe("Filen är för stor (högst 1 MB). Ingenting lästes in.");
        (await EventCountAsync()).ShouldBe(0);
    }
}
