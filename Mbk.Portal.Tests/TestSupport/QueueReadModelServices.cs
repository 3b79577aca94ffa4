using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Queue.Live;
using Mbk.Portal.Infrastructure.Localization;
using Mbk.Portal.Features.Queue.Mobile;
using Microsoft.Extensions.Configuration;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>The queue's shared read models over a test database and its bus, as the queue feature registers them in the portal.</summary>
public static class QueueReadModelServices
{
    public static IServiceCollection AddQueueReadModels(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.TryAddSingleton<ILiveEventBus>(database.Bus);
        services.TryAddSingleton(clock);
        services.AddSingleton(new DisplayReadModel(database.Bus, database, clock, NullLogger<DisplayReadModel>.Instance));
        services.AddSingleton(new KioskReadModel(database.Bus, database, clock, NullLogger<KioskReadModel>.Instance));
        services.AddSingleton(new MonitorReadModel(database.Bus, database, clock, NullLogger<MonitorReadModel>.Instance));
        services.AddSingleton(new MobileTicketReadModel(database.Bus, database, clock, NullLogger<MobileTicketReadModel>.Instance));
        services.AddSingleton(new OfficeSlugs(database, clock));
        // The kiosk's QR code: without Queue:PublicBaseUrl it points at the address the kiosk itself uses.
        services.TryAddSingleton(new MobileTicketLinks(new ConfigurationBuilder().Build()));
        services.AddPortalLocalization();
        services.AddVisitorTexts();
        return services;
    }
}
