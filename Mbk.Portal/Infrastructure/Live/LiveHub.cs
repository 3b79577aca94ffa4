using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>
/// SignalR endpoint at <c>/hubs/live</c> for hub clients (staff only). Each connection joins the groups of the
/// offices its user belongs to and receives every office event, with the event's topic as the method name.
/// </summary>
[Authorize]
public sealed class LiveHub(IDbContextFactory<PortalDbContext> dbFactory) : Hub
{
    public const string Path = "/hubs/live";

    public static string OfficeGroup(int officeId) => $"office-{officeId}";

    public override async Task OnConnectedAsync()
    {
        var userId = Context.UserIdentifier;
        if (userId is null)
        {
            Context.Abort();
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        var officeIds = await db.OfficeMemberships
            .Where(m => m.UserId == userId)
            .Select(m => m.OfficeId)
            .ToListAsync(Context.ConnectionAborted);
        foreach (var officeId in officeIds)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, OfficeGroup(officeId), Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
