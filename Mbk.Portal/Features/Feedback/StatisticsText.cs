using Mbk.Portal.Components;

namespace Mbk.Portal.Features.Feedback;

/// <summary>Swedish number formats of the feedback section ("1 234", "87,5 %").</summary>
internal static class StatisticsText
{
    public static string Number(int value) => value.ToString("N0", OfficeTime.Swedish);

    public static string Percent(decimal value) => value.ToString("0.#", OfficeTime.Swedish) + " %";
}
