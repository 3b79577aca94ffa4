using Mbk.Domain.Common;

namespace Mbk.Domain.Reports;

/// <summary>Where one (office, tertial) report stands in the ledger.</summary>
public enum DispatchStatus
{
    /// <summary>Recorded, not yet tried.</summary>
    Pending = 0,

    /// <summary>An instance holds the lease and is building or sending it.</summary>
    Sending = 1,

    /// <summary>Handed to the mail server and archived.</summary>
    Sent = 2,

    /// <summary>The last attempt failed (see <see cref="TertialReportDispatch.LastError"/>); the next check tries again.</summary>
    Failed = 3,

    /// <summary>
    /// An instance stopped after it began handing the mail to the server and before it recorded the outcome: the mail
    /// may or may not have gone out. Never resent by itself; a manager checks and resends if needed.
    /// </summary>
    Uncertain = 4,
}

/// <summary>What a claim attempt found.</summary>
public enum ClaimOutcome
{
    Claimed = 0,
    AlreadySent = 1,
    HeldByOther = 2,
    Uncertain = 3,
}

/// <summary>
/// The ledger row of one office's report for one tertial: the portal's own record that decides whether the report is
/// still to be sent. Unique per (office, year, tertial); claimed with a lease inside a write transaction, so two
/// instances sharing the database can never both send it.
/// </summary>
public sealed class TertialReportDispatch : Entity
{
    public const int ClaimedByMaxLength = 200;
    public const int ErrorMaxLength = 1000;

    private TertialReportDispatch()
    {
    }

    public int OfficeId { get; private set; }

    public int Year { get; private set; }

    public int Tertial { get; private set; }

    public DispatchStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    /// <summary>When the holder began handing the mail to the SMTP server (null before that, and after a failure).</summary>
    public DateTimeOffset? SubmissionStartedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The archived report (<see cref="SentReport"/>) once sent.</summary>
    public int? SentReportId { get; private set; }

    /// <summary>The last failure, in Swedish, for /reports.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public TertialKey Key => new(Year, Tertial);

    public static TertialReportDispatch Record(int officeId, TertialKey key, DateTimeOffset now) => new()
    {
        OfficeId = officeId,
        Year = key.Year,
        Tertial = key.Tertial,
        Status = DispatchStatus.Pending,
        CreatedAt = now,
    };

    /// <summary>
    /// Takes the report for <paramref name="instance"/> until <paramref name="now"/> + <paramref name="lease"/>, unless
    /// it is sent, held by a live lease, or in doubt. A lease that ran out after submission had begun turns the row
    /// <see cref="DispatchStatus.Uncertain"/> instead of being taken again: sending twice is worse than asking.
    /// </summary>
    public ClaimOutcome TryClaim(string instance, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        switch (Status)
        {
            case DispatchStatus.Sent:
                return ClaimOutcome.AlreadySent;
            case DispatchStatus.Uncertain:
                return ClaimOutcome.Uncertain;
            case DispatchStatus.Sending when ClaimedUntil > now:
                return ClaimOutcome.HeldByOther;
            case DispatchStatus.Sending when SubmissionStartedAt is not null:
                Status = DispatchStatus.Uncertain;
                LastError = "Portalen stoppades medan rapporten lämnades till e-postservern. Den kan ha skickats: kontrollera med mottagarna och skicka om vid behov.";
                ClaimedBy = null;
                ClaimedUntil = null;
                return ClaimOutcome.Uncertain;
        }

        Status = DispatchStatus.Sending;
        ClaimedBy = instance.Length > ClaimedByMaxLength ? instance[..ClaimedByMaxLength] : instance;
        ClaimedUntil = now + lease;
        SubmissionStartedAt = null;
        Attempts++;
        LastAttemptAt = now;
        return ClaimOutcome.Claimed;
    }

    /// <summary>Recorded (in its own commit) just before the mail is handed to the server.</summary>
    public void BeginSubmission(string instance, DateTimeOffset now)
    {
        RequireHolder(instance);
        SubmissionStartedAt = now;
    }

    public void MarkSent(string instance, int sentReportId, DateTimeOffset now)
    {
        RequireHolder(instance);
        Status = DispatchStatus.Sent;
        SentReportId = sentReportId;
        SentAt = now;
        LastError = null;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    /// <summary>The attempt failed before the server accepted the mail; the next check may claim it again.</summary>
    public void MarkFailed(string instance, string error, DateTimeOffset now)
    {
        RequireHolder(instance);
        Status = DispatchStatus.Failed;
        LastError = Truncate(error);
        LastAttemptAt = now;
        SubmissionStartedAt = null;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    /// <summary>
    /// A manager sends it by hand with "Skicka nu" (the first time, or after a failed or uncertain attempt): she takes
    /// the lease like the job does, so the job cannot send it at the same time. Not for a sent report (that is a resend,
    /// outside the ledger) nor while the job holds it.
    /// </summary>
    public void ClaimForManager(string holder, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (Status == DispatchStatus.Sent)
        {
            throw new DomainException($"Rapporten för {Key.ShortLabel} är redan skickad. Välj \"Skicka om\" för att skicka den igen.");
        }

        if (Status == DispatchStatus.Sending && ClaimedUntil > now)
        {
            throw new DomainException("Rapporten skickas just nu av schemat. Vänta en stund och titta i arkivet.");
        }

        Status = DispatchStatus.Sending;
        ClaimedBy = holder.Length > ClaimedByMaxLength ? holder[..ClaimedByMaxLength] : holder;
        ClaimedUntil = now + lease;
        SubmissionStartedAt = null;
        Attempts++;
        LastAttemptAt = now;
    }

    private void RequireHolder(string instance)
    {
        if (Status != DispatchStatus.Sending || ClaimedBy != instance)
        {
            throw new DomainException("Rapporten hålls inte längre av den här portalinstansen.");
        }
    }

    private static string Truncate(string error) => error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
}
