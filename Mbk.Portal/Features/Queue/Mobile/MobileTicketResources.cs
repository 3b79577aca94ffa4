namespace Mbk.Portal.Features.Queue.Mobile;

/// <summary>
/// Names the mobile ticket's resource files, <c>Resources/Features/Queue/Mobile/MobileTicketResources[.lang].resx</c>,
/// for <c>IStringLocalizer&lt;MobileTicketResources&gt;</c>. The texts are read by <see cref="MobileTicketTexts"/>.
/// </summary>
public sealed class MobileTicketResources
{
    private MobileTicketResources()
    {
    }
}
