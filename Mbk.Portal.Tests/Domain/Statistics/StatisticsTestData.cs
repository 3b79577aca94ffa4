using Mbk.Domain.Common;
using Mbk.Domain.Statistics;

namespace Mbk.Portal.Tests.Domain.Statistics;

/// <summary>Builders and the Rinkeby 2006 figures (shared/domain.md) for the statistics domain tests.</summary>
internal static class StatisticsTestData
{
    public const int OfficeId = 7;
    public const string Staff = "staff-anna";
    public const string OtherStaff = "staff-bo";

    /// <summary>Tuesday 24 November 2026, 10:00 in Stockholm (CET).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    public static TimeZoneInfo Stockholm { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Rinkeby MBK's 2006 questions by category, descending; they sum to 33 893.</summary>
    public static IReadOnlyList<(string Category, int Count)> Rinkeby2006 { get; } =
    [
        ("Socialtjänsten/försörjningsstöd", 5654),
        ("Fax/kopiering", 5165),
        ("Migrationsfrågor", 3519),
        ("Bostadsfrågor", 3155),
        ("Barnomsorg", 2668),
        ("Konsumentfrågor", 2502),
        ("Försäkringskassan", 2091),
        ("Skatteverket", 1608),
        ("Arbetsmarknad/näringsliv", 1292),
        ("Internet och datafrågor", 1200),
        ("Hushållsekonomisk rådgivning", 1137),
        ("Utbildningsfrågor", 863),
        ("Boutredning", 579),
        ("Landstinget", 563),
        ("Länsstyrelsen", 563),
        ("Förvaltningen och nämnden", 378),
        ("Äldre- och handikappfrågor", 330),
        ("Fritid/kultur/föreningsliv", 283),
        ("Polisen", 143),
        ("Kommunikationsfrågor", 125),
        ("Stadsbyggnadsfrågor", 33),
        ("Gatu- och fastighetsfrågor", 21),
        ("Miljöfrågor", 21),
    ];

    public const int Rinkeby2006QuestionSum = 33_893;
    public const int Rinkeby2006Passages = 193_484;
    public const int Rinkeby2006Visitors = 87_068;

    public static QuestionCategory Category(string name = "Migrationsfrågor", int id = 21) =>
        WithId(QuestionCategory.Create(OfficeId, name, 1), id);

    /// <summary>A local Stockholm time in 2026 (offset from the zone).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    /// <summary>Gives an entity the id the database would, as after saving.</summary>
    public static T WithId<T>(T entity, int id)
        where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }

    public static T WithEventsTaken<T>(T entity)
        where T : Entity
    {
        entity.TakeEvents();
        return entity;
    }
}
