using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// What the admin page, the status card, a run's progress and an erasure read from the queue table and remove from
/// it: items by state, counts, retry and discard of failed items, the retention purge and the purge of a customer's data
/// </summary>
public class QueueAdminService
{
    #region Fields

    protected readonly DeliverySignal _deliverySignal;
    protected readonly IRepository<IcontactQueueItem> _queueRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public QueueAdminService(DeliverySignal deliverySignal, IRepository<IcontactQueueItem> queueRepository, TimeProvider timeProvider)
    {
        _deliverySignal = deliverySignal;
        _queueRepository = queueRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    #endregion

    #region Methods

    /// <summary>
    /// Gets the items of a store scope: items carry the store they were made for (a single-store install's under its
    /// store's id), so the all-stores scope (0) has every store's, as the status card counts them
    /// </summary>
    protected virtual IQueryable<IcontactQueueItem> InScope(IQueryable<IcontactQueueItem> query, int storeId) =>
        storeId > 0 ? query.Where(item => item.StoreId == storeId) : query;

    /// <summary>
    /// Gets items of a store scope (0: all stores) in one state, newest first
    /// </summary>
    public virtual Task<Nop.Core.IPagedList<IcontactQueueItem>> GetItemsAsync(int storeId, QueueItemState state, int pageIndex, int pageSize)
    {
        var stateId = (int)state;
        return _queueRepository.GetAllPagedAsync(query => InScope(query, storeId).Where(item => item.StateId == stateId).OrderByDescending(item => item.Id),
            pageIndex, pageSize);
    }

    /// <summary>
    /// Puts failed items of a store scope (0: all stores) back in the queue with fresh attempts
    /// </summary>
    public virtual async Task RetryFailedAsync(int storeId, IList<int> ids)
    {
        var failed = (int)QueueItemState.Failed;
        var items = await _queueRepository.GetAllAsync(query => InScope(query, storeId).Where(item => item.StateId == failed && ids.Contains(item.Id)));
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
    /// Deletes failed items of a store scope (0: all stores)
    /// </summary>
    public virtual Task<int> DiscardFailedAsync(int storeId, IList<int> ids)
    {
        var failed = (int)QueueItemState.Failed;
        return storeId > 0
            ? _queueRepository.DeleteAsync(item => item.StoreId == storeId && item.StateId == failed && ids.Contains(item.Id))
            : _queueRepository.DeleteAsync(item => item.StateId == failed && ids.Contains(item.Id));
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
    /// Gets a store's queue items (any state) as a query, for checks made together with the platform's tables in one
    /// statement (the lapsed check: "already queued since the last order"); not run here
    /// </summary>
    public virtual IQueryable<IcontactQueueItem> ItemsOfStore(int storeId) =>
        _queueRepository.Table.Where(item => item.StoreId == storeId);

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

    /// <summary>
    /// Counts the items of a bulk synchronisation run still waiting for delivery (pending or claimed), in one query
    /// </summary>
    public virtual async Task<int> CountWaitingForRunAsync(int syncRunId)
    {
        var pending = (int)QueueItemState.Pending;
        var inFlight = (int)QueueItemState.InFlight;
        var page = await _queueRepository.GetAllPagedAsync(query => query.Where(item => item.SyncRunId == syncRunId && (item.StateId == pending || item.StateId == inFlight)),
            pageIndex: 0, pageSize: 1, getOnlyTotalCount: true);
        return page.TotalCount;
    }


    /// <summary>
    /// Moves the items not yet delivered from one store id to another (an update's repair of a single-store install: see
    /// <see cref="SubscriberService.MoveStoreAsync"/>), so the newest change per store, address and list still wins
    /// </summary>
    /// <returns>The number of items moved</returns>
    public virtual async Task<int> MoveWaitingToStoreAsync(int fromStoreId, int toStoreId)
    {
        var done = (int)QueueItemState.Done;
        var leftAlone = (int)QueueItemState.LeftAlone;
        var items = await _queueRepository.GetAllAsync(query => query.Where(item => item.StoreId == fromStoreId && item.StateId != done && item.StateId != leftAlone));
        if (items.Count == 0 || fromStoreId == toStoreId)
            return 0;

        foreach (var item in items)
            item.StoreId = toStoreId;
        await _queueRepository.UpdateAsync(items, false);
        return items.Count;
    }

    #endregion
}
