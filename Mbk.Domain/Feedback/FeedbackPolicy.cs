using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Feedback;

/// <summary>
/// An office's feedback settings: the response deadline per kind in working days and how many months a closed
/// item's contact is kept. An office without its own row uses <see cref="CreateDefault"/>.
/// </summary>
public sealed class FeedbackPolicy : Entity
{
    public const int DefaultDeadline = 10;
    public const int DefaultCitizenProposalDeadline = 20;

    private FeedbackPolicy()
    {
        DeadlinesText = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>"Klagomal=10;Berom=10;…" (stored form of <see cref="Deadlines"/>).</summary>
    public string DeadlinesText { get; private set; }

    public int RetentionMonths { get; private set; }

    public IReadOnlyDictionary<FeedbackKind, int> Deadlines => Parse(DeadlinesText);

    public static FeedbackPolicy CreateDefault(int officeId) => new()
    {
        OfficeId = officeId,
        DeadlinesText = Format(Enum.GetValues<FeedbackKind>().ToDictionary(
            k => k, k => k == FeedbackKind.Medborgarforslag ? DefaultCitizenProposalDeadline : DefaultDeadline)),
        RetentionMonths = FeedbackRetention.DefaultMonths,
    };

    public int DeadlineFor(FeedbackKind kind) => Deadlines.TryGetValue(kind, out var days) ? days : DefaultDeadline;

    /// <summary>A manager changes the settings; they apply to items registered (and closed) from now on.</summary>
    public void Change(IReadOnlyDictionary<FeedbackKind, int> deadlines, int retentionMonths)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        foreach (var (kind, days) in deadlines)
        {
            if (days is < 1 or > FeedbackDeadline.MaxWorkingDays)
            {
                throw new DomainException($"Svarstiden för {kind.DisplayName().ToLowerInvariant()} måste vara 1–{FeedbackDeadline.MaxWorkingDays} arbetsdagar.");
            }
        }

        FeedbackRetention.EndsOn(new DateOnly(2000, 1, 1), retentionMonths);
        var merged = Enum.GetValues<FeedbackKind>().ToDictionary(k => k, k => deadlines.TryGetValue(k, out var d) ? d : DeadlineFor(k));
        DeadlinesText = Format(merged);
        RetentionMonths = retentionMonths;
    }

    private static string Format(IReadOnlyDictionary<FeedbackKind, int> deadlines) =>
        string.Join(';', deadlines.OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static Dictionary<FeedbackKind, int> Parse(string text)
    {
        var result = new Dictionary<FeedbackKind, int>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            if (pair.Length == 2 && Enum.TryParse<FeedbackKind>(pair[0], out var kind) && int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
            {
                result[kind] = days;
            }
        }

        return result;
    }
}

/// <summary>
/// Feedback counts of earlier years (before the register), per kind and month, from the historical import. Anonymous
/// by nature. One row per office, year, month and kind; a re-import replaces the count.
/// </summary>
public sealed class FeedbackMonthlyCount : Entity
{
    private FeedbackMonthlyCount()
    {
    }

    public int OfficeId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public FeedbackKind Kind { get; private set; }

    public int Count { get; private set; }

    public static FeedbackMonthlyCount Create(int officeId, int year, int month, FeedbackKind kind, int count)
    {
        if (year is < 1990 or > 2100)
        {
            throw new DomainException($"Året {year} är inte rimligt.");
        }

        if (month is < 1 or > 12)
        {
            throw new DomainException($"Månaden måste vara 1–12 (nu {month}).");
        }

        if (count < 0)
        {
            throw new DomainException("Antalet kan inte vara negativt.");
        }

        return new FeedbackMonthlyCount { OfficeId = officeId, Year = year, Month = month, Kind = kind, Count = count };
    }

    public void Replace(int count)
    {
        if (count < 0)
        {
            throw new DomainException("Antalet kan inte vara negativt.");
        }

        Count = count;
    }
}

/// <summary>A contact erased by the retention job or a manager: the item and the date, no personal data.</summary>
public sealed class FeedbackErasure : Entity
{
    public const int ReasonMaxLength = 100;

    private FeedbackErasure()
    {
        Reason = string.Empty;
    }

    public int OfficeId { get; private set; }

    public int FeedbackId { get; private set; }

    public DateTimeOffset ErasedAt { get; private set; }

    /// <summary>"Lagringstiden har gått ut" or "Raderad av chef".</summary>
    public string Reason { get; private set; }

    public static FeedbackErasure Log(FeedbackItem item, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new FeedbackErasure { OfficeId = item.OfficeId, FeedbackId = item.Id, ErasedAt = now, Reason = Text.Required(reason, "Skälet", ReasonMaxLength) };
    }
}
