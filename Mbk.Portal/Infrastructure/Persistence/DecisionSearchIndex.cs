using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// The binder's full-text search: the SQLite FTS5 table <c>DecisionSearch</c> (rowid = decision id) over a decision's
/// text, category, responsible and its meeting's notes, kept in step by triggers (migration
/// <c>DecisionLifecycleAndPeople</c>). Tokenizer unicode61 with <c>remove_diacritics 0</c>: case is folded ("å" finds
/// "Å") but letters keep their marks ("å" is not "a"), as Swedish needs.
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

        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
    }

    /// <summary>Ids of the decisions matching <paramref name="matchExpression"/> (from <see cref="MatchExpression"/>), composable into a query.</summary>
    public static IQueryable<int> MatchingIds(PortalDbContext db, string matchExpression)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM DecisionSearch WHERE DecisionSearch MATCH {matchExpression}");
    }
}
