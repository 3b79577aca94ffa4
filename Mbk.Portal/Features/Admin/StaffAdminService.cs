using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Admin;

public sealed record StaffRow(
    string Id,
    string Email,
    string DisplayName,
    bool IsActive,
    IReadOnlyList<string> Roles,
    IReadOnlyList<int> OfficeIds);

public sealed record StaffInput(string Email, string DisplayName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<int> OfficeIds);

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
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var memberships = await db.OfficeMemberships.AsNoTracking().ToListAsync(cancellationToken);
        return users.Select(u => new StaffRow(
                u.Id,
                u.Email ?? string.Empty,
                u.DisplayName,
                u.IsActive,
                roles.Where(r => r.UserId == u.Id && r.Name is not null).Select(r => r.Name!).Order().ToList(),
                memberships.Where(m => m.UserId == u.Id).Select(m => m.OfficeId).Order().ToList()))
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
            CurrentOfficeId = input.OfficeIds.FirstOrDefault() is var first and > 0 ? first : null,
        };
        foreach (var officeId in input.OfficeIds.Distinct())
        {
            user.Offices.Add(new StaffOfficeMembership { OfficeId = officeId });
        }

        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, input.Roles.Distinct()));
        return user.Id;
    }

    public async Task UpdateAsync(StaffContext actor, string userId, StaffInput input, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        if (userId == actor.UserId && !input.Roles.Contains(StaffRoles.Admin))
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

        user.Offices.RemoveAll(m => !input.OfficeIds.Contains(m.OfficeId));
        foreach (var officeId in input.OfficeIds.Where(id => user.Offices.All(m => m.OfficeId != id)).Distinct())
        {
            user.Offices.Add(new StaffOfficeMembership { UserId = user.Id, OfficeId = officeId });
        }

        if (user.CurrentOfficeId is { } current && !input.OfficeIds.Contains(current))
        {
            user.CurrentOfficeId = input.OfficeIds.FirstOrDefault() is var first and > 0 ? first : null;
        }

        Check(await users.UpdateAsync(user));
        var existingRoles = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, existingRoles.Except(input.Roles)));
        Check(await users.AddToRolesAsync(user, input.Roles.Except(existingRoles).Distinct()));
        // Role changes reach open sessions at the next security-stamp check.
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

        if (input.Roles.Count == 0)
        {
            throw new DomainException("Välj minst en roll.");
        }

        if (input.Roles.Except(StaffRoles.All).FirstOrDefault() is { } unknown)
        {
            throw new DomainException($"Okänd roll: {unknown}.");
        }

        if (input.OfficeIds.Count == 0 && !input.Roles.Contains(StaffRoles.Admin))
        {
            throw new DomainException("Välj minst ett kontor.");
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
