using System.Globalization;
using Mbk.Domain.Meeting;

namespace Mbk.Portal.Features.Meeting.Binder;

/// <summary>
/// The binder's filters as query parameters, shared by the page's export links and the export endpoints:
/// <c>q</c> (text), <c>category</c> (rutin, lokal, …), <c>status</c> (gallande, ersatt, upphavd), <c>from</c>/<c>to</c>
/// (ÅÅÅÅ-MM-DD, meeting days) and <c>person</c>.
/// </summary>
public static class DecisionFilterQuery
{
    /// <summary>Reads a filter; unknown or malformed values are ignored.</summary>
    public static DecisionFilter Parse(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        return new DecisionFilter(
            Search: Blank(get("q")),
            Category: ParseCategory(get("category")),
            From: ParseDate(get("from")),
            To: ParseDate(get("to")),
            Person: Blank(get("person")),
            Status: ParseStatus(get("status")));
    }

    /// <summary>"?q=…&amp;category=…" (empty when no filter is set).</summary>
    public static string ToQueryString(DecisionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        Add(parts, "q", Blank(filter.Search));
        Add(parts, "category", filter.Category?.ToString().ToLowerInvariant());
        Add(parts, "from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "person", Blank(filter.Person));
        Add(parts, "status", filter.Status?.ToString().ToLowerInvariant());
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    public static DecisionCategory? ParseCategory(string? text) =>
        Enum.TryParse<DecisionCategory>(text, ignoreCase: true, out var category) && Enum.IsDefined(category) ? category : null;

    public static DecisionStatus? ParseStatus(string? text) =>
        Enum.TryParse<DecisionStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
