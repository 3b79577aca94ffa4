using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DecisionLifecycleAndPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CorrectedAt",
                table: "Decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectedByName",
                table: "Decisions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleUserId",
                table: "Decisions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "DecisionRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsibleUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRevisions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRevisions_DecisionId",
                table: "DecisionRevisions",
                column: "DecisionId");
            // People instead of typed names: a responsible or action owner typed before names were chosen from the
            // staff is linked to the one account of the office with exactly that name (case aside); anything else
            // (several matches, "Alla", someone outside the staff) stays as text.
            migrationBuilder.Sql(LinkNamesSql("Decisions", "ResponsibleName", "ResponsibleUserId"));
            migrationBuilder.Sql(LinkNamesSql("ActionItems", "WhoName", "WhoUserId"));

            // Full-text search over the binder (see DecisionSearchIndex): unicode61 folds case but keeps diacritics,
            // so "å" finds "Å" and not "a". Triggers keep it in step with the decisions and their meeting's notes.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE DecisionSearch USING fts5(Text, Category, Responsible, Notes, tokenize = 'unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER DecisionSearch_AfterInsert AFTER INSERT ON Decisions BEGIN
                    INSERT INTO DecisionSearch(rowid, Text, Category, Responsible, Notes) VALUES ({SearchRow("new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER DecisionSearch_AfterUpdate AFTER UPDATE ON Decisions BEGIN
                    DELETE FROM DecisionSearch WHERE rowid = old.Id;
                    INSERT INTO DecisionSearch(rowid, Text, Category, Responsible, Notes) VALUES ({SearchRow("new")});
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER DecisionSearch_AfterDelete AFTER DELETE ON Decisions BEGIN
                    DELETE FROM DecisionSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER DecisionSearch_AfterNotes AFTER UPDATE OF Notes ON MeetingAgendaItems BEGIN
                    UPDATE DecisionSearch SET Notes = {MeetingNotes("new.MeetingId")}
                    WHERE rowid IN (SELECT Id FROM Decisions WHERE MeetingId = new.MeetingId);
                END;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO DecisionSearch(rowid, Text, Category, Responsible, Notes)
                SELECT {SearchRow("d")} FROM Decisions d;
                """);
        }

        /// <summary>The indexed columns of decision <paramref name="d"/>; the category under its Swedish name, as shown.</summary>
        private static string SearchRow(string d) => $"""
            {d}.Id, {d}.Text,
            CASE {d}.Category WHEN 'Arbetssatt' THEN 'arbetssätt' WHEN 'Rutin' THEN 'rutin' WHEN 'Lokal' THEN 'lokal'
                WHEN 'Information' THEN 'information' WHEN 'Ovrigt' THEN 'övrigt' ELSE {d}.Category END,
            coalesce({d}.ResponsibleName, ''),
            {MeetingNotes(d + ".MeetingId")}
            """;

        private static string MeetingNotes(string meetingId) =>
            $"coalesce((SELECT group_concat(Notes, ' ') FROM MeetingAgendaItems WHERE MeetingId = {meetingId} AND Notes IS NOT NULL), '')";

        private static string LinkNamesSql(string table, string nameColumn, string userColumn)
        {
            var match = $"""
                FROM AspNetUsers u JOIN StaffOfficeMemberships m ON m.UserId = u.Id
                WHERE m.OfficeId = {table}.OfficeId AND u.DisplayName = trim({table}.{nameColumn}) COLLATE NOCASE
                """;
            return $"""
                UPDATE {table} SET {userColumn} = (SELECT u.Id {match}),
                                   {nameColumn} = (SELECT u.DisplayName {match})
                WHERE {userColumn} IS NULL AND {nameColumn} IS NOT NULL AND (SELECT count(*) {match}) = 1;
                """;
        }


        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DecisionSearch_AfterNotes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DecisionSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DecisionSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DecisionSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS DecisionSearch;");

            migrationBuilder.DropTable(
                name: "DecisionRevisions");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CorrectedByName",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ResponsibleUserId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Decisions");
        }
    }
}
