using Microsoft.AspNetCore.Identity;

namespace Mbk.Portal.Features.Identity;

/// <summary>A staff account: samhällsvägledare, enhetschef or administratör. Visitors never have accounts.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Deactivated accounts cannot sign in; they are kept so history (who recorded what) stays readable.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The office the user works in right now, among <see cref="Offices"/>.</summary>
    public int? CurrentOfficeId { get; set; }

    public List<StaffOfficeMembership> Offices { get; } = [];
}

/// <summary>A person's place in one office, with their role there (one can be Manager in one office, Advisor in another).</summary>
public sealed class StaffOfficeMembership
{
    public string UserId { get; set; } = string.Empty;

    public int OfficeId { get; set; }

    /// <summary><see cref="StaffRoles.Advisor"/> or <see cref="StaffRoles.Manager"/>.</summary>
    public string Role { get; set; } = StaffRoles.Advisor;
}
