using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations.PostgreSql
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
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Granularity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuestionCategoryId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionTallyDays", x => new { x.OfficeId, x.Day, x.Granularity, x.QuestionCategoryId });
                });

            migrationBuilder.CreateTable(
                name: "QuestionTallyHours",
                columns: table => new
                {
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    Hour = table.Column<long>(type: "bigint", nullable: false),
                    Granularity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Unlinked = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionTallyHours", x => new { x.OfficeId, x.Hour, x.Granularity });
                });

            // The database keeps both summaries equal to the GROUP BY of the tallies: every insert adds, every delete
            // takes away (a sum that reaches 0 is removed, so a day or hour without tallies has no row, as before), an
            // update does both. The hour number is the one HourlyCounts uses (hours since 0001-01-01 UTC).
            migrationBuilder.Sql("""
                CREATE FUNCTION mbk_question_tally_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    zone text;
                BEGIN
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        SELECT "TimeZoneId" INTO zone FROM "Offices" WHERE "Id" = OLD."OfficeId";
                        UPDATE "QuestionTallyDays" SET "Count" = "Count" - OLD."Count"
                        WHERE "OfficeId" = OLD."OfficeId" AND "Day" = (OLD."RecordedAt" AT TIME ZONE zone)::date
                          AND "Granularity" = OLD."Granularity" AND "QuestionCategoryId" = OLD."QuestionCategoryId";
                        DELETE FROM "QuestionTallyDays"
                        WHERE "OfficeId" = OLD."OfficeId" AND "Day" = (OLD."RecordedAt" AT TIME ZONE zone)::date
                          AND "Granularity" = OLD."Granularity" AND "QuestionCategoryId" = OLD."QuestionCategoryId" AND "Count" = 0;
                        UPDATE "QuestionTallyHours" SET "Count" = "Count" - OLD."Count",
                            "Unlinked" = "Unlinked" - CASE WHEN OLD."TicketId" IS NULL THEN OLD."Count" ELSE 0 END
                        WHERE "OfficeId" = OLD."OfficeId" AND "Granularity" = OLD."Granularity"
                          AND "Hour" = floor(extract(epoch FROM OLD."RecordedAt") / 3600)::bigint + 17259888;
                        DELETE FROM "QuestionTallyHours"
                        WHERE "OfficeId" = OLD."OfficeId" AND "Granularity" = OLD."Granularity"
                          AND "Hour" = floor(extract(epoch FROM OLD."RecordedAt") / 3600)::bigint + 17259888 AND "Count" = 0;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        SELECT "TimeZoneId" INTO zone FROM "Offices" WHERE "Id" = NEW."OfficeId";
                        INSERT INTO "QuestionTallyDays" ("OfficeId", "Day", "Granularity", "QuestionCategoryId", "Count")
                        VALUES (NEW."OfficeId", (NEW."RecordedAt" AT TIME ZONE zone)::date, NEW."Granularity", NEW."QuestionCategoryId", NEW."Count")
                        ON CONFLICT ("OfficeId", "Day", "Granularity", "QuestionCategoryId")
                        DO UPDATE SET "Count" = "QuestionTallyDays"."Count" + EXCLUDED."Count";
                        INSERT INTO "QuestionTallyHours" ("OfficeId", "Hour", "Granularity", "Count", "Unlinked")
                        VALUES (NEW."OfficeId", floor(extract(epoch FROM NEW."RecordedAt") / 3600)::bigint + 17259888, NEW."Granularity", NEW."Count",
                                CASE WHEN NEW."TicketId" IS NULL THEN NEW."Count" ELSE 0 END)
                        ON CONFLICT ("OfficeId", "Hour", "Granularity")
                        DO UPDATE SET "Count" = "QuestionTallyHours"."Count" + EXCLUDED."Count", "Unlinked" = "QuestionTallyHours"."Unlinked" + EXCLUDED."Unlinked";
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_QuestionTallies_Summaries" AFTER INSERT OR DELETE
                OR UPDATE OF "OfficeId", "RecordedAt", "Granularity", "QuestionCategoryId", "Count", "TicketId" ON "QuestionTallies"
                FOR EACH ROW EXECUTE FUNCTION mbk_question_tally_summaries();
                """);

            // The tallies recorded before this migration.
            migrationBuilder.Sql("""
                INSERT INTO "QuestionTallyDays" ("OfficeId", "Day", "Granularity", "QuestionCategoryId", "Count")
                SELECT t."OfficeId", (t."RecordedAt" AT TIME ZONE o."TimeZoneId")::date, t."Granularity", t."QuestionCategoryId", SUM(t."Count")
                FROM "QuestionTallies" AS t JOIN "Offices" AS o ON o."Id" = t."OfficeId"
                GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "QuestionTallyHours" ("OfficeId", "Hour", "Granularity", "Count", "Unlinked")
                SELECT "OfficeId", floor(extract(epoch FROM "RecordedAt") / 3600)::bigint + 17259888, "Granularity", SUM("Count"),
                       SUM(CASE WHEN "TicketId" IS NULL THEN "Count" ELSE 0 END)
                FROM "QuestionTallies"
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_QuestionTallies_Summaries" ON "QuestionTallies";""");
            migrationBuilder.Sql("DROP FUNCTION mbk_question_tally_summaries();");

            migrationBuilder.DropTable(
                name: "QuestionTallyDays");

            migrationBuilder.DropTable(
                name: "QuestionTallyHours");
        }
    }
}
