using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Benchmarks;

/// <summary>
/// The demo office made ready for queue benchmarks: open around the clock (and on a holiday), one advisor sitting at
/// "Bord 1" serving service A. Shared by the queue benchmark and the load harness.
/// </summary>
internal sealed record BenchmarkQueue(
    QueueCommands Commands,
    StaffContext Advisor,
    int OfficeId,
    int ServiceId,
    int CategoryId) : IDisposable
{
    public const string OfficeSlug = DatabaseInitializer.DemoOfficeSlug;

    private IServiceScope? Scope { get; init; }

    public static async Task<BenchmarkQueue> PrepareAsync(BenchmarkPortal portal)
    {
        var scope = portal.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        var manager = await portal.StaffAsync("chef@demo.mbk.se");
        var advisor = await portal.StaffAsync("vagledare@demo.mbk.se");
        var officeId = manager.CurrentOffice!.Id;
        await OpenAroundTheClockAsync(portal, manager);
        var serviceA = (await queries.GetServicesAsync(officeId)).Single(s => s.Prefix == 'A');
        var table = (await queries.GetPlacesAsync(officeId)).First(p => p.Name == "Bord 1");
        await commands.SitDownAsync(advisor, table.Id, [serviceA.Id]);
        await using var db = await portal.DbFactory.CreateDbContextAsync();
        var categoryId = await db.QuestionCategories.Where(c => c.OfficeId == officeId).Select(c => c.Id).FirstAsync();
        return new BenchmarkQueue(commands, advisor, officeId, serviceA.Id, categoryId) { Scope = scope };
    }

    /// <summary>Opens the office around the clock, and today too when today is a holiday nobody has confirmed.</summary>
    public static async Task OpenAroundTheClockAsync(BenchmarkPortal portal, StaffContext manager)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(manager);
        using var scope = portal.Services.CreateScope();
        var openingHours = scope.ServiceProvider.GetRequiredService<OpeningScheduleCommands>();
        await openingHours.SetWeeklyHoursAsync(manager, OpeningHours.Parse("mon=00:00-24:00;tue=00:00-24:00;wed=00:00-24:00;thu=00:00-24:00;fri=00:00-24:00;sat=00:00-24:00;sun=00:00-24:00"));
        var today = ServiceDayCalculator.ServiceDay(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        if (Mbk.Domain.Almanac.SwedishHolidays.On(today) is not null)
        {
            // A holiday nobody has confirmed closes the kiosk; the benchmark keeps the office open.
            await openingHours.ConfirmHolidayAsync(manager, today, new DayHours(TimeOnly.MinValue, DayHours.EndOfDay));
        }
    }

    public Task<KioskTicketResult> TakeTicketAsync(string kioskKey) => Commands.TakeTicketAsync(OfficeSlug, ServiceId, kioskKey);

    public Task<string?> CallNextAsync() => Commands.CallNextAsync(Advisor);

    public Task<string?> FinishAsync() => Commands.FinishAsync(Advisor, [CategoryId], null);

    public void Dispose() => Scope?.Dispose();
}
