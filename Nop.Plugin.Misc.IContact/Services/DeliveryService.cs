using System.Text.Json;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The one delivery path (live events, retries, the schedule task and bulk sync all end here): claims a batch per
/// store, upserts its contacts in one request and its subscriptions in one request, and records each item's outcome.
/// It keeps to the store's request budget, backs off on transient failures, pauses a store on authentication or
/// billing failures, and re-binds rules whose list was deleted and re-created under the same name.
/// </summary>
public class DeliveryService
{
    #region Fields

    protected readonly CustomerErasureService _customerErasureService;
    protected readonly ErrorDescriber _errorDescriber;
    protected readonly IcontactGateway _gateway;
    protected readonly ILogger _logger;
    protected readonly ISettingService _settingService;
    protected readonly QueueService _queueService;
    protected readonly StaleListGuard _staleListGuard;
    protected readonly StatusService _statusService;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;

    /// <summary>
    /// Gets the identity of this node in leases
    /// </summary>
    public static string NodeId { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    #endregion

    #region Ctor

    public DeliveryService(CustomerErasureService customerErasureService,
        ErrorDescriber errorDescriber,
        IcontactGateway gateway,
        ILogger logger,
        ISettingService settingService,
        QueueService queueService,
        StaleListGuard staleListGuard,
        StatusService statusService,
        SubscriberService subscriberService,
        TimeProvider timeProvider)
    {
        _customerErasureService = customerErasureService;
        _errorDescriber = errorDescriber;
        _gateway = gateway;
        _logger = logger;
        _settingService = settingService;
        _queueService = queueService;
        _staleListGuard = staleListGuard;
        _statusService = statusService;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Gets the time of the next attempt: exponential back-off from 30 seconds, at most an hour, with ±20 % jitter
    /// </summary>
    protected virtual DateTime Backoff(int attempt) => UtcNow + BackoffDelay(attempt, Random.Shared.NextDouble());

    /// <summary>
    /// Gets the delay before a retry: 30 s after the first failure, doubling, ±20 % jitter, never more than an hour
    /// </summary>
    /// <param name="attempt">Failed attempts so far (1 for the first failure)</param>
    /// <param name="random">A number in [0, 1) that places the delay within its jitter</param>
    public static TimeSpan BackoffDelay(int attempt, double random)
    {
        var seconds = Math.Min(30 * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20)), 3600);
        return TimeSpan.FromSeconds(Math.Min(seconds * (0.8 + random * 0.4), 3600));
    }

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

        var upserts = items.Where(item => item.Operation == QueueOperation.Subscribe)
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

            if (known.TryGetValue(email, out var knownId) && items.All(item => item.Email != email || item.Operation != QueueOperation.Subscribe))
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

