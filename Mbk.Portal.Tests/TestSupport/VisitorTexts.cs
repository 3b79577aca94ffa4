using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Queue.Display;
using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Features.Queue.Mobile;
using Mbk.Portal.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>The visitor screens' texts as the portal reads them: from the built .resx files through the localizer.</summary>
public static class VisitorTexts
{
    private static readonly ServiceProvider Provider = new ServiceCollection()
        .AddLogging()
        .AddPortalLocalization()
        .AddVisitorTexts()
        .BuildServiceProvider();

    /// <summary>The portal's localizer factory (<c>AddPortalLocalization</c>).</summary>
    public static IStringLocalizerFactory LocalizerFactory => Provider.GetRequiredService<IStringLocalizerFactory>();

    public static KioskTexts Kiosk => Provider.GetRequiredService<KioskTexts>();

    public static MobileTicketTexts MobileTicket => Provider.GetRequiredService<MobileTicketTexts>();

    public static DisplayTexts Display => Provider.GetRequiredService<DisplayTexts>();
}
