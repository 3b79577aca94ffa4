namespace Mbk.Domain.Statistics;

/// <summary>Where a question was asked.</summary>
public enum TallyChannel
{
    Disk = 0,
    Bord = 1,
    Telefon = 2,
    Epost = 3,
    Uppsokande = 4,
}

/// <summary>How a tally came in.</summary>
public enum TallySource
{
    /// <summary>A staff member tapped the category (one question).</summary>
    Tap = 0,

    /// <summary>Recorded while finishing a queue ticket.</summary>
    Queue = 1,

    /// <summary>A day's total from a paper tally sheet.</summary>
    Batch = 2,

    /// <summary>A month or year total from historical statistics.</summary>
    Import = 3,
}

/// <summary>
/// What <see cref="QuestionTally.RecordedAt"/> stands for: an instant, or the first instant of the office-local day,
/// month or year whose total the tally carries.
/// </summary>
public enum TallyGranularity
{
    Instant = 0,
    Day = 1,
    Month = 2,
    Year = 3,
}

/// <summary>A visitor's gender as the staff member perceived it (optional; no person is identified).</summary>
public enum VisitorGender
{
    Kvinna = 0,
    Man = 1,
    Annat = 2,
    Okant = 3,
}
