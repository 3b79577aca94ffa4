namespace Mbk.Portal.Features.Meeting.Binder;

/// <summary>
/// Per circuit: the binder tells the "new decisions" badge that the user has just read decisions, so it recounts.
/// </summary>
public sealed class DecisionReadNotifier
{
    public event Func<Task>? Changed;

    public async Task NotifyAsync()
    {
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
