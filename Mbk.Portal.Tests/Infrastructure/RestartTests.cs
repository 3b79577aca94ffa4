using Mbk.Portal.Features.Offices;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure;

/// <summary>Two starts of the portal on the same data folder: nothing lost, nothing seeded twice.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task ShouldKeepDataAndNotReseedWhenPortalStartsAgain()
    {
        var dataDirectory = TestPaths.NewTempDirectory("restart");
        await using (var first = new PortalAppFactory(dataDirectory))
        {
            _ = first.Services; // starts the host: migrates and seeds
            var manager = await first.StaffAsync(DemoAccounts.Manager);
            using var scope = first.Services.CreateScope();
            var officeId = await first.DemoOfficeIdAsync();
            var current = await scope.ServiceProvider.GetRequiredService<OfficeQueries>().GetMessageOfTheDayAsync(officeId);
            await scope.ServiceProvider.GetRequiredService<OfficeCommands>()
                .SetMessageOfTheDayAsync(manager, officeId, "Sparat före omstart", current.ChangedAt);
        }

        await using var second = new PortalAppFactory(dataDirectory);
        await using var db = await second.DbFactory.CreateDbContextAsync();

        (await db.Offices.CountAsync()).ShouldBe(1);
        (await db.Users.CountAsync()).ShouldBe(4);
        (await db.QuestionCategories.CountAsync()).ShouldBe(23);
        (await db.ServiceLines.CountAsync()).ShouldBe(3);
        (await db.Offices.SingleAsync()).MessageOfTheDay.ShouldBe("Sparat före omstart");
        File.Exists(Path.Combine(dataDirectory, "mbk-portal.db")).ShouldBeTrue();
    }
}
