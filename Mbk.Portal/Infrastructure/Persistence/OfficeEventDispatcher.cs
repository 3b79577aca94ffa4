using System.Data.Common;
using System.Runtime.CompilerServices;
using Mbk.Domain.Common;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Collects the office events raised by entities while saving and publishes them once the change is durable:
/// right after SaveChanges, or after the commit when an explicit transaction is open. A failed save publishes nothing.
/// </summary>
public sealed class OfficeEventDispatcher(ILiveEventBus bus) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<IOfficeEvent>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await PublishPendingAsync(eventData.Context).ConfigureAwait(false);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            PublishPendingAsync(eventData.Context).GetAwaiter().GetResult();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        => PublishPendingAsync(eventData.Context);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        => PublishPendingAsync(eventData.Context).GetAwaiter().GetResult();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var raised = context.ChangeTracker.Entries<Entity>()
            .SelectMany(e => e.Entity.TakeEvents())
            .ToList();
        if (raised.Count == 0)
        {
            return;
        }

        lock (_pending)
        {
            _pending.GetOrCreateValue(context).AddRange(raised);
        }
    }

    private void Discard(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        lock (_pending)
        {
            _pending.Remove(context);
        }
    }

    private async Task PublishPendingAsync(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        List<IOfficeEvent>? events;
        lock (_pending)
        {
            if (_pending.TryGetValue(context, out events))
            {
                _pending.Remove(context);
            }
        }

        foreach (var officeEvent in events ?? [])
        {
            await bus.PublishAsync(officeEvent).ConfigureAwait(false);
        }
    }
}
