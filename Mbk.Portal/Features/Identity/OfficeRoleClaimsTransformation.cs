using System.Security.Claims;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Identity;

/// <summary>
/// Gives the signed-in principal the role claim of its <em>current office</em> (Manager or Advisor), so
/// <c>[Authorize(Roles = StaffRoles.ManagerOrAdmin)]</c> means "manager of the office I am working in". Office roles
/// found in the cookie (issued before roles moved to the memberships) are dropped; the global Admin role stays.
/// Switching office reloads the page, so a new circuit starts from a freshly transformed principal.
/// </summary>
internal sealed class OfficeRoleClaimsTransformation(IDbContextFactory<PortalDbContext> dbFactory) : IClaimsTransformation
{
    public const string OfficeClaimType = "mbk:office";

    // Authentication may run more than once per request; the database is asked once per principal (scoped service).
    private ClaimsPrincipal? _source;
    private ClaimsPrincipal? _result;

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.HasClaim(c => c.Type == OfficeClaimType))
        {
            return principal;
        }

        if (ReferenceEquals(principal, _source) && _result is not null)
        {
            return _result;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var staff = userId is null ? null : await StaffSession.LoadAsync(dbFactory, userId, CancellationToken.None);
        var transformed = identity.Clone();
        foreach (var claim in transformed.FindAll(c => c.Type == transformed.RoleClaimType && StaffRoles.OfficeRoles.Contains(c.Value)).ToList())
        {
            transformed.RemoveClaim(claim);
        }

        if (staff?.CurrentOffice is { } office)
        {
            transformed.AddClaim(new Claim(transformed.RoleClaimType, office.Role));
            transformed.AddClaim(new Claim(OfficeClaimType, office.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        else
        {
            transformed.AddClaim(new Claim(OfficeClaimType, string.Empty));
        }

        _source = principal;
        _result = new ClaimsPrincipal(principal.Identities.Select(i => ReferenceEquals(i, identity) ? transformed : i));
        return _result;
    }
}
