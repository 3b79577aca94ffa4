namespace Mbk.Portal.Features.Queue.Display;

/// <summary>
/// Names the waiting-room display's resource files, <c>Resources/Features/Queue/Display/DisplayResources[.en].resx</c>
/// (Swedish neutral, English), for <c>IStringLocalizer&lt;DisplayResources&gt;</c>. Read by <see cref="DisplayTexts"/>.
/// </summary>
public sealed class DisplayResources
{
    private DisplayResources()
    {
    }
}
