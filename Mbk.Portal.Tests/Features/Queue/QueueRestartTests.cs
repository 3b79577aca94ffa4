using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>The portal restarted mid-day: the queue, the numbering and the display come back as they were.</summary>
public sealed class QueueRestartTests
{
    [Fact]
    public async Task ShouldRestoreQueueNumberingAndDisplayWhenPortalRestarts()
    {
        var dataDirectory = TestPaths.NewTempDirectory("queue-restart");
        DisplayView before;
        await using (var first = new PortalAppFactory(dataDirectory))
        {
            var manager = await first.StaffAsync(DemoAccounts.Manager);
            var advisor = await first.StaffAsync(DemoAccounts.Advisor);
            using var scope = first.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OpeningScheduleCommands>().SetWeeklyHoursAsync(manager, OpeningHours.Parse(QueueTestOffice.AlwaysOpen));
            await QueueTestOffice.ConfirmHolidaysOpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>(), manager.CurrentOffice!.Id, TimeProvider.System);
            var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
            var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
            var officeId = await first.DemoOfficeIdAsync();
            var services = await queries.GetServicesAsync(officeId);
            var places = await queries.GetPlacesAsync(officeId);
            var a = services.Single(s => s.Prefix == 'A');
            (await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, a.Id, "kiosk")).Receipt!.Number.ShouldBe("A001");
            (await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, a.Id, "kiosk")).Receipt!.Number.ShouldBe("A002");
            await commands.SitDownAsync(advisor, places.Single(p => p.Name == "Bord 2").Id, [a.Id]);
            (await commands.CallNextAsync(advisor)).ShouldBe("A001");
            before = (await queries.GetDisplayAsync(DatabaseInitializer.DemoOfficeSlug))!;
        }

        await using var second = new PortalAppFactory(dataDirectory);
        using var after = second.Services.CreateScope();
        var queriesAfter = after.ServiceProvider.GetRequiredService<QueueQueries>();
        var commandsAfter = after.ServiceProvider.GetRequiredService<QueueCommands>();
        var display = (await queriesAfter.GetDisplayAsync(DatabaseInitializer.DemoOfficeSlug))!;
        display.Current!.Number.ShouldBe("A001");
        display.Current.PlaceName.ShouldBe("Bord 2");
        display.Services.Single(s => s.Prefix == 'A').Waiting.ShouldBe(1);
        display.Current.ShouldBe(before.Current);

        var advisorAfter = await second.StaffAsync(DemoAccounts.Advisor);
        var counter = await queriesAfter.GetCounterAsync(advisorAfter.CurrentOffice!.Id, advisorAfter.UserId);
        counter.MyPlace!.PlaceName.ShouldBe("Bord 2");
        counter.Current!.Number.ShouldBe("A001");
        var serviceA = counter.Services.Single(s => s.Prefix == 'A');
        (await commandsAfter.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, serviceA.Id, "kiosk")).Receipt!.Number.ShouldBe("A003");
    }
}
