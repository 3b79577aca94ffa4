using Mbk.Domain.Common;

namespace Mbk.Portal.Features.Identity;

/// <summary>
/// The portal's one place for "who may do this": every feature service asks here before it reads or writes an office's
/// data. A refusal is a <see cref="DomainException"/> with a Swedish message the page shows as it is.
/// </summary>
public static class StaffAccess
{
    public const string NoOfficeRefusal = "Ditt konto är inte kopplat till något kontor.";
    public const string NotMemberRefusal = "Du tillhör inte det kontoret.";
    public const string NotManagerRefusal = "Bara enhetschefen kan göra det.";

    /// <summary>The office the actor works in now; refused when the account belongs to no office.</summary>
    public static int RequireOffice(StaffContext actor, string notMemberRefusal = NotMemberRefusal)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var office = actor.CurrentOffice ?? throw new DomainException(NoOfficeRefusal);
        if (!actor.BelongsTo(office.Id))
        {
            throw new DomainException(notMemberRefusal);
        }

        return office.Id;
    }

    /// <summary>The current office, when the actor is its manager (or an admin); otherwise <paramref name="refusal"/>.</summary>
    public static int RequireManager(StaffContext actor, string refusal = NotManagerRefusal)
    {
        var officeId = RequireOffice(actor);
        return actor.IsManager ? officeId : throw new DomainException(refusal);
    }

    /// <summary>
    /// Refused unless the actor manages <paramref name="officeId"/> (by membership) or is an admin. An office the actor
    /// does not belong to is refused as such, before the role.
    /// </summary>
    public static void RequireManagerOf(StaffContext actor, int officeId, string refusal = NotManagerRefusal)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.BelongsTo(officeId) && !actor.IsAdmin)
        {
            throw new DomainException(NotMemberRefusal);
        }

        if (!actor.IsManagerOf(officeId))
        {
            throw new DomainException(refusal);
        }
    }
}
