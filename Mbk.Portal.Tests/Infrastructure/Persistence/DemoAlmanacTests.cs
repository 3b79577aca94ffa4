using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

public sealed class DemoAlmanacTests : IAsyncLifetime
{
    private readonly PortalAppFactory _portal = new(settings: new Dictionary<string, string?> { ["Seed:DemoAlmanac"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldSeedTheDemoAlmanacOnceWithSkatteverketOpeningItsOwnServiceWhenSwitchedOn()
    {
        var officeId = await _portal.DemoOfficeIdAsync();
        using var scope = _portal.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<AlmanacEventQueries>();

        // A four-week window always holds four Wednesday afternoons with Skatteverket and one first-Thursday advokatjour.
        var first = new DateOnly(2027, 3, 1);
        var occurrences = await queries.GetOccurrencesAsync(officeId, first, first.AddDays(27));
        var tax = occurrences.Where(o => o.Title == "Skatteverket").ToList();
        tax.Count.ShouldBe(4);
        tax.ShouldAllBe(o => o.Date.DayOfWeek == DayOfWeek.Wednesday && o.StartTime == new TimeOnly(13, 0) && o.Kind == CalendarEventKind.PartnerVisit);
        tax.ShouldAllBe(o => o.ServiceLineId != null && o.PlaceId != null);
        occurrences.Count(o => o.Title == "Advokatjour").ShouldBe(1);

        var services = await scope.ServiceProvider.GetRequiredService<QueueQueries>().GetServicesAsync(officeId);
        services.Count(s => s.Name == "Skatteverket").ShouldBe(1);

        // A second start adds nothing.
        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        var before = await db.CalendarEvents.CountAsync(e => e.OfficeId == officeId);
        await scope.ServiceProvider.GetRequiredService<Mbk.Portal.Infrastructure.Persistence.DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        (await db.CalendarEvents.CountAsync(e => e.OfficeId == officeId)).ShouldBe(before);
    }
}
