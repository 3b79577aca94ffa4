using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "ReferralTargets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "QuestionTallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "QuestionTallies",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Granularity",
                table: "QuestionTallies",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "QuestionTallies",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "QuestionTallies",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "QuestionCategories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DoorCounterKeyHash",
                table: "Offices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PassagesPerVisitor",
                table: "Offices",
                type: "TEXT",
                precision: 9,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "StaffShare",
                table: "Offices",
                type: "TEXT",
                precision: 9,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "DoorCounterReadings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Reading = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PassagesPerVisitor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    StaffShare = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorCounterReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoorCounterReadings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionCategoryNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionCategoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionCategoryNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionCategoryNames_QuestionCategories_QuestionCategoryId",
                        column: x => x.QuestionCategoryId,
                        principalTable: "QuestionCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralTargetNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferralTargetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralTargetNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralTargetNames_ReferralTargets_ReferralTargetId",
                        column: x => x.ReferralTargetId,
                        principalTable: "ReferralTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitorGenderEstimates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Women = table.Column<int>(type: "INTEGER", nullable: false),
                    Men = table.Column<int>(type: "INTEGER", nullable: false),
                    Other = table.Column<int>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitorGenderEstimates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitorGenderEstimates_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => new { x.SurveyId, x.Order });
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    QuestionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    SurveyResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => new { x.SurveyResponseId, x.QuestionOrder });
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DoorCounterReadings_OfficeId_Start",
                table: "DoorCounterReadings",
                columns: new[] { "OfficeId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_DoorCounterReadings_OfficeId_Start_End",
                table: "DoorCounterReadings",
                columns: new[] { "OfficeId", "Start", "End" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionCategoryNames_QuestionCategoryId",
                table: "QuestionCategoryNames",
                column: "QuestionCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralTargetNames_ReferralTargetId",
                table: "ReferralTargetNames",
                column: "ReferralTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId",
                table: "SurveyResponses",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_OfficeId",
                table: "Surveys",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitorGenderEstimates_OfficeId_Day",
                table: "VisitorGenderEstimates",
                columns: new[] { "OfficeId", "Day" },
                unique: true);

            // Categories and referral targets that existed before name history: their current name is valid from the start.
            migrationBuilder.Sql("INSERT INTO QuestionCategoryNames (QuestionCategoryId, Name, ValidFrom) SELECT Id, Name, 0 FROM QuestionCategories;");
            migrationBuilder.Sql("INSERT INTO ReferralTargetNames (ReferralTargetId, Name, ValidFrom) SELECT Id, Name, 0 FROM ReferralTargets;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DoorCounterReadings");

            migrationBuilder.DropTable(
                name: "QuestionCategoryNames");

            migrationBuilder.DropTable(
                name: "ReferralTargetNames");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "VisitorGenderEstimates");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "ReferralTargets");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "QuestionTallies");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "QuestionTallies");

            migrationBuilder.DropColumn(
                name: "Granularity",
                table: "QuestionTallies");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "QuestionTallies");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "QuestionTallies");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "QuestionCategories");

            migrationBuilder.DropColumn(
                name: "DoorCounterKeyHash",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "PassagesPerVisitor",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "StaffShare",
                table: "Offices");
        }
    }
}
