using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Statistics;

/// <summary>
/// Questions tallied by category: one tapped question, or a total (a day from a paper sheet, a month or year from
/// historical statistics). No personal data: a time, an office, a category, a channel, optionally the language spoken
/// and the visitor's perceived gender.
/// </summary>
public sealed class QuestionTally : Entity
{
    public const int LanguageMaxLength = 40;

    /// <summary>The most a paper tally sheet can carry for one category and day.</summary>
    public const int MaxBatchCount = 100_000;

    /// <summary>The earliest year historical statistics can be imported for.</summary>
    public const int EarliestImportYear = 1990;

    /// <summary>How long a staff member can undo her own tap by default.</summary>
    public static readonly TimeSpan DefaultUndoWindow = TimeSpan.FromMinutes(5);

    private bool _undone;

    private QuestionTally()
    {
    }

    public int OfficeId { get; private set; }

    public int QuestionCategoryId { get; private set; }

    /// <summary>The instant of the question, or the first instant of the office-local day/month/year (see <see cref="Granularity"/>).</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    public TallyChannel Channel { get; private set; }

    /// <summary>The staff member who recorded it (staff, not visitor, data); null for imports.</summary>
    public string? StaffUserId { get; private set; }

    /// <summary>Set when recorded while finishing a queue ticket.</summary>
    public int? TicketId { get; private set; }

    /// <summary>How many questions the row stands for, at least 1 (a tap is 1).</summary>
    public int Count { get; private set; } = 1;

    public TallySource Source { get; private set; }

    public TallyGranularity Granularity { get; private set; }

    /// <summary>The language the question was handled in when not Swedish, e.g. "arabiska"; optional.</summary>
    public string? Language { get; private set; }

    public VisitorGender? Gender { get; private set; }

    /// <summary>
    /// One question recorded at <paramref name="now"/>: <see cref="TallySource.Queue"/> when <paramref name="ticketId"/> is
    /// given (finishing a ticket), else <see cref="TallySource.Tap"/>.
    /// </summary>
    public static QuestionTally Record(QuestionCategory category, TallyChannel channel, string? staffUserId, DateTimeOffset now, int? ticketId = null)
    {
        EnsureActive(category);
        return New(category, channel, now, 1, ticketId is null ? TallySource.Tap : TallySource.Queue, TallyGranularity.Instant, staffUserId, ticketId);
    }

    /// <summary>One question tapped by <paramref name="staffUserId"/> at <paramref name="now"/>, optionally with language and gender.</summary>
    public static QuestionTally RecordTap(
        QuestionCategory category, TallyChannel channel, string staffUserId, DateTimeOffset now, string? language = null, VisitorGender? gender = null)
    {
        EnsureActive(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(staffUserId);
        var checkedLanguage = Text.Optional(language, "Språket", LanguageMaxLength);
        var tally = New(category, channel, now, 1, TallySource.Tap, TallyGranularity.Instant, staffUserId, null);
        tally.Language = checkedLanguage;
        tally.Gender = gender;
        return tally;
    }

    /// <summary>
    /// A day's total from a paper tally sheet (1–<see cref="MaxBatchCount"/>), recorded at the first instant of the
    /// office-local <paramref name="day"/>. The day may not be in the future, and the category must have been in use
    /// that day (a category retired since still takes that day's sheets).
    /// </summary>
    public static QuestionTally RecordBatch(
        QuestionCategory category, DateOnly day, int count, string staffUserId, DateTimeOffset now, TimeZoneInfo zone,
        TallyChannel channel = TallyChannel.Disk)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentException.ThrowIfNullOrWhiteSpace(staffUserId);
        if (!category.WasInUseOn(day, zone))
        {
            throw new DomainException($"Ärendeslaget \"{category.Name}\" användes inte längre {Format(day)}.");
        }

        if (day > ServiceDayCalculator.ServiceDay(now, zone))
        {
            throw new DomainException($"Dagen {Format(day)} har inte varit än.");
        }

        if (count is < 1 or > MaxBatchCount)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Antalet måste vara 1–{MaxBatchCount} (var {count})."));
        }

