using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TallySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuestionTallyDays",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Granularity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuestionCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionTallyDays", x => new { x.OfficeId, x.Day, x.Granularity, x.QuestionCategoryId });
                });

            migrationBuilder.CreateTable(
                name: "QuestionTallyHours",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Granularity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Unlinked = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionTallyHours", x => new { x.OfficeId, x.Hour, x.Granularity });
                });

            // The database keeps both summaries equal to the GROUP BY of the tallies: every insert adds, every delete
            // takes away (a sum that reaches 0 is removed, so a day or hour without tallies has no row, as before), an
            // update does both. The office-local day comes from .NET: mbk_local_day (SqliteFunctions), registered on
            // every connection the portal opens.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_QuestionTallies_Summaries_Insert" AFTER INSERT ON "QuestionTallies"
                BEGIN
                    INSERT INTO "QuestionTallyDays" ("OfficeId", "Day", "Granularity", "QuestionCategoryId", "Count")
                    VALUES (NEW."OfficeId", mbk_local_day(NEW."RecordedAt", (SELECT "TimeZoneId" FROM "Offices" WHERE "Id" = NEW."OfficeId")),
                            NEW."Granularity", NEW."QuestionCategoryId", NEW."Count")
                    ON CONFLICT ("OfficeId", "Day", "Granularity", "QuestionCategoryId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "QuestionTallyHours" ("OfficeId", "Hour", "Granularity", "Count", "Unlinked")
                    VALUES (NEW."OfficeId", NEW."RecordedAt" / 36000000000, NEW."Granularity", NEW."Count",
                            CASE WHEN NEW."TicketId" IS NULL THEN NEW."Count" ELSE 0 END)
                    ON CONFLICT ("OfficeId", "Hour", "Granularity") DO UPDATE SET "Count" = "Count" + excluded."Count", "Unlinked" = "Unlinked" + excluded."Unlinked";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_QuestionTallies_Summaries_Delete" AFTER DELETE ON "QuestionTallies"
                BEGIN
                    UPDATE "QuestionTallyDays" SET "Count" = "Count" - OLD."Count"
                    WHERE "OfficeId" = OLD."OfficeId" AND "Granularity" = OLD."Granularity" AND "QuestionCategoryId" = OLD."QuestionCategoryId"
                      AND "Day" = mbk_local_day(OLD."RecordedAt", (SELECT "TimeZoneId" FROM "Offices" WHERE "Id" = OLD."OfficeId"));
                    DELETE FROM "QuestionTallyDays"
                    WHERE "OfficeId" = OLD."OfficeId" AND "Granularity" = OLD."Granularity" AND "QuestionCategoryId" = OLD."QuestionCategoryId"
                      AND "Day" = mbk_local_day(OLD."RecordedAt", (SELECT "TimeZoneId" FROM "Offices" WHERE "Id" = OLD."OfficeId")) AND "Count" = 0;
                    UPDATE "QuestionTallyHours" SET "Count" = "Count" - OLD."Count",
                        "Unlinked" = "Unlinked" - CASE WHEN OLD."TicketId" IS NULL THEN OLD."Count" ELSE 0 END
                    WHERE "OfficeId" = OLD."OfficeId" AND "Hour" = OLD."RecordedAt" / 36000000000 AND "Granularity" = OLD."Granularity";
                    DELETE FROM "QuestionTallyHours"
                    WHERE "OfficeId" = OLD."OfficeId" AND "Hour" = OLD."RecordedAt" / 36000000000 AND "Granularity" = OLD."Granularity" AND "Count" = 0;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_QuestionTallies_Summaries_Update"
                AFTER UPDATE OF "OfficeId", "RecordedAt", "Granularity", "QuestionCategoryId", "Count", "TicketId" ON "QuestionTallies"
                BEGIN
                    UPDATE "QuestionTallyDays" SET "Count" = "Count" - OLD."Count"
                    WHERE "OfficeId" = OLD."OfficeId" AND "Granularity" = OLD."Granularity" AND "QuestionCategoryId" = OLD."QuestionCategoryId"
                      AND "Day" = mbk_local_day(OLD."RecordedAt", (SELECT "TimeZoneId" FROM "Offices" WHERE "Id" = OLD."OfficeId"));
                    DELETE FROM "QuestionTallyDays"
                    WHERE "OfficeId" = OLD."OfficeId" AND "Granularity" = OLD."Granularity" AND "QuestionCategoryId" = OLD."QuestionCategoryId"
                      AND "Day" = mbk_local_day(OLD."RecordedAt", (SELECT "TimeZoneId" FROM "Offices" WHERE "Id" = OLD."OfficeId")) AND "Count" = 0;
                    UPDATE "QuestionTallyHours" SET "Count" = "Count" - OLD."Count",
                        "Unlinked" = "Unlinked" - CASE WHEN OLD."TicketId" IS NULL THEN OLD."Count" ELSE 0 END
                    WHERE "OfficeId" = OLD."OfficeId" AND "Hour" = OLD."RecordedAt" / 36000000000 AND "Granularity" = OLD."Granularity";
                    DELETE FROM "QuestionTallyHours"
                    WHERE "OfficeId" = OLD."OfficeId" AND "Hour" = OLD."RecordedAt" / 36000000000 AND "Granularity" = OLD."Granularity" AND "Count" = 0;
                    INSERT INTO "QuestionTallyDays" ("OfficeId", "Day", "Granularity", "QuestionCategoryId", "Count")
                    VALUES (NEW."OfficeId", mbk_local_day(NEW."RecordedAt", (SELECT "TimeZoneId" FROM "Offices" WHERE "Id" = NEW."OfficeId")),
                            NEW."Granularity", NEW."QuestionCategoryId", NEW."Count")
                    ON CONFLICT ("OfficeId", "Day", "Granularity", "QuestionCategoryId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "QuestionTallyHours" ("OfficeId", "Hour", "Granularity", "Count", "Unlinked")
                    VALUES (NEW."OfficeId", NEW."RecordedAt" / 36000000000, NEW."Granularity", NEW."Count",
                            CASE WHEN NEW."TicketId" IS NULL THEN NEW."Count" ELSE 0 END)
                    ON CONFLICT ("OfficeId", "Hour", "Granularity") DO UPDATE SET "Count" = "Count" + excluded."Count", "Unlinked" = "Unlinked" + excluded."Unlinked";
                END;
                """);

            // The tallies recorded before this migration.
            migrationBuilder.Sql("""
                INSERT INTO "QuestionTallyDays" ("OfficeId", "Day", "Granularity", "QuestionCategoryId", "Count")
                SELECT t."OfficeId", mbk_local_day(t."RecordedAt", o."TimeZoneId"), t."Granularity", t."QuestionCategoryId", SUM(t."Count")
                FROM "QuestionTallies" AS t JOIN "Offices" AS o ON o."Id" = t."OfficeId"
                GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "QuestionTallyHours" ("OfficeId", "Hour", "Granularity", "Count", "Unlinked")
                SELECT "OfficeId", "RecordedAt" / 36000000000, "Granularity", SUM("Count"), SUM(CASE WHEN "TicketId" IS NULL THEN "Count" ELSE 0 END)
                FROM "QuestionTallies"
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_QuestionTallies_Summaries_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_QuestionTallies_Summaries_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_QuestionTallies_Summaries_Update";""");

            migrationBuilder.DropTable(
                name: "QuestionTallyDays");

            migrationBuilder.DropTable(
                name: "QuestionTallyHours");
        }
    }
}
