using System.Globalization;
using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Reports;

namespace Mbk.Portal.Features.Reports;

/// <summary>
/// <c>Reports:SendDay</c> (<c>FirstWeekday</c> or <c>FirstDay</c>), <c>Reports:SendTime</c> (<c>07:00</c>),
/// <c>Reports:TimeZone</c> (Europe/Stockholm), <c>Reports:CatchUpDays</c> (31: how long after its due time a report
/// the portal missed is still sent by itself), <c>Reports:LeaseMinutes</c> (15).
/// </summary>
public sealed record ReportSettings(ReportSendDay SendDay, TimeOnly SendTime, TimeZoneInfo Zone, TimeSpan CatchUp, TimeSpan Lease)
{
    /// <summary>The schedule; "first weekday" skips weekends and Swedish public holidays (1 May, Trettondedag jul, …).</summary>
    public TertialSchedule Schedule(Func<DateOnly, bool>? isHoliday = null) =>
        new(SendDay, SendTime, Zone, isHoliday ?? SwedishHolidays.IsPublicHoliday);

    /// <summary>The recurring check's cron: every hour at the send time's minute, so it fires at the send time itself.</summary>
    public string HourlyCron => string.Create(CultureInfo.InvariantCulture, $"{SendTime.Minute} * * * *");

    public static ReportSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Reports");
        var sendDayText = section["SendDay"] is { Length: > 0 } day ? day : nameof(ReportSendDay.FirstWeekday);
        if (!Enum.TryParse<ReportSendDay>(sendDayText, ignoreCase: true, out var sendDay) || !Enum.IsDefined(sendDay))
        {
            throw new InvalidOperationException($"Reports:SendDay '{sendDayText}' är inte FirstWeekday eller FirstDay.");
        }

        var timeText = section["SendTime"] is { Length: > 0 } time ? time : "07:00";
        if (!TimeOnly.TryParseExact(timeText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sendTime))
        {
            throw new InvalidOperationException($"Reports:SendTime '{timeText}' är ingen tid som 07:00.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(section["TimeZone"] is { Length: > 0 } z ? z : Office.DefaultTimeZoneId);
        return new ReportSettings(
            sendDay,
            sendTime,
            zone,
            TimeSpan.FromDays(section.GetValue("CatchUpDays", 31)),
            TimeSpan.FromMinutes(section.GetValue("LeaseMinutes", 15)));
    }
}

/// <summary>This running portal process, as the ledger's lease holder.</summary>
public sealed class PortalInstance
{
    public string Id { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
}
