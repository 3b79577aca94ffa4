namespace Mbk.Domain.Statistics;

/// <summary>
/// One name of an ärendeslag (or a länkning target) and the instant from which it is valid. The first name of a
/// category is valid from the start of time (<see cref="DateTimeOffset.MinValue"/>), so old tallies always have a name.
/// </summary>
public sealed class CategoryNameChange
{
    private CategoryNameChange()
    {
        Name = string.Empty;
    }

    internal CategoryNameChange(string name, DateTimeOffset validFrom)
    {
        Name = name;
        ValidFrom = validFrom;
    }

    public string Name { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }
}

/// <summary>The rules shared by categories and referral targets that keep their names' history.</summary>
internal static class NameHistoryRules
{
    /// <summary>
    /// Adds <paramref name="name"/> valid from <paramref name="now"/>. Returns false when the name is unchanged.
    /// A rename may not be dated before the latest one; a second rename at the same instant replaces it.
    /// </summary>
    public static bool Rename(List<CategoryNameChange> history, string name, DateTimeOffset now)
    {
        var current = history[^1];
        if (string.Equals(current.Name, name, StringComparison.Ordinal))
        {
            return false;
        }

        if (now < current.ValidFrom)
        {
            throw new Common.DomainException("Ett namnbyte kan inte dateras före det senaste namnbytet.");
        }

        if (now == current.ValidFrom && history.Count > 1)
        {
            history.RemoveAt(history.Count - 1);
            if (string.Equals(history[^1].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        history.Add(new CategoryNameChange(name, now));
        return true;
    }

    /// <summary>The name valid at <paramref name="instant"/>: the latest change at or before it.</summary>
    public static string NameAt(IReadOnlyList<CategoryNameChange> history, DateTimeOffset instant)
    {
        for (var i = history.Count - 1; i > 0; i--)
        {
            if (history[i].ValidFrom <= instant)
            {
                return history[i].Name;
            }
        }

        return history[0].Name;
    }
}
