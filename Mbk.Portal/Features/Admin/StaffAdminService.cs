using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Admin;

/// <summary>A person's role in one office (<see cref="StaffRoles.Advisor"/> or <see cref="StaffRoles.Manager"/>).</summary>
public sealed record OfficeRole(int OfficeId, string Role);

public sealed record StaffRow(
    string Id,
    string Email,
    string DisplayName,
    bool IsActive,
    bool IsAdmin,
    IReadOnlyList<OfficeRole> Offices);

/// <summary>An account as the admin enters it: Admin is global, every office membership has its own role.</summary>
public sealed record StaffInput(string Email, string DisplayName, bool IsAdmin, IReadOnlyList<OfficeRole> Offices)
{
    /// <summary>The same role in each of <paramref name="officeIds"/>.</summary>
    public static StaffInput InOffices(string email, string displayName, string role, params int[] officeIds) =>
        new(email, displayName, IsAdmin: false, officeIds.Select(id => new OfficeRole(id, role)).ToList());
}

/// <summary>
/// Staff accounts for admins: create, change roles and offices, deactivate, set a new password.
/// Each operation runs in its own scope, so a long-lived admin screen never holds a stale DbContext.
/// </summary>
public sealed class StaffAdminService(IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive })
            .ToListAsync(cancellationToken);
        var admins = (await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == StaffRoles.Admin
                             select ur.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var memberships = await db.OfficeMemberships.AsNoTracking().ToListAsync(cancellationToken);
        return users.Select(u => new StaffRow(
                u.Id,
                u.Email ?? string.Empty,
                u.DisplayName,
                u.IsActive,
                admins.Contains(u.Id),
                memberships.Where(m => m.UserId == u.Id).OrderBy(m => m.OfficeId).Select(m => new OfficeRole(m.OfficeId, m.Role)).ToList()))
            .ToList();
    }

    public async Task<string> CreateAsync(StaffContext actor, StaffInput input, string password, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            CurrentOfficeId = (input.Offices.Count > 0 ? input.Offices[0].OfficeId : null),
        };
        foreach (var office in input.Offices)
        {
            user.Offices.Add(new StaffOfficeMembership { OfficeId = office.OfficeId, Role = office.Role });
        }

        Check(await users.CreateAsync(user, password));
        if (input.IsAdmin)
        {
            Check(await users.AddToRoleAsync(user, StaffRoles.Admin));
        }

        return user.Id;
    }

    public async Task UpdateAsync(StaffContext actor, string userId, StaffInput input, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        if (userId == actor.UserId && !input.IsAdmin)
        {
            throw new DomainException("Du kan inte ta bort din egen administratörsroll (då kan ingen administrera portalen).");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.Users.Include(u => u.Offices).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainException("Kontot finns inte.");
        user.DisplayName = input.DisplayName.Trim();
        if (!string.Equals(user.Email, input.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            Check(await users.SetEmailAsync(user, input.Email.Trim()));
            Check(await users.SetUserNameAsync(user, input.Email.Trim()));
        }

        user.Offices.RemoveAll(m => input.Offices.All(o => o.OfficeId != m.OfficeId));
        foreach (var office in input.Offices)
        {
            if (user.Offices.Find(m => m.OfficeId == office.OfficeId) is { } membership)
            {
                membership.Role = office.Role;
            }
            else
            {
                user.Offices.Add(new StaffOfficeMembership { UserId = user.Id, OfficeId = office.OfficeId, Role = office.Role });
            }
        }

        if (user.CurrentOfficeId is not { } current || input.Offices.All(o => o.OfficeId != current))
        {
            user.CurrentOfficeId = (input.Offices.Count > 0 ? input.Offices[0].OfficeId : null);
        }

        Check(await users.UpdateAsync(user));
        var isAdmin = await users.IsInRoleAsync(user, StaffRoles.Admin);
        if (input.IsAdmin && !isAdmin)
        {
            Check(await users.AddToRoleAsync(user, StaffRoles.Admin));
        }
        else if (!input.IsAdmin && isAdmin)
        {
            Check(await users.RemoveFromRoleAsync(user, StaffRoles.Admin));
        }

        // Role and membership changes reach open sessions at the next security-stamp check.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task SetActiveAsync(StaffContext actor, string userId, bool active, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        if (userId == actor.UserId && !active)
        {
            throw new DomainException("Du kan inte inaktivera ditt eget konto.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("Kontot finns inte.");
        user.IsActive = active;
        // Lockout keeps a deactivated account out at sign-in; the new security stamp ends its open sessions.
        user.LockoutEnabled = true;
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ResetPasswordAsync(StaffContext actor, string userId, string newPassword, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("Kontot finns inte.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword));
    }

    private static void Validate(StaffInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            throw new DomainException("Fyll i e-postadressen.");
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            throw new DomainException("Fyll i namnet.");
        }

        if (input.Offices.Count == 0 && !input.IsAdmin)
        {
            throw new DomainException("Välj minst ett kontor.");
        }

        if (input.Offices.FirstOrDefault(o => !StaffRoles.OfficeRoles.Contains(o.Role)) is { } unknown)
        {
            throw new DomainException($"Okänd roll på kontoret: {unknown.Role}.");
        }

        if (input.Offices.GroupBy(o => o.OfficeId).Any(g => g.Count() > 1))
        {
            throw new DomainException("Ett kontor kan bara väljas en gång, med en roll.");
        }
    }

    private static void RequireAdmin(StaffContext actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            throw new DomainException("Bara en administratör kan hantera konton.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
