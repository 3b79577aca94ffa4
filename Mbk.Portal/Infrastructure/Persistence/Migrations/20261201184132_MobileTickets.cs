using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MobileTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MobileCodeExpiresAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MobileCodeHash",
                table: "Tickets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MobileCodeHash",
                table: "Tickets",
                column: "MobileCodeHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_MobileCodeHash",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MobileCodeExpiresAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MobileCodeHash",
                table: "Tickets");
        }
    }
}
