using System.Text.Json;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what one delivery pass did
/// </summary>
public record DeliveryPassResult(int Delivered, int Retrying, int Failed, int Waiting)
{
    public static DeliveryPassResult None { get; } = new(0, 0, 0, 0);

    public int Claimed => Delivered + Retrying + Failed + Waiting;

    public static DeliveryPassResult operator +(DeliveryPassResult a, DeliveryPassResult b) =>
        new(a.Delivered + b.Delivered, a.Retrying + b.Retrying, a.Failed + b.Failed, a.Waiting + b.Waiting);
}

/// <summary>
/// The one delivery path (live events, retries, the schedule task and bulk sync all end here): claims a batch per
/// store, upserts its contacts in one request and its subscriptions in one request, and records each item's outcome.
/// It keeps to the store's request budget, backs off on transient failures, pauses a store on authentication or
/// billing failures, and re-binds rules whose list was deleted and re-created under the same name.
/// </summary>
public class DeliveryService
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly IcontactConnectionService _connectionService;
    protected readonly IcontactHttpClient _icontactHttpClient;
    protected readonly ILogger _logger;
    protected readonly ISettingService _settingService;
    protected readonly ListCache _listCache;
    protected readonly QueueService _queueService;
    protected readonly RequestBudget _requestBudget;
    protected readonly StatusService _statusService;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;
    protected readonly UnsubscribedIndex _unsubscribedIndex;

    /// <summary>
    /// Gets the identity of this node in leases
    /// </summary>
    public static string NodeId { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    #endregion

    #region Ctor

    public DeliveryService(ErrorDescriber errorDescriber,
        IcontactConnectionService connectionService,
        IcontactHttpClient icontactHttpClient,
        ILogger logger,
        ISettingService settingService,
        ListCache listCache,
        QueueService queueService,
        RequestBudget requestBudget,
        StatusService statusService,
        SubscriberService subscriberService,
        TimeProvider timeProvider,
        UnsubscribedIndex unsubscribedIndex)
    {
        _errorDescriber = errorDescriber;
        _connectionService = connectionService;
        _icontactHttpClient = icontactHttpClient;
        _logger = logger;
        _settingService = settingService;
        _listCache = listCache;
        _queueService = queueService;
        _requestBudget = requestBudget;
        _statusService = statusService;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
        _unsubscribedIndex = unsubscribedIndex;
    }

    #endregion

    #region Nested

    /// <summary>
    /// The store's request budget is spent until a point in time
    /// </summary>
    protected class BudgetExhaustedException(DateTime availableOnUtc)
        : IcontactApiException(IcontactErrorKind.Throttled, "The plugin's iContact request budget for the store is used up.")
    {
        public DateTime AvailableOnUtc { get; } = availableOnUtc;
    }

    /// <summary>
    /// One store's batch in delivery
    /// </summary>
    /// <param name="StoreId">The store whose items are delivered</param>
    /// <param name="Settings">Its settings</param>
    /// <param name="Folder">Where in iContact</param>
    /// <param name="BudgetStoreId">The scope whose request budget applies: stores that share credentials share a budget</param>
    protected record Batch(int StoreId, IcontactSettings Settings, IcontactFolder Folder, int BudgetStoreId);

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Gets the time of the next attempt: exponential back-off from 30 seconds, at most an hour, with ±20 % jitter
    /// </summary>
    protected virtual DateTime Backoff(int attempt)
    {
        var seconds = Math.Min(30 * Math.Pow(2, Math.Max(attempt - 1, 0)), 3600);
        return UtcNow.AddSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    protected virtual async Task<T> CallAsync<T>(Batch batch, Func<Task<T>> call)
    {
        if (await _requestBudget.TryReserveAsync(batch.BudgetStoreId, batch.Settings) is DateTime availableOn)
            throw new BudgetExhaustedException(availableOn);
        return await call();
    }

    protected virtual async Task<IReadOnlyList<IcontactList>> ListsAsync(Batch batch, CancellationToken cancellationToken)
    {
        var lists = _listCache.Get(batch.Folder, UtcNow);
        if (lists is not null)
            return lists;

        lists = await CallAsync(batch, () => _icontactHttpClient.GetListsAsync(batch.Folder, cancellationToken));
        _listCache.Set(batch.Folder, lists, UtcNow);
        return lists;
    }

    /// <summary>
    /// The stale-list guard: items whose list iContact no longer has are re-pointed to the one list now carrying the
    /// rule's remembered name (the rule is re-bound); without exactly one such list the rule is broken and its items wait
    /// </summary>
    /// <returns>The items that can be delivered now</returns>
    protected virtual async Task<List<IcontactQueueItem>> GuardListsAsync(Batch batch, List<IcontactQueueItem> items, IReadOnlyList<IcontactList> lists)
    {
        var existing = lists.Select(list => list.ListId).ToHashSet();
        var stale = items.Where(item => item.ListId is not null && !existing.Contains(item.ListId)).ToList();
        if (stale.Count == 0)
            return items;

        var rulesScope = await _settingService.SettingExistsAsync(batch.Settings, s => s.RulesJson, batch.StoreId) ? batch.StoreId : 0;
        var rules = RuleStorage.Parse(batch.Settings.RulesJson);
        var waiting = new List<IcontactQueueItem>();

        foreach (var group in stale.GroupBy(item => item.ListId))
        {
            var oldListId = group.Key;
            var rule = rules.FirstOrDefault(r => r.ListId == oldListId) ?? rules.FirstOrDefault(r => group.Any(item => item.RuleId == r.Id));
            var candidates = rule is null ? [] : lists.Where(list => list.Name == rule.ListName).ToList();

            if (candidates.Count == 1)
            {
                var newListId = candidates[0].ListId;
                rules = rules.Select(r => r.ListId == oldListId ? r with { ListId = newListId } : r).ToList();
                batch.Settings.RulesJson = RuleStorage.Serialize(rules);
                await _settingService.SaveSettingOverridablePerStoreAsync(batch.Settings, s => s.RulesJson, true, rulesScope);
                await _queueService.RetargetAsync(batch.StoreId, oldListId, newListId);
                foreach (var item in group)
                    item.ListId = newListId;

                var notice = await _errorDescriber.TextAsync("Delivery.ListReplaced", rule!.ListName, oldListId, newListId);
                await _statusService.RecordNoticeAsync(batch.StoreId, notice);
                await _logger.WarningAsync($"{IcontactDefaults.SystemName}: {notice}");
            }
            else
            {
                var reason = rule is null
                    ? await _errorDescriber.TextAsync("Delivery.ListGoneNoRule", oldListId)
                    : await _errorDescriber.TextAsync("Delivery.ListGone", rule.ListName, oldListId, candidates.Count);
                waiting.AddRange(group);
                await _queueService.ReleaseAsync(group, UtcNow.AddMinutes(15), reason);
                await _statusService.RecordErrorAsync(batch.StoreId, reason);
            }
        }

        return items.Except(waiting).ToList();
    }

    /// <summary>
    /// Reserves one request of a store's budget
    /// </summary>
    /// <returns>Null when reserved; otherwise when the budget allows it again</returns>
    public virtual async Task<DateTime?> ReserveAsync(int storeId, IcontactSettings settings) =>
        await _requestBudget.TryReserveAsync(await BudgetScopeAsync(storeId, settings), settings);

    /// <summary>
    /// Gets the scope whose request budget a store uses: its own when it overrides the AppID, else the shared one,
    /// because iContact counts requests per application, not per store
    /// </summary>
    protected virtual async Task<int> BudgetScopeAsync(int storeId, IcontactSettings settings) =>
        storeId > 0 && await _settingService.SettingExistsAsync(settings, s => s.AppId, storeId) ? storeId : 0;

    /// <summary>
    /// Reads, page by page within the budget, the contacts a list has as unsubscribed
    /// </summary>
    public virtual async Task<HashSet<string>> UnsubscribedContactsAsync(int storeId, IcontactSettings settings, IcontactFolder folder, string listId,
        CancellationToken cancellationToken = default)
    {
        var known = _unsubscribedIndex.Get(folder, listId, UtcNow);
        if (known is not null)
            return known;

        var batch = new Batch(storeId, settings, folder, await BudgetScopeAsync(storeId, settings));
        var ids = new HashSet<string>();
        for (var offset = 0; ; )
        {
            var page = await CallAsync(batch, () => _icontactHttpClient.GetSubscriptionsPageAsync(folder, listId, IcontactDefaults.SubscriptionStatuses.Unsubscribed, offset,
                cancellationToken: cancellationToken));
            ids.UnionWith(page.Items.Select(s => s.ContactId));
            offset += page.Items.Count;
            if (page.Items.Count == 0 || offset >= page.Total)
                break;
        }

        _unsubscribedIndex.Set(folder, listId, ids, UtcNow);
        return ids;
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
    protected virtual async Task<(Dictionary<string, string> Ids, Dictionary<string, string> Refused)> ResolveContactsAsync(Batch batch,
        List<IcontactQueueItem> items, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        var upserts = items.Where(item => item.Operation == QueueOperation.Subscribe)
            .GroupBy(item => item.Email)
            .Select(group => ContactOf(group.OrderByDescending(item => item.Id).First()))
            .ToList();
        IReadOnlyList<string> warnings = [];
        if (upserts.Count > 0)
        {
            var result = await CallAsync(batch, () => _icontactHttpClient.UpsertContactsAsync(batch.Folder, upserts, cancellationToken));
            foreach (var contact in result.Items.Where(c => !string.IsNullOrEmpty(c.Email) && !string.IsNullOrEmpty(c.ContactId)))
                ids[contact.Email] = contact.ContactId;
            warnings = result.Warnings;
        }

        //addresses that only leave lists: the id the plugin knows, else a search (status=total finds every contact)
        var known = (await _subscriberService.GetManyAsync(batch.StoreId, items.Select(item => item.CustomerId).Where(id => id > 0).Distinct().ToList()))
            .Where(s => !string.IsNullOrEmpty(s.ContactId))
            .GroupBy(s => s.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().ContactId, StringComparer.OrdinalIgnoreCase);

        foreach (var email in items.Select(item => item.Email).Distinct().Where(email => !ids.ContainsKey(email)))
        {
            var warning = warnings.FirstOrDefault(w => w.Contains(email, StringComparison.OrdinalIgnoreCase));
            if (upserts.Any(c => c.Email == email) && warning is not null && !warning.Contains("exist", StringComparison.OrdinalIgnoreCase))
            {
                refused[email] = warning;
                continue;
            }

            if (known.TryGetValue(email, out var knownId) && items.All(item => item.Email != email || item.Operation != QueueOperation.Subscribe))
            {
                ids[email] = knownId;
                continue;
            }

            //iContact answered with a warning instead of the contact (e.g. "already exists"): look it up
            var found = await CallAsync(batch, () => _icontactHttpClient.FindContactsByEmailAsync(batch.Folder, email, cancellationToken));
            if (found.FirstOrDefault() is { } contact)
                ids[email] = contact.ContactId;
            else if (upserts.Any(c => c.Email == email))
                refused[email] = warning ?? (warnings.Count > 0 ? string.Join(" ", warnings) : await _errorDescriber.TextAsync("Delivery.ContactRefused"));
        }

        return (ids, refused);
    }

    protected virtual async Task<DeliveryPassResult> DeliverAsync(Batch batch, List<IcontactQueueItem> claimed, CancellationToken cancellationToken)
    {
        //within a batch the newest change for an address and list wins
        var newest = claimed.GroupBy(item => (item.Email, item.ListId, item.Operation == QueueOperation.DeleteContact))
            .Select(group => group.OrderByDescending(item => item.Id).First())
            .ToList();
        await _queueService.CompleteAsync(claimed.Except(newest), await _errorDescriber.TextAsync("Delivery.Superseded"));

        var lists = await ListsAsync(batch, cancellationToken);
        var items = await GuardListsAsync(batch, newest, lists);
        var waiting = newest.Count - items.Count;
        if (items.Count == 0)
            return new DeliveryPassResult(claimed.Count - newest.Count, 0, 0, waiting);

        var (ids, refused) = await ResolveContactsAsync(batch, items, cancellationToken);
        var delivered = new List<IcontactQueueItem>();
        var failed = new List<(IcontactQueueItem Item, string Error)>();
        foreach (var item in items.Where(item => refused.ContainsKey(item.Email)))
            failed.Add((item, refused[item.Email]));

        //contacts to delete (an erased customer, when the owner chose deletion)
        foreach (var item in items.Where(item => item.Operation == QueueOperation.DeleteContact))
        {
            if (ids.TryGetValue(item.Email, out var contactId))
                await CallAsync(batch, async () => { await _icontactHttpClient.DeleteContactAsync(batch.Folder, contactId, cancellationToken); return true; });
            delivered.Add(item);
        }

        var memberships = items.Where(item => item.Operation != QueueOperation.DeleteContact && ids.ContainsKey(item.Email)).ToList();

        //a bulk synchronisation never re-subscribes someone who unsubscribed in iContact
        var leftAlone = new List<IcontactQueueItem>();
        foreach (var group in memberships.Where(item => item.SyncRunId > 0 && item.Operation == QueueOperation.Subscribe).GroupBy(item => item.ListId))
        {
            var unsubscribed = await UnsubscribedContactsAsync(batch.StoreId, batch.Settings, batch.Folder, group.Key, cancellationToken);
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
            var result = await CallAsync(batch, () => _icontactHttpClient.SubscribeAsync(batch.Folder, request, cancellationToken));
            var accepted = result.Items.Select(s => (s.ListId, s.ContactId)).ToHashSet();

            foreach (var item in memberships)
            {
                if (accepted.Contains((item.ListId, ids[item.Email])))
                {
                    delivered.Add(item);
                    continue;
                }

                var warning = result.Warnings.FirstOrDefault(w => w.Contains(ids[item.Email]) || w.Contains(item.ListId ?? "\0"))
                    ?? (result.Warnings.Count > 0 ? string.Join(" ", result.Warnings) : await _errorDescriber.TextAsync("Delivery.SubscriptionRefused"));
                if (item.ListId is not null && warning.Contains(item.ListId))
                    _listCache.Invalidate(batch.Folder); //the list may be gone: the guard looks again on the next pass
                failed.Add((item, warning));
            }
        }

        await _queueService.CompleteAsync(delivered);
        foreach (var (item, error) in failed)
            await _queueService.RetryAsync([item], error, Backoff, batch.Settings.MaxAttempts);

        foreach (var customer in delivered.Where(item => item.CustomerId > 0).GroupBy(item => (item.CustomerId, item.Email)))
        {
            if (customer.Any(item => item.Operation == QueueOperation.DeleteContact))
            {
                await _subscriberService.DeleteAsync(customer.Key.CustomerId, batch.StoreId);
                continue;
            }

            await _subscriberService.RecordAsync(batch.StoreId, customer.Key.CustomerId, customer.Key.Email, ids.GetValueOrDefault(customer.Key.Email),
                customer.Where(item => item.Operation == QueueOperation.Subscribe).Select(item => item.ListId),
                customer.Where(item => item.Operation == QueueOperation.Unsubscribe).Select(item => item.ListId));
        }

        await _statusService.RecordSuccessAsync(batch.StoreId);
        var failedForGood = failed.Count(f => f.Item.State == QueueItemState.Failed);
        return new DeliveryPassResult(delivered.Count + leftAlone.Count + claimed.Count - newest.Count, failed.Count - failedForGood, failedForGood, waiting);
    }

    protected virtual async Task<DeliveryPassResult> DeliverStoreAsync(int storeId, CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        var leaseDuration = TimeSpan.FromSeconds(Math.Max(settings.RequestTimeoutSeconds, 1) * 6 + 60);
        var claimed = (await _queueService.ClaimAsync(storeId, Math.Clamp(settings.BatchSize, 1, 1000), NodeId, leaseDuration)).ToList();
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

        try
        {
            _icontactHttpClient.RequestTimeout = TimeSpan.FromSeconds(Math.Max(settings.RequestTimeoutSeconds, 1));
            var batch = new Batch(storeId, settings, _connectionService.CreateFolder(settings), await BudgetScopeAsync(storeId, settings));
            return await DeliverAsync(batch, claimed, cancellationToken);
        }
        catch (BudgetExhaustedException exception)
        {
            var waitingItems = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _queueService.ReleaseAsync(waitingItems, exception.AvailableOnUtc,
                await _errorDescriber.TextAsync("Delivery.BudgetUsedUp", exception.AvailableOnUtc.ToString("yyyy-MM-dd HH:mm")));
            return new DeliveryPassResult(0, 0, 0, waitingItems.Count);
        }
        catch (IcontactApiException exception) when (exception.RequiresOwnerAction)
        {
            //no hammering: the store waits until the owner saves or verifies credentials
            var message = await _errorDescriber.DescribeAsync(exception, settings.AppId);
            await _statusService.PauseAsync(storeId, message);
            await _statusService.RecordErrorAsync(storeId, message);
            await _logger.ErrorAsync($"{IcontactDefaults.SystemName}: delivery paused. {message}");
            var waitingItems = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _queueService.ReleaseAsync(waitingItems, UtcNow.AddMinutes(5), message);
            return new DeliveryPassResult(0, 0, 0, waitingItems.Count);
        }
        catch (IcontactApiException exception)
        {
            var message = await _errorDescriber.DescribeAsync(exception, settings.AppId);
            await _statusService.RecordErrorAsync(storeId, message);
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

    /// <summary>
    /// Alternates steps of bulk synchronisations (each queues a page of customers) with delivery passes until neither
    /// has anything to do now: what the background worker and the schedule task both run
    /// </summary>
    public virtual async Task<DeliveryPassResult> DrainAsync(BulkSyncService bulkSyncService, int maxRounds = 10_000, CancellationToken cancellationToken = default)
    {
        var total = DeliveryPassResult.None;
        for (var round = 0; round < maxRounds && !cancellationToken.IsCancellationRequested; round++)
        {
            var stepped = bulkSyncService is not null && await bulkSyncService.StepAllAsync();
            var result = await RunUntilIdleAsync(cancellationToken: cancellationToken);
            total += result;
            if (!stepped && result.Claimed == 0)
                break;
        }

        return total;
    }

    /// <summary>
    /// Runs passes while they deliver full batches, so a burst is drained at once
    /// </summary>
    public virtual async Task<DeliveryPassResult> RunUntilIdleAsync(int maxPasses = 100, CancellationToken cancellationToken = default)
    {
        var total = DeliveryPassResult.None;
        for (var pass = 0; pass < maxPasses && !cancellationToken.IsCancellationRequested; pass++)
        {
            var result = await RunOnceAsync(cancellationToken);
            total += result;
            if (result.Delivered == 0)
                break;
        }

        return total;
    }

    #endregion
}
