using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OfficeMembershipRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "StaffOfficeMemberships",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Advisor");

            // Roles move from the account to each office membership: every membership gets the account's role
            // (Manager wins over Advisor). Admin stays a global Identity role; Manager and Advisor stop being ones.
            migrationBuilder.Sql("""
                UPDATE StaffOfficeMemberships SET Role = 'Manager'
                WHERE UserId IN (SELECT ur.UserId FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'Manager');
                DELETE FROM AspNetUserRoles WHERE RoleId IN (SELECT Id FROM AspNetRoles WHERE Name IN ('Manager', 'Advisor'));
                DELETE FROM AspNetRoles WHERE Name IN ('Manager', 'Advisor');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one role per account: Manager if the person manages any office, otherwise Advisor.
            migrationBuilder.Sql("""
                INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp)
                SELECT 'role-manager', 'Manager', 'MANAGER', 'role-manager' WHERE NOT EXISTS (SELECT 1 FROM AspNetRoles WHERE Name = 'Manager');
                INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp)
                SELECT 'role-advisor', 'Advisor', 'ADVISOR', 'role-advisor' WHERE NOT EXISTS (SELECT 1 FROM AspNetRoles WHERE Name = 'Advisor');
                INSERT OR IGNORE INTO AspNetUserRoles (UserId, RoleId)
                SELECT DISTINCT m.UserId, (SELECT Id FROM AspNetRoles WHERE Name = 'Manager') FROM StaffOfficeMemberships m WHERE m.Role = 'Manager';
                INSERT OR IGNORE INTO AspNetUserRoles (UserId, RoleId)
                SELECT DISTINCT m.UserId, (SELECT Id FROM AspNetRoles WHERE Name = 'Advisor') FROM StaffOfficeMemberships m
                WHERE NOT EXISTS (SELECT 1 FROM StaffOfficeMemberships x WHERE x.UserId = m.UserId AND x.Role = 'Manager');
                """);

            migrationBuilder.DropColumn(
                name: "Role",
                table: "StaffOfficeMemberships");
        }
    }
}
