using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Inbound changes: what iContact's web hooks report waits in the queue table as <see cref="QueueOperation.InboundCheck"/>
/// items in state <see cref="QueueItemState.Received"/> (which delivery never claims) until it is confirmed with iContact
/// </summary>
public class InboundQueue
{
    #region Fields

    protected readonly DeliverySignal _deliverySignal;
    protected readonly IcontactLeaseService _leaseService;
    protected readonly IRepository<IcontactQueueItem> _queueRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public InboundQueue(DeliverySignal deliverySignal, IcontactLeaseService leaseService, IRepository<IcontactQueueItem> queueRepository, TimeProvider timeProvider)
    {
        _deliverySignal = deliverySignal;
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
    /// Records reported changes durably; a change still waiting for the same contact and list is not recorded twice
    /// (a replayed call adds nothing)
    /// </summary>
    /// <param name="storeId">Store whose hook was called</param>
    /// <param name="changes">Contact and list ids as iContact's call claims them</param>
    /// <returns>How many were recorded</returns>
    public virtual async Task<int> EnqueueInboundAsync(int storeId, IReadOnlyCollection<(string ContactId, string ListId)> changes)
    {
        if (changes.Count == 0)
            return 0;

        var received = (int)QueueItemState.Received;
        var inbound = (int)QueueOperation.InboundCheck;
        var lists = changes.Select(change => change.ListId).Distinct().ToList();
        var waiting = (await _queueRepository.GetAllAsync(query => query.Where(item =>
                item.StoreId == storeId && item.StateId == received && item.OperationId == inbound && lists.Contains(item.ListId))))
            .Select(item => (item.ContactJson, item.ListId)).ToHashSet();

        var now = UtcNow;
        var items = changes.Distinct()
            .Where(change => !waiting.Contains((change.ContactId, change.ListId)))
            .Select(change => new IcontactQueueItem
            {
                StoreId = storeId,
                Email = string.Empty,
                ContactJson = change.ContactId,
                ListId = change.ListId,
                Operation = QueueOperation.InboundCheck,
                State = QueueItemState.Received,
                NextAttemptOnUtc = now,
                CreatedOnUtc = now,
                UpdatedOnUtc = now
            }).ToList();
        if (items.Count == 0)
            return 0;

        await _queueRepository.InsertAsync(items, false);
        _deliverySignal.Notify();
        return items.Count;
    }

    /// <summary>
    /// Takes received changes that are due, oldest first, and pushes their time back by the lease, so another node
    /// (or an overlapping run) does not take them at the same time (under a lease row, which a second claimant cannot pass); confirming twice is harmless anyway
    /// </summary>
    public virtual async Task<IList<IcontactQueueItem>> ClaimInboundAsync(int max, TimeSpan lease)
    {
        IList<IcontactQueueItem> claimed = [];
        await _leaseService.RunExclusiveAsync($"{IcontactDefaults.SystemName}.ClaimInbound", TimeSpan.FromMinutes(1), async () =>
        {
            var now = UtcNow;
            var received = (int)QueueItemState.Received;
            claimed = await _queueRepository.GetAllAsync(query => query
                .Where(item => item.StateId == received && item.NextAttemptOnUtc <= now)
                .OrderBy(item => item.Id)
                .Take(max));
            foreach (var item in claimed)
            {
                item.Attempts++;
                item.NextAttemptOnUtc = now + lease;
                item.UpdatedOnUtc = now;
            }

            if (claimed.Count > 0)
                await _queueRepository.UpdateAsync(claimed, false);
        });

        return claimed;
    }

    /// <summary>
    /// Puts a received change back until a later time (iContact unavailable, budget spent)
    /// </summary>
    public virtual async Task DeferInboundAsync(IcontactQueueItem item, DateTime nextAttemptUtc, string reason)
    {
        item.NextAttemptOnUtc = nextAttemptUtc;
        item.LastError = reason;
        item.UpdatedOnUtc = UtcNow;
        await _queueRepository.UpdateAsync(item, false);
    }

    /// <summary>
    /// Gets when the store's web hook last reported a change, or null
    /// </summary>
    public virtual async Task<DateTime?> GetLastInboundOnUtcAsync(int storeId)
    {
        var inbound = (int)QueueOperation.InboundCheck;
        var last = await _queueRepository.GetAllAsync(query => query
            .Where(item => item.StoreId == storeId && item.OperationId == inbound)
            .OrderByDescending(item => item.Id)
            .Take(1));
        return last.FirstOrDefault()?.CreatedOnUtc;
    }
    /// <summary>
    /// Settles a received change with a note on what was done (it stays listed until the retention purge)
    /// </summary>
    public virtual async Task SettleAsync(IcontactQueueItem item, string note)
    {
        item.State = QueueItemState.Done;
        item.LastError = note;
        item.UpdatedOnUtc = UtcNow;
        await _queueRepository.UpdateAsync(item, false);
    }

    #endregion
}
