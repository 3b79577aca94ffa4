using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class QueueHeadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_OfficeId_ServiceDay_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_PlaceId",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OfficeId_ServiceDay_Status_TakenAt_Number_Id",
                table: "Tickets",
                columns: new[] { "OfficeId", "ServiceDay", "Status", "TakenAt", "Number", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_PlaceId_Status",
                table: "Tickets",
                columns: new[] { "PlaceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TargetPlaceId_Status_OfficeId_ServiceDay_TakenAt_Nu~",
                table: "Tickets",
                columns: new[] { "TargetPlaceId", "Status", "OfficeId", "ServiceDay", "TakenAt", "Number", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_OfficeId_ServiceDay_Status_TakenAt_Number_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_PlaceId_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_TargetPlaceId_Status_OfficeId_ServiceDay_TakenAt_Nu~",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OfficeId_ServiceDay_Status",
                table: "Tickets",
                columns: new[] { "OfficeId", "ServiceDay", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_PlaceId",
                table: "Tickets",
                column: "PlaceId");
        }
    }
}
