using Nop.Core.Domain.Logging;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The one delivery path (live events, retries, the schedule task and bulk sync all end here): claims a batch per
/// store and hands it to <see cref="BatchDelivery"/> through the store's gateway connection. It keeps to the store's
/// request budget, backs off on transient failures, and pauses a store on authentication or billing failures.
/// </summary>
public class DeliveryService
{
    #region Fields

    protected readonly BatchDelivery _batchDelivery;
    protected readonly DeliveryQueue _deliveryQueue;
    protected readonly ErrorDescriber _errorDescriber;
    protected readonly IcontactGateway _gateway;
    protected readonly ILogger _logger;
    protected readonly ISettingService _settingService;
    protected readonly StatusService _statusService;
    protected readonly TimeProvider _timeProvider;

    /// <summary>
    /// Gets the identity of this node in leases
    /// </summary>
    public static string NodeId { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    #endregion

    #region Ctor

    public DeliveryService(BatchDelivery batchDelivery,
        DeliveryQueue deliveryQueue,
        ErrorDescriber errorDescriber,
        IcontactGateway gateway,
        ILogger logger,
        ISettingService settingService,
        StatusService statusService,
        TimeProvider timeProvider)
    {
        _batchDelivery = batchDelivery;
        _deliveryQueue = deliveryQueue;
        _errorDescriber = errorDescriber;
        _gateway = gateway;
        _logger = logger;
        _settingService = settingService;
        _statusService = statusService;
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

    protected virtual async Task<DeliveryPassResult> DeliverStoreAsync(int storeId, CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        //a lease outlives the pass: a few requests at the store's time-out each
        var leaseDuration = IcontactGateway.RequestTimeoutOf(settings, interactive: false) * 6 + TimeSpan.FromMinutes(1);
        var claim = await _deliveryQueue.ClaimAsync(storeId, Math.Clamp(settings.BatchSize, 1, 1000), NodeId, leaseDuration,
            await _errorDescriber.TextAsync("Delivery.Superseded"));
        if (claim.Items.Count == 0)
            return DeliveryPassResult.None;

        try
        {
            return await DeliverClaimedAsync(storeId, settings, claim.Items.ToList(), cancellationToken);
        }
        finally
        {
            await _deliveryQueue.EndClaimAsync(claim);
        }
    }

    protected virtual async Task<DeliveryPassResult> DeliverClaimedAsync(int storeId, IcontactSettings settings, List<IcontactQueueItem> claimed, CancellationToken cancellationToken)
    {
        if (!IcontactConnectionService.IsConfigured(settings))
        {
            await _deliveryQueue.ReleaseAsync(claimed, UtcNow.AddMinutes(5), await _errorDescriber.TextAsync("Delivery.NotConfigured"));
            return new DeliveryPassResult(0, 0, 0, claimed.Count);
        }

        var status = await _statusService.GetAsync(storeId);
        if (!string.IsNullOrEmpty(status.PausedReason))
        {
            await _deliveryQueue.ReleaseAsync(claimed, UtcNow.AddMinutes(5), status.PausedReason);
            return new DeliveryPassResult(0, 0, 0, claimed.Count);
        }

        var connection = await _gateway.OpenAsync(storeId, settings);
        try
        {
            return await _batchDelivery.DeliverAsync(connection, claimed, cancellationToken);
        }
        catch (IcontactBudgetExhaustedException exception)
        {
            var waitingItems = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _deliveryQueue.ReleaseAsync(waitingItems, exception.AvailableOnUtc,
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
            await _deliveryQueue.ReleaseAsync(waitingItems, UtcNow.AddMinutes(5), message);
            return new DeliveryPassResult(0, 0, 0, waitingItems.Count);
        }
        catch (IcontactApiException exception)
        {
            var message = await connection.RecordErrorAsync(exception);
            if (_logger.IsEnabled(LogLevel.Warning))
                await _logger.WarningAsync($"{IcontactDefaults.SystemName}: delivery will be retried. {message}");
            var retrying = claimed.Where(item => item.State == QueueItemState.InFlight).ToList();
            await _deliveryQueue.RetryAsync(retrying, message, Backoff, settings.MaxAttempts);
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
        foreach (var storeId in await _deliveryQueue.GetStoresWithDueItemsAsync())
            result += await DeliverStoreAsync(storeId, cancellationToken);
        return result;
    }

    #endregion
}