    protected virtual async Task<DeliveryPassResult> DeliverAsync(IcontactStoreConnection connection, List<IcontactQueueItem> claimed, CancellationToken cancellationToken)
    {
        //within a batch the newest change for an address and list wins
        var newest = claimed.GroupBy(item => (item.Email, item.ListId, item.Operation == QueueOperation.DeleteContact))
            .Select(group => group.OrderByDescending(item => item.Id).First())
            .ToList();
        await _queueService.CompleteAsync(claimed.Except(newest), await _errorDescriber.TextAsync("Delivery.Superseded"));

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

        var memberships = items.Where(item => item.Operation != QueueOperation.DeleteContact && ids.ContainsKey(item.Email)).ToList();

        //nothing re-subscribes someone who unsubscribed in iContact, neither a bulk synchronisation nor a later event (the
        //list's unsubscribed contacts are remembered for minutes, and forgotten when a web hook reports a new unsubscribe)
        var leftAlone = new List<IcontactQueueItem>();
        foreach (var group in memberships.Where(item => item.Operation == QueueOperation.Subscribe).GroupBy(item => item.ListId))
        {
            var unsubscribed = await connection.GetUnsubscribedContactIdsAsync(group.Key, cancellationToken);
            leftAlone.AddRange(group.Where(item => unsubscribed.Contains(ids[item.Email])));
        }
        memberships = memberships.Except(leftAlone).ToList();
        await _queueService.CompleteAsync(leftAlone, await _errorDescriber.TextAsync("Delivery.LeftAlone"), QueueItemState.LeftAlone);
        foreach (var item in items.Where(item => item.Operation == QueueOperation.Unsubscribe && !ids.ContainsKey(item.Email) && !refused.ContainsKey(item.Email)))
            delivered.Add(item); //iContact has no such contact: it is on no list

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

        await _queueService.CompleteAsync(delivered);
        foreach (var (item, error) in failed)
            await _queueService.RetryAsync([item], error, Backoff, connection.Settings.MaxAttempts);

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
                customer.Where(item => item.Operation == QueueOperation.Unsubscribe).Select(item => item.ListId).ToList()));
        }

        //the batch's records in a few statements (a bulk page delivers hundreds of customers at once)
        await _subscriberService.RecordManyAsync(connection.StoreId, changes);

        await _customerErasureService.ForgetDeliveredAsync(connection.StoreId, delivered);
        await connection.RecordSuccessAsync();
        var failedForGood = failed.Count(f => f.Item.State == QueueItemState.Failed);
        return new DeliveryPassResult(delivered.Count + leftAlone.Count + claimed.Count - newest.Count, failed.Count - failedForGood, failedForGood, waiting);
    }

    protected virtual async Task<DeliveryPassResult> DeliverStoreAsync(int storeId, CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        //a lease outlives the pass: a few requests at the store's time-out each
        var leaseDuration = IcontactGateway.RequestTimeoutOf(settings, interactive: false) * 6 + TimeSpan.FromMinutes(1);
        var claimed = (await _queueService.ClaimAsync(storeId, Math.Clamp(settings.BatchSize, 1, 1000), NodeId, leaseDuration,
            await _errorDescriber.TextAsync("Delivery.Superseded"))).ToList();
        if (claimed.Count == 0)
            return DeliveryPassResult.None;

        if (!IcontactConnectionService.IsConfigured(settings))
        {
            await _queueService.ReleaseAsync(claimed, UtcNow.AddMinutes(5), await _errorDescriber.TextAsync("Delivery.NotConfigured"));
            return new DeliveryPassResult(0, 0, 0, claimed.Count);
        }

        var status = await _statusService.GetAsync(storeId);
        if (!string.IsNullOrEmpty(status.PausedReason))
        {
            await _queueService.ReleaseAsync(claimed, UtcNow.AddMinutes(5), status.PausedReason);
            return new DeliveryPassResult(0, 0, 0, claimed.Count);
        }

        var connection = await _gateway.OpenAsync(storeId, settings);
        try
        {
            return await DeliverAsync(connection, claimed, cancellationToken);
        }
        catch (IcontactBudgetExhaustedException exception)
        {
            var waitingItems = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _queueService.ReleaseAsync(waitingItems, exception.AvailableOnUtc,
                await _errorDescriber.TextAsync("Delivery.BudgetUsedUp", exception.AvailableOnUtc.ToString("yyyy-MM-dd HH:mm")));
            return new DeliveryPassResult(0, 0, 0, waitingItems.Count);
        }
        catch (IcontactApiException exception) when (exception.RequiresOwnerAction)
        {
            //no hammering: the store waits until the owner saves or verifies credentials
            var message = await connection.RecordErrorAsync(exception);
            await _statusService.PauseAsync(storeId, message);
            await _logger.ErrorAsync($"{IcontactDefaults.SystemName}: delivery paused. {message}");
            var waitingItems = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _queueService.ReleaseAsync(waitingItems, UtcNow.AddMinutes(5), message);
            return new DeliveryPassResult(0, 0, 0, waitingItems.Count);
        }
        catch (IcontactApiException exception)
        {
            var message = await connection.RecordErrorAsync(exception);
            if (_logger.IsEnabled(LogLevel.Warning))
                await _logger.WarningAsync($"{IcontactDefaults.SystemName}: delivery will be retried. {message}");
            var retrying = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _queueService.RetryAsync(retrying, message, Backoff, settings.MaxAttempts);
            var failedForGood = retrying.Count(item => item.State == QueueItemState.Failed);
            return new DeliveryPassResult(0, retrying.Count - failedForGood, failedForGood, 0);
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Runs one pass: one batch for every store with items due
    /// </summary>
    /// <param name="cancellationToken">Cancellation token</param>
    /// <returns>What the pass did</returns>
    public virtual async Task<DeliveryPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var result = DeliveryPassResult.None;
        foreach (var storeId in await _queueService.GetStoresWithDueItemsAsync())
            result += await DeliverStoreAsync(storeId, cancellationToken);
        return result;
    }

    #endregion
}
