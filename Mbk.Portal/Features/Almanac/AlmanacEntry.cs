using Mbk.Domain.Almanac;

namespace Mbk.Portal.Features.Almanac;

/// <summary>
/// One line in the almanac's day, week or month view, office-local. <see cref="Start"/> and <see cref="End"/> are null
/// for an all-day entry. <see cref="Href"/> links to where the entry is edited, when there is such a place.
/// </summary>
public sealed record AlmanacEntry(
    DateOnly Date,
    TimeOnly? Start,
    TimeOnly? End,
    CalendarEventKind Kind,
    string Title,
    string? Detail = null,
    string? Href = null);

/// <summary>
/// A part of the portal that puts entries in the almanac (events, opening hours, staffing). The almanac page asks
/// every registered source for the days it shows.
/// </summary>
public interface IAlmanacEntrySource
{
    /// <summary>The entries of <paramref name="officeId"/> from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    Task<IReadOnlyList<AlmanacEntry>> GetEntriesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default);
}
