using Mbk.Portal.Infrastructure.Persistence;

namespace Mbk.Portal.Tests.TestSupport;

public static class DemoAccounts
{
    public const string Manager = "chef@demo.mbk.se";
    public const string Advisor = "vagledare@demo.mbk.se";
    public const string Advisor2 = "vagledare2@demo.mbk.se";
    public const string Admin = "admin@demo.mbk.se";
    public const string Password = DatabaseInitializer.DemoPassword;
}
