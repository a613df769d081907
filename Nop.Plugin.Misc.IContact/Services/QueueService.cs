using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The only code that knows the queue table: enqueue (QueueService.Enqueue.cs), claim with a lease, and record outcomes
/// </summary>
public partial class QueueService
{
    #region Fields

    protected readonly DeliverySignal _deliverySignal;
    protected readonly ILocker _locker;
    protected readonly IRepository<IcontactQueueItem> _queueRepository;
    protected readonly TimeProvider _timeProvider;
    protected readonly EnqueueFallback _enqueueFallback;
    protected readonly ILogger _logger;

    #endregion

    #region Ctor

    public QueueService(DeliverySignal deliverySignal,
        ILocker locker,
        IRepository<IcontactQueueItem> queueRepository,
        TimeProvider timeProvider,
        EnqueueFallback enqueueFallback,
        ILogger logger)
    {
        _deliverySignal = deliverySignal;
        _locker = locker;
        _queueRepository = queueRepository;
        _timeProvider = timeProvider;
        _enqueueFallback = enqueueFallback;
        _logger = logger;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    #endregion

    #region Methods

    /// <summary>
    /// Gets the lists an address still waits to join (pending subscribes)
    /// </summary>
    public virtual async Task<ISet<string>> GetListsWithPendingSubscribesAsync(int storeId, string email)
    {
        var pending = (int)QueueItemState.Pending;
        var subscribe = (int)QueueOperation.Subscribe;
        var items = await _queueRepository.GetAllAsync(query => query.Where(item =>
            item.StoreId == storeId && item.Email == email && item.StateId == pending && item.OperationId == subscribe));
        return items.Where(item => item.SubscriptionStatus != IcontactDefaults.SubscriptionStatuses.Unsubscribed).Select(item => item.ListId).ToHashSet();
    }

    /// <summary>
    /// Gets the stores that have items due now
    /// </summary>
    public virtual async Task<IList<int>> GetStoresWithDueItemsAsync()
    {
        var now = UtcNow;
        var pending = (int)QueueItemState.Pending;
        var inFlight = (int)QueueItemState.InFlight;
        var due = await _queueRepository.GetAllAsync(query => query
            .Where(item => (item.StateId == pending && item.NextAttemptOnUtc <= now) || (item.StateId == inFlight && item.LeaseExpiresOnUtc < now))
            .Select(item => item.StoreId)
            .Distinct()
            .Select(storeId => new IcontactQueueItem { StoreId = storeId }));
        return due.Select(item => item.StoreId).ToList();
    }

    /// <summary>
    /// Claims due items of a store for one node: pending items whose time has come and items whose lease expired
    /// (a node that crashed mid-delivery). Claims are made under the platform's lock, so two nodes never hold one item.
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="maxContacts">Most distinct addresses to claim (one contacts request carries them all)</param>
    /// <param name="leaseOwner">Claiming node</param>
    /// <param name="leaseDuration">How long the claim holds</param>
    /// <returns>Claimed items, oldest first; empty when another node is claiming right now</returns>
    public virtual async Task<IList<IcontactQueueItem>> ClaimAsync(int storeId, int maxContacts, string leaseOwner, TimeSpan leaseDuration)
    {
        IList<IcontactQueueItem> claimed = [];
        await _locker.PerformActionWithLockAsync($"{IcontactDefaults.SystemName}.Claim", TimeSpan.FromMinutes(1), async () =>
        {
            var now = UtcNow;
            var pending = (int)QueueItemState.Pending;
            var inFlight = (int)QueueItemState.InFlight;
            var candidates = await _queueRepository.GetAllAsync(query => query
                .Where(item => item.StoreId == storeId)
                .Where(item => (item.StateId == pending && item.NextAttemptOnUtc <= now) || (item.StateId == inFlight && item.LeaseExpiresOnUtc < now))
                .OrderBy(item => item.Id)
                .Take(maxContacts * 4));

            //a contact on several lists has several items: claim whole contacts, up to the batch size
            var emails = new HashSet<string>();
            claimed = candidates.TakeWhile(item => emails.Contains(item.Email) || emails.Count < maxContacts && emails.Add(item.Email)).ToList();

            foreach (var item in claimed)
            {
                item.State = QueueItemState.InFlight;
                item.LeaseOwner = leaseOwner;
                item.LeaseExpiresOnUtc = now + leaseDuration;
                item.UpdatedOnUtc = now;
            }

            if (claimed.Count > 0)
                await _queueRepository.UpdateAsync(claimed, false);
        });

        return claimed;
    }

    /// <summary>
    /// Marks items delivered (or left alone on purpose)
    /// </summary>
    public virtual async Task CompleteAsync(IEnumerable<IcontactQueueItem> items, string note = null, QueueItemState state = QueueItemState.Done)
    {
        var list = items.ToList();
        if (list.Count == 0)
            return;

        foreach (var item in list)
        {
            item.State = state;
            item.LeaseOwner = null;
            item.LeaseExpiresOnUtc = null;
            item.LastError = note;
            item.UpdatedOnUtc = UtcNow;
        }

        await _queueRepository.UpdateAsync(list, false);
    }

    /// <summary>
    /// Records a failed attempt: the item is retried at the given time, or marked failed once it used its attempts
    /// </summary>
    public virtual async Task RetryAsync(IEnumerable<IcontactQueueItem> items, string error, Func<int, DateTime> nextAttempt, int maxAttempts)
    {
        var list = items.ToList();
        if (list.Count == 0)
            return;

        foreach (var item in list)
        {
            item.Attempts++;
            item.State = item.Attempts >= maxAttempts ? QueueItemState.Failed : QueueItemState.Pending;
            item.NextAttemptOnUtc = nextAttempt(item.Attempts);
            item.LeaseOwner = null;
            item.LeaseExpiresOnUtc = null;
            item.LastError = error;
            item.UpdatedOnUtc = UtcNow;
        }

        await _queueRepository.UpdateAsync(list, false);
    }

    /// <summary>
    /// Gives items back without counting an attempt: nothing was tried (paused store, exhausted budget, broken rule)
    /// </summary>
    public virtual async Task ReleaseAsync(IEnumerable<IcontactQueueItem> items, DateTime nextAttemptUtc, string reason)
    {
        var list = items.ToList();
        if (list.Count == 0)
            return;

        foreach (var item in list)
        {
            item.State = QueueItemState.Pending;
            item.NextAttemptOnUtc = nextAttemptUtc;
            item.LeaseOwner = null;
            item.LeaseExpiresOnUtc = null;
            item.LastError = reason;
            item.UpdatedOnUtc = UtcNow;
        }

        await _queueRepository.UpdateAsync(list, false);
    }

    /// <summary>
    /// Points waiting items of a store from one list to another (a rule re-bound to a re-created list)
    /// </summary>
    public virtual async Task RetargetAsync(int storeId, string oldListId, string newListId)
    {
        var pending = (int)QueueItemState.Pending;
        var items = await _queueRepository.GetAllAsync(query => query.Where(item => item.StoreId == storeId && item.ListId == oldListId && item.StateId == pending));
        foreach (var item in items)
            item.ListId = newListId;
        if (items.Count > 0)
            await _queueRepository.UpdateAsync(items, false);
    }

    /// <summary>
    /// Gets items of a store in one state, newest first
    /// </summary>
    public virtual Task<Nop.Core.IPagedList<IcontactQueueItem>> GetItemsAsync(int storeId, QueueItemState state, int pageIndex, int pageSize)
    {
        var stateId = (int)state;
        return _queueRepository.GetAllPagedAsync(query => query.Where(item => item.StoreId == storeId && item.StateId == stateId).OrderByDescending(item => item.Id),
            pageIndex, pageSize);
    }

    /// <summary>
    /// Puts failed items back in the queue with fresh attempts
    /// </summary>
    public virtual async Task RetryFailedAsync(int storeId, IList<int> ids)
    {
        var failed = (int)QueueItemState.Failed;
        var items = await _queueRepository.GetAllAsync(query => query.Where(item => item.StoreId == storeId && item.StateId == failed && ids.Contains(item.Id)));
        foreach (var item in items)
        {
            item.State = QueueItemState.Pending;
            item.Attempts = 0;
            item.NextAttemptOnUtc = UtcNow;
            item.UpdatedOnUtc = UtcNow;
        }

        if (items.Count > 0)
        {
            await _queueRepository.UpdateAsync(items, false);
            _deliverySignal.Notify();
        }
    }

    /// <summary>
    /// Deletes failed items
    /// </summary>
    public virtual Task<int> DiscardFailedAsync(int storeId, IList<int> ids)
    {
        var failed = (int)QueueItemState.Failed;
        return _queueRepository.DeleteAsync(item => item.StoreId == storeId && item.StateId == failed && ids.Contains(item.Id));
    }

    /// <summary>
    /// Counts the items of a store in one state
    /// </summary>
    public virtual async Task<int> CountAsync(int storeId, QueueItemState state)
    {
        var stateId = (int)state;
        var page = await _queueRepository.GetAllPagedAsync(query => query.Where(item => item.StoreId == storeId && item.StateId == stateId),
            pageIndex: 0, pageSize: 1, getOnlyTotalCount: true);
        return page.TotalCount;
    }

    /// <summary>
    /// Counts the items of a bulk synchronisation run in one state
    /// </summary>
    public virtual async Task<int> CountForRunAsync(int syncRunId, QueueItemState state)
    {
        var stateId = (int)state;
        var page = await _queueRepository.GetAllPagedAsync(query => query.Where(item => item.SyncRunId == syncRunId && item.StateId == stateId),
            pageIndex: 0, pageSize: 1, getOnlyTotalCount: true);
        return page.TotalCount;
    }

    /// <summary>
    /// Deletes delivered items last changed before a point in time (failed and pending items are never purged)
    /// </summary>
    public virtual Task<int> PurgeDeliveredAsync(DateTime beforeUtc)
    {
        var done = (int)QueueItemState.Done;
        var leftAlone = (int)QueueItemState.LeftAlone;
        return _queueRepository.DeleteAsync(item => (item.StateId == done || item.StateId == leftAlone) && item.UpdatedOnUtc < beforeUtc);
    }

    /// <summary>
    /// Gets the store, address and list of every item, in any state, that concerns a customer or one of its addresses
    /// </summary>
    public virtual async Task<IList<(int StoreId, string Email, string ListId)>> GetListsOfAsync(int customerId, IList<string> emails)
    {
        var items = await _queueRepository.GetAllAsync(query => query.Where(item => (customerId > 0 && item.CustomerId == customerId) || emails.Contains(item.Email)));
        return items.Select(item => (item.StoreId, item.Email, item.ListId)).Distinct().ToList();
    }

    /// <summary>
    /// Deletes every item, in any state, that holds a customer's personal data, by customer id and by address
    /// (delivered items included), except erasure items not yet delivered: they are what the erasure itself still
    /// needs. One statement.
    /// </summary>
    /// <param name="storeId">Store identifier, or 0 for every store</param>
    /// <param name="customerId">Customer identifier, or 0 to match by address only</param>
    /// <param name="emails">Normalised addresses</param>
    public virtual Task<int> PurgePersonalDataAsync(int storeId, int customerId, IList<string> emails)
    {
        var done = (int)QueueItemState.Done;
        var erasure = IcontactDefaults.ErasureMark;
        return _queueRepository.DeleteAsync(item => (storeId == 0 || item.StoreId == storeId)
            && ((customerId > 0 && item.CustomerId == customerId) || emails.Contains(item.Email))
            && (item.RuleId != erasure || item.RuleId == null || item.StateId == done));
    }

    #endregion
}
