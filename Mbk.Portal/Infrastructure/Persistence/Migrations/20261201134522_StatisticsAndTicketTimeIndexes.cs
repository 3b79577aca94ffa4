using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsAndTicketTimeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuestionTallies_OfficeId_RecordedAt",
                table: "QuestionTallies");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OfficeId_TakenAt",
                table: "Tickets",
                columns: new[] { "OfficeId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionTallies_OfficeId_RecordedAt_Covering",
                table: "QuestionTallies",
                columns: new[] { "OfficeId", "RecordedAt", "Granularity", "QuestionCategoryId", "Count", "TicketId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_OfficeId_TakenAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_QuestionTallies_OfficeId_RecordedAt_Covering",
                table: "QuestionTallies");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionTallies_OfficeId_RecordedAt",
                table: "QuestionTallies",
                columns: new[] { "OfficeId", "RecordedAt" });
        }
    }
}
