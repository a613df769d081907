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
    protected readonly IcontactLeaseService _leaseService;
    protected readonly IRepository<IcontactQueueItem> _queueRepository;
    protected readonly TimeProvider _timeProvider;
    protected readonly EnqueueFallback _enqueueFallback;
    protected readonly ILogger _logger;

    #endregion

    #region Ctor

    public QueueService(DeliverySignal deliverySignal,
        IcontactLeaseService leaseService,
        IRepository<IcontactQueueItem> queueRepository,
        TimeProvider timeProvider,
        EnqueueFallback enqueueFallback,
        ILogger logger)
    {
        _deliverySignal = deliverySignal;
        _leaseService = leaseService;
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
    /// Claims due items of a store for one claimant: pending items whose time has come and items whose lease expired
    /// (a node that crashed mid-delivery). Claims of a store are made one at a time under a lease row (unique name, see
    /// <see cref="IcontactLeaseService"/>) and checked after the write, so two claimants never hold one item; items a
    /// newer change supersedes are completed, never sent (<see cref="QueueOrdering"/>).
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="maxContacts">Most distinct addresses to claim (one contacts request carries them all)</param>
    /// <param name="leaseOwner">Claiming node</param>
    /// <param name="leaseDuration">How long the claim holds</param>
    /// <param name="supersededNote">Note recorded on items a newer change superseded</param>
    /// <returns>Claimed items, oldest first; empty when another claimant is claiming right now</returns>
    public virtual async Task<IList<IcontactQueueItem>> ClaimAsync(int storeId, int maxContacts, string leaseOwner, TimeSpan leaseDuration, string supersededNote = null)
    {
        var slot = $"{IcontactDefaults.SystemName}.Claim.{storeId}";
        var token = await _leaseService.TryAcquireAsync(slot, TimeSpan.FromMinutes(1));
        if (token is null)
            return [];

        try
        {
            //the owner names this very claim, so the check after the write tells it from any other claim of this node
            var owner = $"{(leaseOwner.Length > 67 ? leaseOwner[..67] : leaseOwner)}/{token}";
            var now = UtcNow;
            var expires = now + leaseDuration;
            for (var round = 0; round < 10; round++)
            {
                var candidates = await GetDueAsync(storeId, now, maxContacts * 4);
                if (candidates.Count == 0)
                    return [];

                var emails = candidates.Select(item => item.Email).Distinct().ToList();
                var oldest = candidates.Min(item => item.Id);
                var inFlight = (int)QueueItemState.InFlight;
                var related = await _queueRepository.GetAllAsync(query => query
                    .Where(item => item.StoreId == storeId && emails.Contains(item.Email) && (item.Id > oldest || item.StateId == inFlight)));
                var (superseded, blocked) = QueueOrdering.Sort(candidates, related, now);
                await CompleteAsync(superseded, supersededNote);

                //a contact on several lists has several items: claim whole contacts, up to the batch size
                var addresses = new HashSet<string>();
                var claimed = candidates.Except(superseded).Except(blocked)
                    .TakeWhile(item => addresses.Contains(item.Email) || addresses.Count < maxContacts && addresses.Add(item.Email)).ToList();
                if (claimed.Count == 0 && superseded.Count > 0)
                    continue;

                foreach (var item in claimed)
                {
                    item.State = QueueItemState.InFlight;
                    item.LeaseOwner = owner;
                    item.LeaseExpiresOnUtc = expires;
                    item.UpdatedOnUtc = now;
                }

                if (claimed.Count == 0)
                    return [];
                await _queueRepository.UpdateAsync(claimed, false);

                //verify after the write: keep only what still carries this claim
                var ids = claimed.Select(item => item.Id).ToList();
                var held = (await _queueRepository.GetAllAsync(query => query.Where(item => ids.Contains(item.Id) && item.LeaseOwner == owner)))
                    .Select(item => item.Id).ToHashSet();
                return claimed.Where(item => held.Contains(item.Id)).ToList();
            }

            return [];
        }
        finally
        {
            await _leaseService.ReleaseAsync(slot, token);
        }
    }

    protected virtual Task<IList<IcontactQueueItem>> GetDueAsync(int storeId, DateTime now, int count)
    {
        var pending = (int)QueueItemState.Pending;
        var inFlight = (int)QueueItemState.InFlight;
        return _queueRepository.GetAllAsync(query => query
            .Where(item => item.StoreId == storeId)
            .Where(item => (item.StateId == pending && item.NextAttemptOnUtc <= now) || (item.StateId == inFlight && item.LeaseExpiresOnUtc < now))
            .OrderBy(item => item.Id)
            .Take(count));
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
