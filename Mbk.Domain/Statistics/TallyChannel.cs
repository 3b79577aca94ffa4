namespace Mbk.Domain.Statistics;

/// <summary>Where a question was asked.</summary>
public enum TallyChannel
{
    Disk = 0,
    Bord = 1,
    Telefon = 2,
    Epost = 3,
    Uppsokande = 4,
}
