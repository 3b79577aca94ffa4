namespace Mbk.Portal.Features.Queue.Kiosk;

/// <summary>
/// Names the kiosk's resource files, <c>Resources/Features/Queue/Kiosk/KioskResources[.lang].resx</c> (Swedish neutral,
/// en, ar, so, ti, fa), for <c>IStringLocalizer&lt;KioskResources&gt;</c>. The texts are read by <see cref="KioskTexts"/>.
/// </summary>
public sealed class KioskResources
{
    private KioskResources()
    {
    }
}
