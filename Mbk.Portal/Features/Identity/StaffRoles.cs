namespace Mbk.Portal.Features.Identity;

public static class StaffRoles
{
    public const string Advisor = "Advisor";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>For [Authorize(Roles = ...)]: managers and admins.</summary>
    public const string ManagerOrAdmin = Manager + "," + Admin;

    public static IReadOnlyList<string> All { get; } = [Advisor, Manager, Admin];

    public static string SwedishName(string role) => role switch
    {
        Advisor => "Samhällsvägledare",
        Manager => "Enhetschef",
        Admin => "Administratör",
        _ => role,
    };
}
