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
/// The background side's one loop, run by the worker and the schedule task: alternates steps of bulk synchronisations
/// (each queues a page of customers) with delivery passes until neither has anything to do now
/// </summary>
public class SynchronizationRunner
{
    #region Fields

    protected readonly BulkSyncService _bulkSyncService;
    protected readonly DeliveryService _deliveryService;
    protected readonly InboundChangeService _inboundChangeService;

    #endregion

    #region Ctor

    public SynchronizationRunner(BulkSyncService bulkSyncService, DeliveryService deliveryService, InboundChangeService inboundChangeService)
    {
        _bulkSyncService = bulkSyncService;
        _deliveryService = deliveryService;
        _inboundChangeService = inboundChangeService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Runs delivery passes while they deliver, so a burst is drained at once
    /// </summary>
    public virtual async Task<DeliveryPassResult> DeliverUntilIdleAsync(int maxPasses = 100, CancellationToken cancellationToken = default)
    {
        var total = DeliveryPassResult.None;
        for (var pass = 0; pass < maxPasses && !cancellationToken.IsCancellationRequested; pass++)
        {
            var result = await _deliveryService.RunOnceAsync(cancellationToken);
            total += result;
            if (result.Delivered == 0)
                break;
        }

        return total;
    }

    /// <summary>
    /// Alternates bulk steps and delivery until neither has anything to do now
    /// </summary>
    public virtual async Task<DeliveryPassResult> DrainAsync(int maxRounds = 10_000, CancellationToken cancellationToken = default)
    {
        var total = DeliveryPassResult.None;
        for (var round = 0; round < maxRounds && !cancellationToken.IsCancellationRequested; round++)
        {
            //changes reported by iContact's web hooks first: a confirmed unsubscribe must be known before a bulk step or delivery
            var inbound = await _inboundChangeService.ProcessDueAsync(cancellationToken);
            var stepped = await _bulkSyncService.StepAllAsync();
            var result = await DeliverUntilIdleAsync(cancellationToken: cancellationToken);
            total += result;
            if (!stepped && result.Claimed == 0 && inbound == 0)
                break;
        }

        return total;
    }

    #endregion
}
