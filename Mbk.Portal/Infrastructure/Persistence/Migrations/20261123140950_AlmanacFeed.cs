using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AlmanacFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CalendarEvents_Uid",
                table: "CalendarEvents");

            migrationBuilder.CreateTable(
                name: "AlmanacFeedSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlmanacFeedSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlmanacFeedSubscriptions_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEvents_OfficeId_Uid",
                table: "CalendarEvents",
                columns: new[] { "OfficeId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlmanacFeedSubscriptions_OfficeId",
                table: "AlmanacFeedSubscriptions",
                column: "OfficeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlmanacFeedSubscriptions_TokenHash",
                table: "AlmanacFeedSubscriptions",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlmanacFeedSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_CalendarEvents_OfficeId_Uid",
                table: "CalendarEvents");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEvents_Uid",
                table: "CalendarEvents",
                column: "Uid",
                unique: true);
        }
    }
}
