namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>The morning meeting's standing point that shows today's staffing (see AgendaTemplate's standard agenda).</summary>
public static class StaffingAgenda
{
    public const string Title = "Dagens bemanning";
}
