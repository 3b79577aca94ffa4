using System.Globalization;
using Mbk.Domain.Offices;

namespace Mbk.Portal.Components;

/// <summary>Shows instants the way staff read them: Swedish local time, 24-hour clock.</summary>
public static class OfficeTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId);

    public static CultureInfo Swedish { get; } = CultureInfo.GetCultureInfo("sv-SE");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant, string format) => Local(instant).ToString(format, Swedish);
}
