using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>The follow-up thirds of the year: T1 January–April, T2 May–August, T3 September–December.</summary>
public static class Tertial
{
    /// <summary>The tertial (1–3) a date falls in.</summary>
    public static int TertialOf(DateOnly date) => ((date.Month - 1) / 4) + 1;

    /// <summary>The first and last day (inclusive) of <paramref name="tertial"/> (1–3) of <paramref name="year"/>.</summary>
    public static (DateOnly From, DateOnly To) Range(int year, int tertial)
    {
        if (tertial is < 1 or > 3)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Tertialen måste vara 1–3 (var {tertial})."));
        }

        StatisticsPeriod.CheckYear(year);
        var from = new DateOnly(year, ((tertial - 1) * 4) + 1, 1);
        return (from, from.AddMonths(4).AddDays(-1));
    }
}
