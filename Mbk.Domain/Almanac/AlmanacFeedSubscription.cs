using Mbk.Domain.Common;

namespace Mbk.Domain.Almanac;

/// <summary>
/// An office's iCalendar subscription feed: at most one per office, reached at a secret URL. Only the SHA-256 of the
/// URL's token is kept, so a copy of the database does not reveal the URL; the manager sees the URL once, when it is
/// made or regenerated (a new token replaces the old one, which stops working at once). Revoking removes the row.
/// </summary>
public sealed class AlmanacFeedSubscription : Entity
{
    public const int HashLength = 64;

    private AlmanacFeedSubscription()
    {
        TokenHash = string.Empty;
        CreatedByName = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByName { get; private set; }

    public static AlmanacFeedSubscription Create(int officeId, string tokenHash, string createdByName, DateTimeOffset now)
    {
        var subscription = new AlmanacFeedSubscription { OfficeId = officeId };
        subscription.Replace(tokenHash, createdByName, now);
        return subscription;
    }

    /// <summary>A new token: the old URL stops working.</summary>
    public void Replace(string tokenHash, string createdByName, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(tokenHash) || tokenHash.Length != HashLength)
        {
            throw new DomainException("Prenumerationsnyckeln är ogiltig.");
        }

        TokenHash = tokenHash;
        CreatedByName = Text.Required(createdByName, "Namnet", CalendarEvent.NameMaxLength);
        CreatedAt = now;
    }
}
