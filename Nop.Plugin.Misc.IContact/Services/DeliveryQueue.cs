using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents a batch claimed for delivery: its items and the lease row that holds the store while it is delivered
/// </summary>
public record QueueClaim(string LeaseName, string Token, IList<IcontactQueueItem> Items)
{
    /// <summary>
    /// Gets an empty claim (nothing due, or another claimant holds the store)
    /// </summary>
    public static QueueClaim None { get; } = new(null, null, []);
}

/// <summary>
/// Delivery's side of the queue table: which stores have items due, claiming a batch, and recording each item's outcome
/// </summary>
public class DeliveryQueue
{
    #region Fields

    protected readonly IcontactLeaseService _leaseService;
    protected readonly IRepository<IcontactQueueItem> _queueRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public DeliveryQueue(IcontactLeaseService leaseService, IRepository<IcontactQueueItem> queueRepository, TimeProvider timeProvider)
    {
        _leaseService = leaseService;
        _queueRepository = queueRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    #endregion

    #region Methods

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
    /// Claims due items of a store: pending items whose time has come (and items a node of an earlier version left
    /// in flight when their lease expired). A store's batch is held by one lease row (unique name, see
    /// <see cref="IcontactLeaseService"/>) from the claim until <see cref="EndClaimAsync"/>, so no second claimant
    /// takes a batch of the store meanwhile and the items need no write of their own; a node that crashes holds the
    /// store until the lease lapses, then its items are claimed again. Items a newer change supersedes are completed,
    /// never sent (<see cref="QueueOrdering"/>).
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="maxContacts">Most distinct addresses to claim (one contacts request carries them all)</param>
    /// <param name="leaseOwner">Claiming node</param>
    /// <param name="leaseDuration">How long the claim holds: longer than the delivery of a batch</param>
    /// <param name="supersededNote">Note recorded on items a newer change superseded</param>
    /// <returns>The claim; its items (oldest first, marked in flight in memory only) are empty when another claimant
    /// holds the store or nothing is due</returns>
    public virtual async Task<QueueClaim> ClaimAsync(int storeId, int maxContacts, string leaseOwner, TimeSpan leaseDuration, string supersededNote = null)
    {
        var slot = $"{IcontactDefaults.SystemName}.Claim.{storeId}";
        var token = await _leaseService.TryAcquireAsync(slot, leaseDuration);
        if (token is null)
            return QueueClaim.None;

        var claim = QueueClaim.None;
        try
        {
            claim = await ClaimUnderLeaseAsync(storeId, maxContacts, $"{(leaseOwner.Length > 67 ? leaseOwner[..67] : leaseOwner)}/{token}", leaseDuration, supersededNote);
            return claim = claim with { LeaseName = slot, Token = token };
        }
        finally
        {
            if (claim.Items.Count == 0)
                await _leaseService.ReleaseAsync(slot, token);
        }
    }

    /// <summary>
    /// Gives a claimed batch's store back once every item has its outcome (nothing happens when the lease lapsed and
    /// another claimant holds it now)
    /// </summary>
    public virtual Task EndClaimAsync(QueueClaim claim) => _leaseService.ReleaseAsync(claim.LeaseName, claim.Token);

    protected virtual async Task<QueueClaim> ClaimUnderLeaseAsync(int storeId, int maxContacts, string owner, TimeSpan leaseDuration, string supersededNote)
    {
        var now = UtcNow;
        for (var round = 0; round < 10; round++)
        {
            var candidates = await GetDueAsync(storeId, now, maxContacts * 4);
            if (candidates.Count == 0)
                return QueueClaim.None;

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

            //in memory only: the lease row holds the batch (a row written as it is stays claimable once the lease expires)
            foreach (var item in claimed)
            {
                item.State = QueueItemState.InFlight;
                item.LeaseOwner = owner;
                item.LeaseExpiresOnUtc = now + leaseDuration;
            }

            return new QueueClaim(null, null, claimed);
        }

        return QueueClaim.None;
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
    /// Records delivered items. A live change stays listed as delivered until the retention purge (one update per
    /// item: the platform's list update is one statement per entity outside SQL Server); a bulk run's changes leave the
    /// queue in one statement (its progress counts them), and with them the older waiting or failed changes of the same
    /// store, address and list, which a newer delivered change replaces, so the newest word still wins once its row is gone
    /// </summary>
    public virtual async Task CompleteDeliveredAsync(int storeId, IEnumerable<IcontactQueueItem> items)
    {
        var delivered = items.ToList();
        await CompleteAsync(delivered.Where(item => item.SyncRunId == 0));

        var bulk = delivered.Where(item => item.SyncRunId > 0).ToList();
        if (bulk.Count == 0)
            return;

        var ids = bulk.Select(item => item.Id).ToList();
        var newest = ids.Max();
        var emails = bulk.Select(item => item.Email).Distinct().ToList();
        var pairs = bulk.Select(item => item.Email + "\n" + (item.ListId ?? string.Empty)).Distinct().ToList();
        var (pending, failed, deleteContact) = ((int)QueueItemState.Pending, (int)QueueItemState.Failed, (int)QueueOperation.DeleteContact);
        await DatabaseFailure.RetryOnConflictAsync(() => _queueRepository.DeleteAsync(item => item.StoreId == storeId && (ids.Contains(item.Id)
            || item.Id < newest && (item.StateId == pending || item.StateId == failed) && item.OperationId != deleteContact && emails.Contains(item.Email)
            && pairs.Contains(item.Email + "\n" + (item.ListId ?? string.Empty)))));
        foreach (var item in bulk)
            item.State = QueueItemState.Done;
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

    #endregion
}
