using System.Globalization;

namespace Mbk.Portal.Features.Almanac.Events;

/// <summary>Puts the events' occurrences in the almanac; a multi-day event gives one entry per day.</summary>
public sealed class AlmanacEventEntrySource(AlmanacEventQueries queries) : IAlmanacEntrySource
{
    public async Task<IReadOnlyList<AlmanacEntry>> GetEntriesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        var occurrences = await queries.GetOccurrencesAsync(officeId, first, last, cancellationToken);
        var entries = new List<AlmanacEntry>();
        foreach (var occurrence in occurrences)
        {
            var detail = string.Join(" · ", new[] { occurrence.Location, occurrence.RecurrenceDescription }.Where(s => !string.IsNullOrEmpty(s)));
            var from = occurrence.Date < first ? first : occurrence.Date;
            var to = occurrence.EndDate > last ? last : occurrence.EndDate;
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                entries.Add(new AlmanacEntry(
                    day, occurrence.StartTime, occurrence.EndTime, occurrence.Kind, occurrence.Title,
                    detail.Length == 0 ? null : detail, AlmanacEventLinks.For(occurrence.EventId, occurrence.OriginalDate)));
            }
        }

        return entries;
    }
}

/// <summary>The link an event's entry carries: the almanac opens the event's dialog for that occurrence.</summary>
public static class AlmanacEventLinks
{
    public static string For(int eventId, DateOnly originalDate) =>
        string.Create(CultureInfo.InvariantCulture, $"/almanac?event={eventId}&occurrence={originalDate:yyyy-MM-dd}");

    /// <summary>Reads a link made by <see cref="For"/>; false for other entries' links.</summary>
    public static bool TryParse(string? href, out int eventId, out DateOnly originalDate)
    {
        eventId = 0;
        originalDate = default;
        if (href is null || !href.StartsWith("/almanac?", StringComparison.Ordinal))
        {
            return false;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(href[href.IndexOf('?', StringComparison.Ordinal)..]);
        return query.TryGetValue("event", out var id) && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out eventId)
            && query.TryGetValue("occurrence", out var date)
            && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out originalDate);
    }
}
