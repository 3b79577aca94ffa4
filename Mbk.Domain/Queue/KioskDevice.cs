using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>
/// A ticket kiosk a manager has registered (paired) on the kiosk's own browser. The browser keeps a device token
/// (128 random bits, URL-safe); the portal stores only its SHA-256. A registered kiosk has a rate limit of its own, so
/// several kiosks behind one proxy or one address no longer share one budget. Removing it ends the pairing: the
/// browser falls back to the address-based limit.
/// </summary>
public sealed class KioskDevice : Entity
{
    public const int NameMaxLength = 60;

    private KioskDevice()
    {
        Name = string.Empty;
        TokenHash = string.Empty;
        RegisteredBy = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Name { get; private set; }

    /// <summary>SHA-256 of the device token (lower-case hex); the token itself is only in the kiosk's browser.</summary>
    public string TokenHash { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Display name of the manager who registered it.</summary>
    public string RegisteredBy { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    /// <summary>Registers a kiosk; returns it with the token to hand to the kiosk's browser (shown nowhere else).</summary>
    public static (KioskDevice Device, string Token) Register(int officeId, string name, string registeredBy, DateTimeOffset now)
    {
        var token = MobileTicketCode.New();
        var device = new KioskDevice
        {
            OfficeId = officeId,
            Name = Text.Required(name, "Kioskens namn", NameMaxLength),
            TokenHash = token.Hash,
            RegisteredAt = now,
            RegisteredBy = Text.Required(registeredBy, "Registrerad av", 200),
        };
        return (device, token.Code);
    }

    public void Remove(DateTimeOffset now)
    {
        if (RemovedAt is not null)
        {
            throw new DomainException($"Kiosken {Name} är redan borttagen.");
        }

        RemovedAt = now;
    }
}
