using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Runs at start-up: applies migrations, makes sure the roles exist, creates the first admin from configuration
/// when there is no account at all, and (when <c>Seed:DemoData</c> is on) the demo office. Every step checks
/// before it writes, so a second start changes nothing.
/// </summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    PersistenceExtensions.DatabaseSettings databaseSettings,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoOfficeSlug = "rinkeby";
    public const string DemoPassword = "Demo-2026";

    public static IReadOnlyList<(string Email, string Name, string Role)> DemoStaff { get; } =
    [
        ("chef@demo.mbk.se", "Maria Enhetschef", StaffRoles.Manager),
        ("vagledare@demo.mbk.se", "Ahmed Samhällsvägledare", StaffRoles.Advisor),
        ("vagledare2@demo.mbk.se", "Sara Samhällsvägledare", StaffRoles.Advisor),
        ("admin@demo.mbk.se", "Admin Förvaltningen", StaffRoles.Admin),
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Several instances may start together on one PostgreSQL database: the first migrates and seeds while the others
        // wait here, then find everything done (every step below checks before it writes).
        await using var startupLock = await StartupLock.AcquireAsync(databaseSettings, dbFactory, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.MigrateAsync(cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        // Only global roles are Identity roles; Manager and Advisor are held per office membership.
        foreach (var role in StaffRoles.GlobalRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (configuration.GetValue<bool>("Seed:DemoData"))
        {
            await SeedDemoAsync(users, cancellationToken);
        }

        await BootstrapAdminAsync(users, cancellationToken);
    }

    private async Task BootstrapAdminAsync(UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            LogNoAdmin(logger);
            return;
        }

        var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administratör" };
        await CreateAsync(users, admin, password, StaffRoles.Admin);
        LogAdminCreated(logger, email);
    }

    private async Task SeedDemoAsync(UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Slug == DemoOfficeSlug, cancellationToken);
        if (office is null)
        {
            office = Office.Create("Medborgarkontoret Rinkeby", DemoOfficeSlug);
            db.Offices.Add(office);
            await db.SaveChangesAsync(cancellationToken);
            office.SetMessageOfTheDay("Välkomna! Morgonmöte kl. 08.30 i fikarummet.", "Maria Enhetschef", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            LogDemoSeeded(logger, office.Name);
        }

        await OfficeCommands.EnsureStandardSetupAsync(db, office.Id, cancellationToken);
        if (configuration.GetValue<bool>("Seed:DemoAlmanac"))
        {
            await DemoAlmanac.SeedAsync(db, office, clock.GetUtcNow(), cancellationToken);
        }

        foreach (var (email, name, role) in DemoStaff)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CurrentOfficeId = office.Id };
            var isGlobal = StaffRoles.GlobalRoles.Contains(role);
            user.Offices.Add(new StaffOfficeMembership { OfficeId = office.Id, Role = isGlobal ? StaffRoles.Advisor : role });
            await CreateAsync(users, user, DemoPassword, isGlobal ? role : null);
        }
    }

    private static async Task CreateAsync(UserManager<StaffUser> users, StaffUser user, string password, string? globalRole)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {user.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        if (globalRole is null)
        {
            return;
        }

        var inRole = await users.AddToRoleAsync(user, globalRole);
        if (!inRole.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {user.Email} the role {globalRole}: {string.Join(" ", inRole.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff accounts exist and Bootstrap:AdminEmail/Bootstrap:AdminPassword are not set: nobody can sign in until they are (see README).")]
    private static partial void LogNoAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin account {Email} from configuration")]
    private static partial void LogAdminCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo office {Office}")]
    private static partial void LogDemoSeeded(ILogger logger, string office);
}
