namespace Mbk.Portal.Features.Identity;

/// <summary>
/// Advisor and Manager are roles in one office (on the office membership); Admin is global (an Identity role).
/// </summary>
public static class StaffRoles
{
    public const string Advisor = "Advisor";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>
    /// For [Authorize(Roles = ...)]: managers of the current office and admins. The Manager role claim is issued for the
    /// current office only (<see cref="OfficeRoleClaimsTransformation"/>).
    /// </summary>
    public const string ManagerOrAdmin = Manager + "," + Admin;

    /// <summary>The roles a person holds in an office they belong to.</summary>
    public static IReadOnlyList<string> OfficeRoles { get; } = [Advisor, Manager];

    /// <summary>The roles that hold in every office (stored as Identity roles).</summary>
    public static IReadOnlyList<string> GlobalRoles { get; } = [Admin];

    public static string SwedishName(string role) => role switch
    {
        Advisor => "Samhällsvägledare",
        Manager => "Enhetschef",
        Admin => "Administratör",
        _ => role,
    };
}
