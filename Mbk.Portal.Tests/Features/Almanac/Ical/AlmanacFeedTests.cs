using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.Ical;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Almanac.Ical;

/// <summary>
/// The office's iCalendar feed over HTTP on the real portal: parsed and expanded by an independent parser (Python's
/// icalendar + recurring_ical_events) and compared with the almanac's own occurrences, imported into a second office
/// with the same result, and answering 404 for unknown, regenerated and revoked tokens.
/// </summary>
public sealed class AlmanacFeedTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";

    // Expands a feed between two dates and prints [{start, summary}] sorted, start in local ISO (with offset) or a date.
    private const string ExpandScript = """
        import sys, json, datetime, icalendar, recurring_ical_events
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        first = datetime.date.fromisoformat(sys.argv[2]); end = datetime.date.fromisoformat(sys.argv[3])
        rows = []
        for event in recurring_ical_events.of(cal).between(first, end):
            start = event['DTSTART'].dt
            rows.append({'start': start.isoformat(), 'summary': str(event['SUMMARY'])})
        print(json.dumps(sorted(rows, key=lambda r: (r['start'], r['summary']))))
        """;

    private readonly PortalAppFactory _factory = new();
    private StaffContext _manager = default!;
    private DateOnly _dstChange;
    private DateOnly _first;
    private DateOnly _last;
    private TimeZoneInfo _zone = default!;

    public async Task InitializeAsync()
    {
        _manager = await _factory.StaffAsync(DemoAccounts.Manager);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId);
        _dstChange = NextDstChange(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(80));
        _first = _dstChange.AddDays(-70);
        _last = _dstChange.AddDays(150);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The next last Sunday of March or October on or after <paramref name="from"/>.</summary>
    private static DateOnly NextDstChange(DateOnly from)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); ; month = month.AddMonths(1))
        {
            if (month.Month is 3 or 10)
            {
                var last = month.AddMonths(1).AddDays(-1);
                var sunday = last.AddDays(-(int)last.DayOfWeek);
                if (sunday >= from)
                {
                    return sunday;
                }
            }
        }
    }

    private static DateOnly Next(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);

    /// <summary>Every case the feed must carry, in the demo office.</summary>
    private async Task AddAlmanacAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<AlmanacEventCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<AlmanacEventQueries>();

        // Every fourth week on Wednesday, across the DST change, one occurrence cancelled.
        var supervisionStart = Next(_dstChange.AddDays(-56), DayOfWeek.Wednesday);
        var supervision = await commands.AddAsync(_manager, new CalendarEventDetails(
            CalendarEventKind.Supervision, "Extern handledning", supervisionStart, new TimeOnly(9, 0), new TimeOnly(11, 0),
            Location: "Konferensrummet", Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday], 4, until: _dstChange.AddDays(112))));
        await commands.CancelOccurrenceAsync(_manager, supervision, supervisionStart.AddDays(28), 0);

        // First Tuesday of the month, six times, one occurrence moved to the next day.
        var lawyer = await commands.AddAsync(_manager, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Advokatjour", _dstChange.AddDays(-60), new TimeOnly(18, 0), new TimeOnly(20, 0),
            Description: "Gratis juridisk rådgivning, 15 minuter per person.", Recurrence: Recurrence.MonthlyOnWeekday(1, DayOfWeek.Tuesday, count: 6)));
        var third = (await queries.GetOccurrencesAsync(_manager.CurrentOffice!.Id, _first, _last)).Where(o => o.EventId == lawyer).ElementAt(2);
        await commands.ChangeOccurrenceAsync(_manager, lawyer, third.OriginalDate, 0, new OccurrenceDetails(
            "Advokatjour (flyttad)", third.Date.AddDays(1), new TimeOnly(17, 0), new TimeOnly(19, 0), "Bord 3"));

        // Weekly partner visit across the DST change.
        await commands.AddAsync(_manager, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", _dstChange.AddDays(-14), new TimeOnly(13, 0), new TimeOnly(16, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday], count: 5)));

        // A three-day all-day event.
        await commands.AddAsync(_manager, new CalendarEventDetails(
            CalendarEventKind.Exhibition, "Utställning: Rinkeby förr och nu", _dstChange.AddDays(3), EndDate: _dstChange.AddDays(5)));
    }

    private async Task<string> NewFeedUrlAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<AlmanacFeedService>().RegenerateAsync(_manager);
        return AlmanacFeedTokens.PathFor(token);
    }

    private async Task<string> FetchFeedAsync(string path)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<(string Start, string Summary)>> OurOccurrencesAsync(int officeId)
    {
        using var scope = _factory.Services.CreateScope();
        var occurrences = await scope.ServiceProvider.GetRequiredService<AlmanacEventQueries>().GetOccurrencesAsync(officeId, _first, _last);
        return occurrences
            .Select(o => (o.AllDay
                ? o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : TimeZoneInfo.ConvertTime(o.Start, _zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), o.Title))
            .OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Title, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<(string Start, string Summary)>> PythonOccurrencesAsync(string feed)
    {
        var file = Path.Combine(TestPaths.NewTempDirectory("ical"), "feed.ics");
        await File.WriteAllTextAsync(file, feed);
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", ExpandScript, file, _first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _last.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);
        using var json = JsonDocument.Parse(await output);
        return json.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("start").GetString()!, r.GetProperty("summary").GetString()!))
            .ToList();
    }

    [Fact]
    public async Task ShouldExpandTheFeedInAnIndependentParserToTheAlmanacsOwnOccurrences()
    {
        await AddAlmanacAsync();

        var feed = await FetchFeedAsync(await NewFeedUrlAsync());

        var ours = await OurOccurrencesAsync(_manager.CurrentOffice!.Id);
        ours.Count.ShouldBe(5 + 6 + 5 + 1, "the test's almanac: 6 supervisions less 1 cancelled, 6 lawyer evenings, 5 visits, 1 exhibition");
        ours.Where(o => o.Start.Length > 10).Select(o => o.Start[^6..]).Distinct().Order().ToList().ShouldBe(["+01:00", "+02:00"]);
        ours.Count(o => o.Start.Length == 10).ShouldBe(1, "the all-day exhibition");
        (await PythonOccurrencesAsync(feed)).ShouldBe(ours);
    }

    [Fact]
    public async Task ShouldSendRulesWithTheTimeZoneNotExpandedCopies()
    {
        await AddAlmanacAsync();

        var feed = await FetchFeedAsync(await NewFeedUrlAsync());

        feed.ShouldContain("PRODID:" + AlmanacFeedWriter.ProductId);
        feed.ShouldContain("X-WR-CALNAME:Medborgarkontoret Rinkeby");
        feed.ShouldContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm");
        feed.ShouldContain("BEGIN:DAYLIGHT");
        feed.ShouldContain("RRULE:FREQ=WEEKLY;INTERVAL=4;UNTIL=");
        feed.ShouldContain("RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1TU");
        feed.ShouldContain("DTSTART;TZID=Europe/Stockholm:");
        feed.ShouldContain("DTSTART;VALUE=DATE:");
        feed.ShouldContain("EXDATE;TZID=Europe/Stockholm:");
        feed.ShouldContain("RECURRENCE-ID;TZID=Europe/Stockholm:");
        feed.ShouldContain("CATEGORIES:Partnerbesök");
        CountOf(feed, "BEGIN:VEVENT").ShouldBe(5, "four series or events and one changed occurrence");
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    [Fact]
    public async Task ShouldRoundTripThroughTheImportIntoAnotherOffice()
    {
        await AddAlmanacAsync();
        var feed = await FetchFeedAsync(await NewFeedUrlAsync());
        Office second;
        await using (var db = await _factory.DbFactory.CreateDbContextAsync())
        {
            second = Office.Create("Medborgarkontoret Rågsved", "ragsved");
            db.Offices.Add(second);
            await db.SaveChangesAsync();
        }

        using var scope = _factory.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<AlmanacImportCommands>();
        var result = await import.ImportAsync(TestDatabase.Staff(second, StaffRoles.Advisor), System.Text.Encoding.UTF8.GetBytes(feed), CalendarEventKind.Course);

        result.ShouldBe(new AlmanacImportResult(4, 0));
        var queries = scope.ServiceProvider.GetRequiredService<AlmanacEventQueries>();
        var original = await queries.GetOccurrencesAsync(_manager.CurrentOffice!.Id, _first, _last);
        var copy = await queries.GetOccurrencesAsync(second.Id, _first, _last);
        copy.Select(Shape).ShouldBe(original.Select(Shape));
    }

    private static object Shape(AlmanacOccurrence o) => (o.Start, o.End, o.Kind, o.Title, o.Location, o.Description, o.AllDay, o.IsRecurring, o.IsOverridden, o.OriginalDate);

    [Fact]
    public async Task ShouldAnswerNotFoundForAnUnknownToken()
    {
        using var client = _factory.CreateClient();

        using var unknown = await client.GetAsync(new Uri(AlmanacFeedTokens.PathFor(AlmanacFeedTokens.NewToken()), UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/almanac/feed/not-a-token.ics", UriKind.Relative));

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        malformed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShouldStopTheOldUrlWhenRegeneratedAndEveryUrlWhenRevoked()
    {
        var old = await NewFeedUrlAsync();
        await FetchFeedAsync(old);
        var current = await NewFeedUrlAsync();
        using var client = _factory.CreateClient();

        (await client.GetAsync(new Uri(old, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await FetchFeedAsync(current);

        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AlmanacFeedService>().RevokeAsync(_manager);
        }

        (await client.GetAsync(new Uri(current, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShouldRefuseFeedManagementToAdvisors()
    {
        var advisor = await _factory.StaffAsync(DemoAccounts.Advisor);
        using var scope = _factory.Services.CreateScope();
        var feeds = scope.ServiceProvider.GetRequiredService<AlmanacFeedService>();

        var refusal = await Should.ThrowAsync<Mbk.Domain.Common.DomainException>(() => feeds.RegenerateAsync(advisor));

        refusal.Message.ShouldBe("Bara enhetschefen kan hantera almanackans prenumerationslänk.");
    }
}
