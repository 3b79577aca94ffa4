using System.Security.Claims;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Identity;

/// <summary>An office the person belongs to, with their role there (<see cref="StaffRoles.OfficeRoles"/>).</summary>
public sealed record OfficeSummary(int Id, string Name, string Slug, string Role = StaffRoles.Advisor)
{
    public bool IsManager => Role == StaffRoles.Manager;
}

/// <summary>
/// Who is signed in on this screen and which office they are working in. <paramref name="GlobalRoles"/> are the roles
/// that hold everywhere (Admin); the role in an office comes from the membership (<see cref="OfficeSummary.Role"/>).
/// </summary>
public sealed record StaffContext(
    string UserId,
    string DisplayName,
    IReadOnlySet<string> GlobalRoles,
    OfficeSummary? CurrentOffice,
    IReadOnlyList<OfficeSummary> Offices)
{
    /// <summary>The roles in effect now: the global ones plus the role in the current office.</summary>
    public IReadOnlySet<string> Roles =>
        CurrentOffice is { } office ? GlobalRoles.Append(office.Role).ToHashSet() : GlobalRoles;

    public bool IsAdmin => GlobalRoles.Contains(StaffRoles.Admin);

    /// <summary>Manager of the current office (an admin counts as manager everywhere).</summary>
    public bool IsManager => IsAdmin || CurrentOffice is { IsManager: true };

    /// <summary>Manager of the current office by membership, not by being an admin (e.g. for visitors' contact details).</summary>
    public bool IsOfficeManager => CurrentOffice is { IsManager: true };

    /// <summary>Manager of <paramref name="officeId"/> by membership, or an admin.</summary>
    public bool IsManagerOf(int officeId) => IsAdmin || Offices.Any(o => o.Id == officeId && o.IsManager);

    public bool BelongsTo(int officeId) => Offices.Any(o => o.Id == officeId);
}

/// <summary>
/// Scoped per circuit: resolves the signed-in staff member once from the authentication state and the database.
/// </summary>
public sealed class StaffSession : IDisposable
{
    private readonly AuthenticationStateProvider authentication;
    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private StaffContext? _current;

    public StaffSession(AuthenticationStateProvider authentication, IDbContextFactory<PortalDbContext> dbFactory)
    {
        this.authentication = authentication;
        this.dbFactory = dbFactory;
        // Revalidation (or a sign-out) changes the state: forget the cached roles and offices.
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;

    private void OnAuthenticationStateChanged(Task<AuthenticationState> state) => _current = null;

    public async Task<StaffContext?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        _current = await LoadAsync(dbFactory, userId, cancellationToken);
        return _current;
    }

    /// <summary>Requires a signed-in staff member; pages behind [Authorize] always have one.</summary>
    public async Task<StaffContext> RequireAsync(CancellationToken cancellationToken = default)
        => await GetAsync(cancellationToken) ?? throw new InvalidOperationException("Ingen inloggad användare.");

    public async Task SwitchOfficeAsync(int officeId, CancellationToken cancellationToken = default)
    {
        var staff = await RequireAsync(cancellationToken);
        if (!staff.BelongsTo(officeId))
        {
            throw new Mbk.Domain.Common.DomainException("Du tillhör inte det kontoret.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == staff.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentOfficeId, officeId), cancellationToken);
        _current = null;
    }

    public static async Task<StaffContext?> LoadAsync(IDbContextFactory<PortalDbContext> dbFactory, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.CurrentOfficeId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        // Only global roles live in Identity's role tables; Manager/Advisor are per office (the membership).
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(cancellationToken);
        var offices = await (from m in db.OfficeMemberships
                             join o in db.Offices on m.OfficeId equals o.Id
                             where m.UserId == userId && o.IsActive
                             orderby o.Name
                             select new OfficeSummary(o.Id, o.Name, o.Slug, m.Role)).ToListAsync(cancellationToken);
        var current = offices.FirstOrDefault(o => o.Id == user.CurrentOfficeId) ?? offices.FirstOrDefault();
        var globalRoles = roles.OfType<string>().Where(r => StaffRoles.GlobalRoles.Contains(r)).ToHashSet();
        return new StaffContext(user.Id, user.DisplayName, globalRoles, current, offices);
    }
}
