using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mbk.Portal.Features.Identity;

/// <summary>Why this circuit's sign-in ended, for the login page to say (scoped per circuit).</summary>
public sealed class SessionRevocation
{
    public bool Revoked { get; set; }
}

/// <summary>
/// Checks an open circuit's user against the database every <c>Identity:RevalidationInterval</c> (one minute by
/// default): a deactivated account or a changed security stamp (roles or office memberships changed, password reset)
/// ends the circuit's sign-in, so a change made by an administrator takes effect on open screens without a reload.
/// </summary>
internal sealed class StaffRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    IOptions<SecurityStampValidatorOptions> stampOptions,
    SessionRevocation revocation) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => stampOptions.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var valid = await IsStillValidAsync(authenticationState.User);
        if (!valid)
        {
            revocation.Revoked = true;
        }

        return valid;
    }

    private async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