        var start = ServiceDayCalculator.Bounds(day, zone).Start;
        return New(category, channel, start, count, TallySource.Batch, TallyGranularity.Day, staffUserId, null);
    }

    /// <summary>
    /// A historical total: a month (<paramref name="month"/> 1–12) or a whole year (<paramref name="month"/> null),
    /// recorded at the first instant of that office-local month or year. Retired categories are accepted (it is history).
    /// The count must be at least 1: a zero in the source file adds nothing, so the portal skips such rows instead of
    /// storing them.
    /// </summary>
    public static QuestionTally Import(
        QuestionCategory category, int year, int? month, int count, TimeZoneInfo zone, TallyChannel channel = TallyChannel.Disk)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(zone);
        if (year < EarliestImportYear || year > 9998)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Året måste vara {EarliestImportYear} eller senare (var {year})."));
        }

        if (month is < 1 or > 12)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Månaden måste vara 1–12 (var {month})."));
        }

        if (count < 1)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Antalet måste vara minst 1 (var {count})."));
        }

        var start = ServiceDayCalculator.ToInstant(new DateOnly(year, month ?? 1, 1), TimeOnly.MinValue, zone);
        var granularity = month is null ? TallyGranularity.Year : TallyGranularity.Month;
        return New(category, channel, start, count, TallySource.Import, granularity, null, null);
    }

    /// <summary>
    /// Whether <paramref name="staffUserId"/> may undo <paramref name="tally"/> at <paramref name="now"/>: only her own
    /// <see cref="TallySource.Tap"/>, and only within <paramref name="window"/> of recording it (the end inclusive).
    /// Queue, batch and imported tallies are corrected elsewhere.
    /// </summary>
    public static bool CanUndo(QuestionTally tally, string staffUserId, DateTimeOffset now, TimeSpan window) =>
        UndoRefusal(tally, staffUserId, now, window) is null;

    /// <summary>
    /// Checks <see cref="CanUndo"/> and raises <see cref="QuestionTallyUndone"/>; the portal then deletes the row.
    /// </summary>
    public void MarkUndone(string staffUserId, DateTimeOffset now, TimeSpan window)
    {
        if (UndoRefusal(this, staffUserId, now, window) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        _undone = true;
        Raise(new QuestionTallyUndone(OfficeId, QuestionCategoryId, Count));
    }

    private static string? UndoRefusal(QuestionTally tally, string staffUserId, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (tally._undone)
        {
            return "Räkningen är redan ångrad.";
        }

        if (tally.Source != TallySource.Tap)
        {
            return "Bara en räkning som du har tryckt in själv kan ångras.";
        }

        if (string.IsNullOrEmpty(staffUserId) || !string.Equals(tally.StaffUserId, staffUserId, StringComparison.Ordinal))
        {
            return "Du kan bara ångra dina egna räkningar.";
        }

        if (now - tally.RecordedAt > window)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Räkningen kan bara ångras inom {window.TotalMinutes:0.##} minuter.");
        }

        return null;
    }

    private static void EnsureActive(QuestionCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (!category.IsActive)
        {
            throw new DomainException($"Ärendeslaget \"{category.Name}\" används inte längre.");
        }
    }

    private static QuestionTally New(
        QuestionCategory category, TallyChannel channel, DateTimeOffset recordedAt, int count, TallySource source,
        TallyGranularity granularity, string? staffUserId, int? ticketId)
    {
        var tally = new QuestionTally
        {
            OfficeId = category.OfficeId,
            QuestionCategoryId = category.Id,
            RecordedAt = recordedAt,
            Channel = channel,
            StaffUserId = staffUserId,
            TicketId = ticketId,
            Count = count,
            Source = source,
            Granularity = granularity,
        };
        tally.Raise(new QuestionTallied(category.OfficeId, category.Id, recordedAt, count));
        return tally;
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Questions were tallied; <see cref="Count"/> is 1 for a tap, the total for batch and import rows.</summary>
public sealed record QuestionTallied(int OfficeId, int QuestionCategoryId, DateTimeOffset RecordedAt, int Count) : IOfficeEvent
{
    public string Topic => "QuestionTallied";
}

/// <summary>A tap was undone (the row is deleted); <see cref="Count"/> lets live counters subtract it.</summary>
public sealed record QuestionTallyUndone(int OfficeId, int QuestionCategoryId, int Count = 1) : IOfficeEvent
{
    public string Topic => "QuestionTallyUndone";
}
