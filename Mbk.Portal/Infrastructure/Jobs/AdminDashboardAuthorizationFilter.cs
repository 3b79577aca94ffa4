using Hangfire.Dashboard;
using Mbk.Portal.Features.Identity;

namespace Mbk.Portal.Infrastructure.Jobs;

/// <summary>
/// /hangfire is for administrators: anyone else is refused (Hangfire answers 401 to the anonymous and 403 to a
/// signed-in non-admin). Replaces Hangfire's local-requests-only default.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRoles.Admin);
    }
}
