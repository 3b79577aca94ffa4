using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// The binder's full-text search: the SQLite FTS5 table <c>DecisionSearch</c> (rowid = decision id) over a decision's
/// text, category, responsible and its meeting's notes, kept in step by triggers (migration
/// <c>DecisionLifecycleAndPeople</c>). Tokenizer unicode61 with <c>remove_diacritics 0</c>: case is folded ("å" finds
/// "Å") but letters keep their marks ("å" is not "a"), as Swedish needs. On PostgreSQL the same search is a text-search
/// match (<c>simple</c> configuration: lower case, no stemming, marks kept) over the same four fields.
/// </summary>
public static class DecisionSearchIndex
{
    /// <summary>
    /// An FTS5 query for what a person typed: every word must occur, as a whole word or the start of one; quotes and
    /// operators are taken literally. Null when nothing searchable was typed.
    /// </summary>
    public static string? MatchExpression(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        return Fts5Match(Words(typed));
    }

    private static string? Fts5Match(List<string> terms) =>
        terms.Count == 0 ? null : string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));

    /// <summary>
    /// Ids of the decisions matching what a person typed (every word, as a whole word or the start of one), composable
    /// into a query; null when nothing searchable was typed.
    /// </summary>
    public static IQueryable<int>? MatchingIds(PortalDbContext db, string? typed)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(typed) || Words(typed) is not { Count: > 0 } words)
        {
            return null;
        }

        if (db.Database.IsNpgsql())
        {
            var query = string.Join(" & ", words.Select(w => "'" + w.Replace("'", "''", StringComparison.Ordinal) + "':*"));
            return db.Database.SqlQuery<int>($"""
                SELECT d."Id" AS "Value" FROM "Decisions" d
                WHERE to_tsvector('simple', concat_ws(' ', d."Text",
                    CASE d."Category" WHEN 'Arbetssatt' THEN 'arbetssätt' WHEN 'Ovrigt' THEN 'övrigt' ELSE d."Category" END,
                    d."ResponsibleName",
                    (SELECT string_agg(i."Notes", ' ') FROM "MeetingAgendaItems" i WHERE i."MeetingId" = d."MeetingId")))
                    @@ to_tsquery('simple', {query})
                """);
        }

        var match = Fts5Match(words);
        return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM DecisionSearch WHERE DecisionSearch MATCH {match}");
    }

    private static List<string> Words(string typed)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in typed.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            terms.Add(word.ToString());
        }

        return terms;
    }
}
