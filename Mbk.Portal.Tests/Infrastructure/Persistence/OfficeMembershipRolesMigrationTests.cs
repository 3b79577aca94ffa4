using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// The migration OfficeMembershipRoles on accounts with one global role: every membership gets the account's role,
/// Admin stays global, and Manager/Advisor stop being Identity roles.
/// </summary>
public sealed class OfficeMembershipRolesMigrationTests : IAsyncLifetime
{
    private const string PreviousMigration = "20261201134522_StatisticsAndTicketTimeIndexes";
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldGiveEveryMembershipTheAccountsRoleAndKeepAdminGlobal()
    {
        var first = await _database.AddOfficeAsync("Medborgarkontoret Ett", "ett");
        var second = await _database.AddOfficeAsync("Medborgarkontoret Två", "tva");
        await using (var db = _database.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM AspNetRoles;
                INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ('r-a', 'Advisor', 'ADVISOR'), ('r-m', 'Manager', 'MANAGER'), ('r-x', 'Admin', 'ADMIN');
                """);
            foreach (var (id, roles) in new[] { ("chef", new[] { "r-m" }), ("vagledare", ["r-a"]), ("admin", ["r-x"]), ("chefadmin", ["r-m", "r-x"]) })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO AspNetUsers (Id, DisplayName, IsActive, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                    VALUES ({id}, {id}, 1, 1, 0, 0, 0, 0);
                    """);
                await db.Database.ExecuteSqlAsync($"INSERT INTO StaffOfficeMemberships (UserId, OfficeId) VALUES ({id}, {first.Id}), ({id}, {second.Id});");
                foreach (var role in roles)
                {
                    await db.Database.ExecuteSqlAsync($"INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ({id}, {role});");
                }
            }

            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using (var db = _database.CreateDbContext())
        {
            var memberships = await db.OfficeMemberships.AsNoTracking().ToListAsync();
            memberships.Where(m => m.UserId == "chef").ShouldAllBe(m => m.Role == StaffRoles.Manager);
            memberships.Where(m => m.UserId == "chefadmin").ShouldAllBe(m => m.Role == StaffRoles.Manager);
            memberships.Where(m => m.UserId == "vagledare").ShouldAllBe(m => m.Role == StaffRoles.Advisor);
            memberships.Where(m => m.UserId == "admin").ShouldAllBe(m => m.Role == StaffRoles.Advisor);
            memberships.Count.ShouldBe(8);
            (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe([StaffRoles.Admin]);
            (await db.UserRoles.OrderBy(r => r.UserId).Select(r => r.UserId).ToListAsync()).ShouldBe(["admin", "chefadmin"]);
        }

        var chefAdmin = await StaffSession.LoadAsync(_database, "chefadmin", CancellationToken.None);
        chefAdmin!.GlobalRoles.ShouldBe([StaffRoles.Admin]);
        chefAdmin.Offices.ShouldAllBe(o => o.IsManager);
    }
}
