using System.Text.Json;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Sends one claimed batch of a store: its contacts in one request, its subscriptions in one request (leaving alone
/// whoever unsubscribed in iContact, <see cref="UnsubscribedGuard"/>), and records each item's outcome and what the
/// customers now have
/// </summary>
public class BatchDelivery
{
    #region Fields

    protected readonly CustomerErasureService _customerErasureService;
    protected readonly DeliveryQueue _deliveryQueue;
    protected readonly ErrorDescriber _errorDescriber;
    protected readonly StaleListGuard _staleListGuard;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;
    protected readonly UnsubscribedGuard _unsubscribedGuard;

    #endregion

    #region Ctor

    public BatchDelivery(CustomerErasureService customerErasureService,
        DeliveryQueue deliveryQueue,
        ErrorDescriber errorDescriber,
        StaleListGuard staleListGuard,
        SubscriberService subscriberService,
        TimeProvider timeProvider,
        UnsubscribedGuard unsubscribedGuard)
    {
        _customerErasureService = customerErasureService;
        _deliveryQueue = deliveryQueue;
        _errorDescriber = errorDescriber;
        _staleListGuard = staleListGuard;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
        _unsubscribedGuard = unsubscribedGuard;
    }

    #endregion

    #region Utilities

    protected virtual DateTime Backoff(int attempt) => _timeProvider.GetUtcNow().UtcDateTime + DeliveryService.BackoffDelay(attempt, Random.Shared.NextDouble());

    protected static IcontactContact ContactOf(IcontactQueueItem item)
    {
        var contact = string.IsNullOrEmpty(item.ContactJson) ? null : JsonSerializer.Deserialize<IcontactContact>(item.ContactJson, IcontactJson.Options);
        return (contact ?? new IcontactContact()) with { Email = item.Email };
    }

    /// <summary>
    /// Finds the contact id of every address in the batch: one upsert for subscribers (iContact matches by email, so a
    /// re-delivery creates no duplicate); known ids or a search for addresses that only leave lists
    /// </summary>
    /// <returns>Contact ids by email, and a failure message for addresses iContact refused</returns>
    protected virtual async Task<(Dictionary<string, string> Ids, Dictionary<string, string> Refused)> ResolveContactsAsync(IcontactStoreConnection connection,
        List<IcontactQueueItem> items, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        var upserts = items.Where(QueueItemFactory.CarriesContact)
            .GroupBy(item => item.Email)
            .Select(group => ContactOf(group.OrderByDescending(item => item.Id).First()))
            .ToList();
        var refusals = new Dictionary<string, IcontactRefusal<IcontactContact>>(StringComparer.OrdinalIgnoreCase);
        if (upserts.Count > 0)
        {
            var result = await connection.CallAsync((client, token) => client.UpsertContactsAsync(connection.Folder, upserts, token), cancellationToken);
            foreach (var contact in result.Items.Where(c => !string.IsNullOrEmpty(c.Email) && !string.IsNullOrEmpty(c.ContactId)))
                ids[contact.Email] = contact.ContactId;
            foreach (var refusal in result.Refused.Where(r => !string.IsNullOrEmpty(r.Item.Email)))
                refusals.TryAdd(refusal.Item.Email, refusal);
        }

        //addresses that only leave lists: the id the plugin knows, else a search (status=total finds every contact)
        var known = (await _subscriberService.GetManyAsync(connection.StoreId, items.Select(item => item.CustomerId).Where(id => id > 0).Distinct().ToList()))
            .Where(s => !string.IsNullOrEmpty(s.ContactId))
            .GroupBy(s => s.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().ContactId, StringComparer.OrdinalIgnoreCase);

        foreach (var email in items.Select(item => item.Email).Distinct().Where(email => !ids.ContainsKey(email)))
        {
            var refusal = refusals.GetValueOrDefault(email);
            if (refusal?.Kind == IcontactRefusalKind.Invalid)
            {
                refused[email] = refusal.Message;
                continue;
            }

            if (known.TryGetValue(email, out var knownId) && items.All(item => item.Email != email || !QueueItemFactory.CarriesContact(item)))
            {
                ids[email] = knownId;
                continue;
            }

            //iContact answered with a warning instead of the contact (e.g. "already exists"): look it up
            var found = await connection.CallAsync((client, token) => client.FindContactsByEmailAsync(connection.Folder, email, token), cancellationToken);
            if (found.FirstOrDefault() is { } contact)
                ids[email] = contact.ContactId;
            else if (upserts.Any(c => c.Email == email))
                refused[email] = refusal?.Message ?? await _errorDescriber.TextAsync("Delivery.ContactRefused");
        }

        return (ids, refused);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Delivers a claimed batch through a store's connection and records every item's outcome
    /// </summary>
    /// <returns>What the batch came to</returns>
    public virtual async Task<DeliveryPassResult> DeliverAsync(IcontactStoreConnection connection, List<IcontactQueueItem> claimed, CancellationToken cancellationToken)
    {
        //within a batch the newest change for an address and list wins
        var newest = claimed.GroupBy(item => (item.Email, item.ListId, item.Operation == QueueOperation.DeleteContact))
            .Select(group => group.OrderByDescending(item => item.Id).First())
            .ToList();
        await _deliveryQueue.CompleteAsync(claimed.Except(newest), await _errorDescriber.TextAsync("Delivery.Superseded"));

        var lists = await connection.GetListsAsync(cancellationToken);
        var items = await _staleListGuard.GuardAsync(connection, newest, lists);
        var waiting = newest.Count - items.Count;
        if (items.Count == 0)
            return new DeliveryPassResult(claimed.Count - newest.Count, 0, 0, waiting);

        var (ids, refused) = await ResolveContactsAsync(connection, items, cancellationToken);
        var delivered = new List<IcontactQueueItem>();
        var failed = new List<(IcontactQueueItem Item, string Error)>();
        foreach (var item in items.Where(item => refused.ContainsKey(item.Email)))
            failed.Add((item, refused[item.Email]));

        //contacts to delete (an erased customer, when the owner chose deletion)
        foreach (var item in items.Where(item => item.Operation == QueueOperation.DeleteContact))
        {
            if (ids.TryGetValue(item.Email, out var contactId))
                await connection.CallAsync(async (client, token) => { await client.DeleteContactAsync(connection.Folder, contactId, token); return true; }, cancellationToken);
            delivered.Add(item);
        }

        //fields-only updates rode in the contacts request: done once iContact has the contact
        delivered.AddRange(items.Where(item => item.Operation == QueueOperation.UpdateContact && ids.ContainsKey(item.Email)));
        var memberships = items.Where(item => item.Operation is not (QueueOperation.DeleteContact or QueueOperation.UpdateContact) && ids.ContainsKey(item.Email)).ToList();

        //nothing re-subscribes someone who unsubscribed in iContact, neither a bulk synchronisation nor a later event,
        //unless the plugin itself took the contact off that list
        var leftAlone = await _unsubscribedGuard.LeftAloneAsync(connection, memberships, ids, cancellationToken);
        memberships = memberships.Except(leftAlone).ToList();
        await _deliveryQueue.CompleteAsync(leftAlone, await _errorDescriber.TextAsync("Delivery.LeftAlone"), QueueItemState.LeftAlone);
        foreach (var item in items.Where(item => item.Operation == QueueOperation.Unsubscribe && !ids.ContainsKey(item.Email) && !refused.ContainsKey(item.Email)))
            delivered.Add(item); //iContact has no such contact: it is on no list

        //asked before sending: afterwards iContact shows every one of them unsubscribed
        var ownUnsubscribes = await _unsubscribedGuard.OwnUnsubscribesAsync(connection, memberships, ids, cancellationToken);
        if (memberships.Count > 0)
        {
            var request = memberships.Select(item => new IcontactSubscription
            {
                ContactId = ids[item.Email],
                ListId = item.ListId,
                Status = item.Operation == QueueOperation.Unsubscribe ? IcontactDefaults.SubscriptionStatuses.Unsubscribed : item.SubscriptionStatus
            }).ToList();
            var result = await connection.CallAsync((client, token) => client.SubscribeAsync(connection.Folder, request, token), cancellationToken);
            var refusals = result.Refused.GroupBy(r => (r.Item.ListId, r.Item.ContactId)).ToDictionary(g => g.Key, g => g.First());

            foreach (var item in memberships)
            {
                if (!refusals.TryGetValue((item.ListId, ids[item.Email]), out var refusal))
                {
                    delivered.Add(item);
                    continue;
                }

                if (refusal.Kind == IcontactRefusalKind.ListNotFound)
                    await connection.ForgetListsAsync(); //the list may be gone: the guard looks again on the next pass
                failed.Add((item, refusal.Message ?? await _errorDescriber.TextAsync("Delivery.SubscriptionRefused")));
            }
        }

        await _deliveryQueue.CompleteDeliveredAsync(connection.StoreId, delivered);
        foreach (var (item, error) in failed)
            await _deliveryQueue.RetryAsync([item], error, Backoff, connection.Settings.MaxAttempts);

        var changes = new List<DeliveredChange>();
        //an erasure's items (customer id 0, marked) record nothing; a guest's (customer id 0) are recorded by address
        foreach (var customer in delivered.Where(item => item.CustomerId > 0 || (item.CustomerId == 0 && item.RuleId != IcontactDefaults.ErasureMark
                     && item.Operation != QueueOperation.DeleteContact)).GroupBy(item => (item.CustomerId, item.Email)))
        {
            if (customer.Any(item => item.Operation == QueueOperation.DeleteContact))
            {
                await _subscriberService.DeleteAsync(customer.Key.CustomerId, connection.StoreId);
                continue;
            }

            changes.Add(new DeliveredChange(connection.StoreId, customer.Key.CustomerId, customer.Key.Email, ids.GetValueOrDefault(customer.Key.Email),
                customer.Where(item => item.Operation == QueueOperation.Subscribe).Select(item => item.ListId).ToList(),
                customer.Where(item => item.Operation == QueueOperation.Unsubscribe).Select(item => item.ListId).ToList(),
                customer.Where(QueueItemFactory.CarriesContact).MaxBy(item => item.Id)?.FieldsVersion,
                customer.Where(ownUnsubscribes.Contains).Select(item => item.ListId).ToList()));
        }

        //the batch's records in a few statements (a bulk page delivers hundreds of customers at once)
        await _subscriberService.RecordManyAsync(connection.StoreId, changes);

        await _customerErasureService.ForgetDeliveredAsync(connection.StoreId, delivered);
        await connection.RecordSuccessAsync();
        var failedForGood = failed.Count(f => f.Item.State == QueueItemState.Failed);
        return new DeliveryPassResult(delivered.Count + leftAlone.Count + claimed.Count - newest.Count, failed.Count - failedForGood, failedForGood, waiting);
    }

    #endregion
}
