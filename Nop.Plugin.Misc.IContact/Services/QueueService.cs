using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The queue's writers: a shopper's changes one row at a time, a bulk page in one list insert, and the changes the
/// database refused, queued again later; and what an address still waits for. Claims and outcomes are
/// <see cref="DeliveryQueue"/>'s, inbound changes <see cref="InboundQueue"/>'s, the admin's reads and purges
/// <see cref="QueueAdminService"/>'s: together the only code that knows the queue table.
/// </summary>
public class QueueService
{
    #region Fields

    protected readonly DeliverySignal _deliverySignal;
    protected readonly IRepository<IcontactQueueItem> _queueRepository;
    protected readonly TimeProvider _timeProvider;
    protected readonly EnqueueFallback _enqueueFallback;
    protected readonly ILogger _logger;

    #endregion

    #region Ctor

    public QueueService(DeliverySignal deliverySignal,
        IRepository<IcontactQueueItem> queueRepository,
        TimeProvider timeProvider,
        EnqueueFallback enqueueFallback,
        ILogger logger)
    {
        _deliverySignal = deliverySignal;
        _queueRepository = queueRepository;
        _timeProvider = timeProvider;
        _enqueueFallback = enqueueFallback;
        _logger = logger;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    protected virtual void Stamp(IEnumerable<IcontactQueueItem> items)
    {
        var now = UtcNow;
        foreach (var item in items)
        {
            item.Email = QueueItemFactory.NormalizeEmail(item.Email);
            item.State = QueueItemState.Pending;
            item.Attempts = 0;
            item.NextAttemptOnUtc = now;
            item.CreatedOnUtc = now;
            item.UpdatedOnUtc = now;
        }
    }

    /// <summary>
    /// Logs through the platform's logger, which writes to the database: when that fails too, nothing escapes
    /// </summary>
    protected virtual async Task LogQuietlyAsync(string message, Exception exception)
    {
        try
        {
            await _logger.ErrorAsync(message, exception);
        }
        catch (Exception)
        {
            //the database is down: the change is remembered in the process, the log entry cannot be written
        }
    }

    /// <summary>
    /// Supersedes what is still waiting for the same store, address and list, in one statement per store
    /// </summary>
    protected virtual async Task SupersedeAsync(IReadOnlyCollection<IcontactQueueItem> items)
    {
        var pending = (int)QueueItemState.Pending;
        foreach (var store in items.GroupBy(item => item.StoreId))
        {
            var storeId = store.Key;
            var emails = store.Select(item => item.Email).Distinct().ToList();
            var pairs = store.Select(item => item.Email + "\n" + (item.ListId ?? string.Empty)).Distinct().ToList();
            await _queueRepository.DeleteAsync(queued => queued.StateId == pending && queued.StoreId == storeId && emails.Contains(queued.Email)
                && pairs.Contains(queued.Email + "\n" + (queued.ListId ?? string.Empty)));
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the lists an address still waits to join (subscribes waiting or being delivered right now: one in flight
    /// may land in iContact, so a later change must still be able to undo it)
    /// </summary>
    public virtual async Task<ISet<string>> GetListsWithPendingSubscribesAsync(int storeId, string email)
    {
        var pending = (int)QueueItemState.Pending;
        var inFlight = (int)QueueItemState.InFlight;
        var subscribe = (int)QueueOperation.Subscribe;
        var items = await _queueRepository.GetAllAsync(query => query.Where(item =>
            item.StoreId == storeId && item.Email == email && (item.StateId == pending || item.StateId == inFlight) && item.OperationId == subscribe));
        return items.Where(item => item.SubscriptionStatus != IcontactDefaults.SubscriptionStatuses.Unsubscribed).Select(item => item.ListId).ToHashSet();
    }

    /// <summary>
    /// Queues a shopper's changes (the request path). A change supersedes whatever is still waiting for the same store,
    /// email and list, so the latest word (an unsubscribe above all) wins; rows go in one by one (their ids come from
    /// the database, so concurrent requests never collide as the provider's list insert does on MySQL and SQL Server);
    /// a write that meets a concurrent writer is tried again; changes the database still refuses are remembered and
    /// queued later by the background side, and logged. Then the delivery worker is woken.
    /// </summary>
    /// <param name="items">Items to queue (state, times and attempts are set here)</param>
    public virtual async Task EnqueueAsync(IReadOnlyCollection<IcontactQueueItem> items)
    {
        if (items.Count == 0)
            return;

        Stamp(items);
        try
        {
            await DatabaseFailure.RetryOnConflictAsync(() => SupersedeAsync(items));
            foreach (var item in items.Where(item => item.Id == 0))
                await DatabaseFailure.RetryOnConflictAsync(() => _queueRepository.InsertAsync(item, false));
        }
        catch (Exception exception)
        {
            var waiting = items.Where(item => item.Id == 0).ToList();
            var dropped = _enqueueFallback.Remember(waiting);
            await LogQuietlyAsync($"iContact: {waiting.Count} change(s) could not be queued and will be queued again by the background worker"
                + (dropped > 0 ? $" ({dropped} older remembered change(s) were dropped)" : string.Empty), exception);
        }

        _deliverySignal.Notify();
    }

    /// <summary>
    /// Queues a page of a bulk synchronisation (off the request path) in one list insert. Nothing is superseded: the
    /// run only adds subscribes for addresses not yet on a list, and delivery keeps the newest item per address and
    /// list, so a live change queued meanwhile still wins. The insert runs in the provider's transaction, so a
    /// collision with a concurrent writer (ids numbered on the client on MySQL and SQL Server, serialization failures
    /// on PostgreSQL) leaves nothing behind and is tried again.
    /// </summary>
    /// <param name="items">Items to queue (state, times and attempts are set here)</param>
    public virtual async Task EnqueuePageAsync(IReadOnlyCollection<IcontactQueueItem> items)
    {
        if (items.Count == 0)
            return;

        Stamp(items);
        var rows = items.ToList();
        await DatabaseFailure.RetryOnConflictAsync(async () =>
        {
            foreach (var item in rows)
                item.Id = 0;
            await _queueRepository.InsertAsync(rows, false);
        });
        _deliverySignal.Notify();
    }

    /// <summary>
    /// Queues again the changes the database refused earlier in this process (called by the background side)
    /// </summary>
    /// <returns>The number of changes queued</returns>
    public virtual async Task<int> EnqueueRememberedAsync()
    {
        var remembered = _enqueueFallback.TakeAll();
        if (remembered.Count == 0)
            return 0;

        var pending = (int)QueueItemState.Pending;
        var queued = 0;
        try
        {
            foreach (var item in remembered.ToList())
            {
                //a later change for the address and list, queued since (by this node or another), wins
                var (storeId, email, listId, created) = (item.StoreId, item.Email, item.ListId, item.CreatedOnUtc);
                var newer = await _queueRepository.GetAllPagedAsync(query => query.Where(queued => queued.StateId == pending && queued.StoreId == storeId
                    && queued.Email == email && queued.ListId == listId && queued.CreatedOnUtc > created), 0, 1, getOnlyTotalCount: true);
                if (newer.TotalCount == 0)
                {
                    await _queueRepository.DeleteAsync(old => old.StateId == pending && old.StoreId == storeId && old.Email == email && old.ListId == listId);
                    await _queueRepository.InsertAsync(item, false);
                    queued++;
                }

                remembered.Remove(item);
            }
        }
        catch (Exception exception)
        {
            _enqueueFallback.Remember(remembered.Where(item => item.Id == 0));
            await LogQuietlyAsync($"iContact: {remembered.Count} remembered change(s) still cannot be queued", exception);
        }

        if (queued > 0)
            _deliverySignal.Notify();
        return queued;
    }

    #endregion
}
