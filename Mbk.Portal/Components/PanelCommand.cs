using Mbk.Domain.Common;

namespace Mbk.Portal.Components;

/// <summary>
/// Runs a panel's commands one at a time: while one runs, further clicks are ignored (buttons bind to
/// <see cref="IsRunning"/>), and a refusal (<see cref="DomainException"/>, already in Swedish) becomes the message the
/// panel shows, leaving what the user typed in place. Any other exception is a fault and goes to the error boundary.
/// </summary>
public sealed class PanelCommand
{
    public bool IsRunning { get; private set; }

    /// <summary>Runs <paramref name="action"/>; true when it completed, false when it was refused or another command was running.</summary>
    public async Task<bool> RunAsync(Func<Task> action, Action<string?> showRefusal)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(showRefusal);
        if (IsRunning)
        {
            return false;
        }

        IsRunning = true;
        showRefusal(null);
        try
        {
            await action();
            return true;
        }
        catch (DomainException ex)
        {
            showRefusal(ex.Message);
            return false;
        }
        catch (Exception ex) when (Infrastructure.Persistence.DatabaseErrors.IsBusy(ex))
        {
            // The transaction was rolled back; what the user typed stays, and they can simply try again.
            showRefusal(Infrastructure.Persistence.DatabaseErrors.BusyMessage);
            return false;
        }
        finally
        {
            IsRunning = false;
        }
    }
}
