using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>Rinkeby's 2006 year totals (shared/domain.md) as a historical import leaves them: year tallies and one year of visitors.</summary>
internal static class Rinkeby2006Figures
{
    public static readonly (string Category, int Count)[] Categories =
    [
        ("Socialtjänsten/försörjningsstöd", 5654), ("Fax/kopiering", 5165), ("Migrationsfrågor", 3519),
        ("Bostadsfrågor", 3155), ("Barnomsorg", 2668), ("Konsumentfrågor", 2502), ("Försäkringskassan", 2091),
        ("Skatteverket", 1608), ("Arbetsmarknad/näringsliv", 1292), ("Internet och datafrågor", 1200),
        ("Hushållsekonomisk rådgivning", 1137), ("Utbildningsfrågor", 863), ("Boutredning", 579), ("Landstinget", 563),
        ("Länsstyrelsen", 563), ("Förvaltningen och nämnden", 378), ("Äldre- och handikappfrågor", 330),
        ("Fritid/kultur/föreningsliv", 283), ("Polisen", 143), ("Kommunikationsfrågor", 125), ("Stadsbyggnadsfrågor", 33),
        ("Gatu- och fastighetsfrågor", 21), ("Miljöfrågor", 21),
    ];

    public const int Visitors = 87_068;

    /// <summary>Adds the 23 categories to <paramref name="officeId"/> (reusing those it has) and imports only the 2006 year totals.</summary>
    public static async Task ImportAsync(IDbContextFactory<PortalDbContext> database, int officeId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        await using var db = await database.CreateDbContextAsync();
        var existing = await db.QuestionCategories.Where(c => c.OfficeId == officeId).ToListAsync();
        var categories = Categories.Select((c, i) => existing.FirstOrDefault(e => e.Name == c.Category) ?? QuestionCategory.Create(officeId, c.Category, 100 + i)).ToList();
        db.QuestionCategories.AddRange(categories.Where(c => c.Id == 0));
        await db.SaveChangesAsync();
        db.QuestionTallies.AddRange(categories.Select((c, i) => QuestionTally.Import(c, 2006, null, Categories[i].Count, zone)));
        db.DoorCounterReadings.Add(DoorCounterReading.ImportVisitors(officeId, 2006, null, Visitors, zone, new DateTimeOffset(2007, 1, 15, 9, 0, 0, TimeSpan.Zero)));
        await db.SaveChangesAsync();
    }
}
