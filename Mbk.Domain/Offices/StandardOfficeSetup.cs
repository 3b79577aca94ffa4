namespace Mbk.Domain.Offices;

/// <summary>
/// The question categories and services an office starts with, from Rinkeby MBK's 2006 statistics
/// (shared/domain.md), in that year's descending order.
/// </summary>
public static class StandardOfficeSetup
{
    public static IReadOnlyList<string> QuestionCategories { get; } =
    [
        "Socialtjänsten/försörjningsstöd",
        "Fax/kopiering",
        "Migrationsfrågor",
        "Bostadsfrågor",
        "Barnomsorg",
        "Konsumentfrågor",
        "Försäkringskassan",
        "Skatteverket",
        "Arbetsmarknad/näringsliv",
        "Internet och datafrågor",
        "Hushållsekonomisk rådgivning",
        "Utbildningsfrågor",
        "Boutredning",
        "Landstinget",
        "Länsstyrelsen",
        "Förvaltningen och nämnden",
        "Äldre- och handikappfrågor",
        "Fritid/kultur/föreningsliv",
        "Polisen",
        "Kommunikationsfrågor",
        "Stadsbyggnadsfrågor",
        "Gatu- och fastighetsfrågor",
        "Miljöfrågor",
    ];

    public static IReadOnlyList<(char Prefix, string Name)> Services { get; } =
    [
        ('A', "Samhällsvägledning"),
        ('B', "Konsumentvägledning"),
        ('C', "IT-guide/datorhjälp"),
    ];

    public static IReadOnlyList<string> ReferralTargets { get; } =
    [
        "Försäkringskassan",
        "Skatteverket",
        "Migrationsverket",
        "Arbetsförmedlingen",
        "Socialtjänsten",
        "Kronofogden",
        "Budget- och skuldrådgivningen",
        "Konsumentvägledningen",
    ];

    public static IReadOnlyList<string> Places { get; } = ["Informationsdisken", "Bord 1", "Bord 2", "Bord 3", "Bord 4"];
}
