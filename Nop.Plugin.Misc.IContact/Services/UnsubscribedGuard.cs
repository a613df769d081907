using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Nothing re-subscribes someone who unsubscribed in iContact (issue 13), but the plugin may put back on a list a contact
/// it took off itself (a rule's removal: "no order for 180 days", a new order, a later lapse). iContact shows only
/// "unsubscribed", not who unsubscribed, so delivery remembers its own unsubscribes in the customer's record
/// (<see cref="IcontactSubscriber.RemovedListIds"/>) and this guard reads them
/// </summary>
public class UnsubscribedGuard
{
    #region Fields

    protected readonly SubscriberService _subscriberService;

    #endregion

    #region Ctor

    public UnsubscribedGuard(SubscriberService subscriberService)
    {
        _subscriberService = subscriberService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets whether a record is the one of a queue item's customer (guests: customer id 0 and the address) and says the
    /// plugin itself took the item's contact off the item's list
    /// </summary>
    protected static bool RemovedByPlugin(IcontactSubscriber record, IcontactQueueItem item, string contactId) =>
        record.CustomerId == item.CustomerId
        && (item.CustomerId > 0 || string.Equals(record.Email, item.Email, StringComparison.OrdinalIgnoreCase))
        //the record's contact: after an email change the new address is another contact, which the plugin never took off
        && record.ContactId == contactId
        && record.GetRemovedListIds().Contains(item.ListId);

    #endregion

    #region Methods

    /// <summary>
    /// Gets the subscribes to leave alone: the contact is unsubscribed from the list in iContact, and not by the plugin
    /// </summary>
    /// <param name="connection">The store's connection</param>
    /// <param name="memberships">The batch's list changes whose contact iContact has</param>
    /// <param name="ids">Contact ids by email</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public virtual async Task<List<IcontactQueueItem>> LeftAloneAsync(IcontactStoreConnection connection, List<IcontactQueueItem> memberships,
        IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        //the list's unsubscribed contacts are remembered for minutes, and forgotten when a web hook reports a new unsubscribe
        var candidates = new List<IcontactQueueItem>();
        foreach (var group in memberships.Where(item => item.Operation == QueueOperation.Subscribe).GroupBy(item => item.ListId))
        {
            var unsubscribed = await connection.GetUnsubscribedContactIdsAsync(group.Key, cancellationToken);
            candidates.AddRange(group.Where(item => unsubscribed.Contains(ids[item.Email])));
        }

        //a bulk page in which nobody is unsubscribed pays no query
        if (candidates.Count == 0)
            return candidates;

        var records = await _subscriberService.GetCustomersAndGuestsAsync(connection.StoreId,
            candidates.Where(item => item.CustomerId > 0).Select(item => item.CustomerId).Distinct().ToList(),
            candidates.Where(item => item.CustomerId == 0).Select(item => item.Email).Distinct().ToList());
        return candidates.Where(item => !records.Any(record => RemovedByPlugin(record, item, ids[item.Email]))).ToList();
    }

    /// <summary>
    /// Gets the unsubscribes that are the plugin's own: the contact is still on the list in iContact before they are
    /// sent (when iContact already shows it unsubscribed, the person did it). An erasure's are left out: they record nothing.
    /// </summary>
    /// <remarks>
    /// A person who unsubscribes in iContact moments before the plugin does would be taken for the plugin. A few
    /// unsubscribes (live events, the usual case) are therefore checked one by one just before they are sent, one
    /// request each, which leaves a window of one request. A batch with more (a backlog after an outage) uses the lists'
    /// remembered unsubscribed contacts, up to <see cref="IcontactDefaults.UnsubscribedCacheTime"/> minutes old unless
    /// a web hook made them forgotten. Reading a list's unsubscribed contacts afresh for every such batch is not done:
    /// it costs a request per 500 of them, and the plugin's own unsubscribes make that set grow.
    /// </remarks>
    /// <param name="connection">The store's connection</param>
    /// <param name="memberships">The batch's list changes whose contact iContact has</param>
    /// <param name="ids">Contact ids by email</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public virtual async Task<HashSet<IcontactQueueItem>> OwnUnsubscribesAsync(IcontactStoreConnection connection, List<IcontactQueueItem> memberships,
        IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        var unsubscribes = memberships.Where(item => item.Operation == QueueOperation.Unsubscribe && item.RuleId != IcontactDefaults.ErasureMark).ToList();
        var own = new HashSet<IcontactQueueItem>();
        if (unsubscribes.Count <= IcontactDefaults.FreshUnsubscribeChecks)
        {
            foreach (var item in unsubscribes)
            {
                var subscription = await connection.CallAsync((client, token) => client.GetSubscriptionAsync(connection.Folder, item.ListId, ids[item.Email], token),
                    cancellationToken);
                if (subscription?.Status != IcontactDefaults.SubscriptionStatuses.Unsubscribed)
                    own.Add(item);
            }

            return own;
        }

        foreach (var group in unsubscribes.GroupBy(item => item.ListId))
        {
            var unsubscribed = await connection.GetUnsubscribedContactIdsAsync(group.Key, cancellationToken);
            own.UnionWith(group.Where(item => !unsubscribed.Contains(ids[item.Email])));
        }

        return own;
    }

    #endregion
}
