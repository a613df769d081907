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
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public SynchronizationRunner(BulkSyncService bulkSyncService, DeliveryService deliveryService, InboundChangeService inboundChangeService,
        TimeProvider timeProvider)
    {
        _bulkSyncService = bulkSyncService;
        _deliveryService = deliveryService;
        _inboundChangeService = inboundChangeService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets a check that tells when a time budget started now is used up (never, without a budget)
    /// </summary>
    protected virtual Func<bool> Deadline(TimeSpan? budget)
    {
        if (budget is null)
            return () => false;
        var end = _timeProvider.GetUtcNow() + budget.Value;
        return () => _timeProvider.GetUtcNow() >= end;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Runs delivery passes while they deliver, so a burst is drained at once
    /// </summary>
    /// <param name="maxPasses">Most passes</param>
    /// <param name="budget">Time after which no new pass starts (null: none)</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public virtual async Task<DeliveryPassResult> DeliverUntilIdleAsync(int maxPasses = 100, TimeSpan? budget = null, CancellationToken cancellationToken = default)
    {
        var total = DeliveryPassResult.None;
        var expired = Deadline(budget);
        for (var pass = 0; pass < maxPasses && !cancellationToken.IsCancellationRequested && !expired(); pass++)
        {
            var result = await _deliveryService.RunOnceAsync(cancellationToken);
            total += result;
            if (result.Delivered == 0)
                break;
        }

        return total;
    }

    /// <summary>
    /// Alternates bulk steps and delivery until neither has anything to do now, or the time budget is used up (then
    /// the pass or step under way finishes, and the rest waits for the next run)
    /// </summary>
    /// <param name="maxRounds">Most rounds</param>
    /// <param name="budget">Time after which no new step or pass starts (null: none)</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public virtual async Task<DeliveryPassResult> DrainAsync(int maxRounds = 10_000, TimeSpan? budget = null, CancellationToken cancellationToken = default)
    {
        var total = DeliveryPassResult.None;
        var end = budget is null ? (DateTimeOffset?)null : _timeProvider.GetUtcNow() + budget.Value;
        TimeSpan? Left() => end - _timeProvider.GetUtcNow();
        for (var round = 0; round < maxRounds && !cancellationToken.IsCancellationRequested && !(Left() <= TimeSpan.Zero); round++)
        {
            //changes reported by iContact's web hooks first: a confirmed unsubscribe must be known before a bulk step or delivery
            var inbound = await _inboundChangeService.ProcessDueAsync(cancellationToken);
            var stepped = await _bulkSyncService.StepAllAsync();
            if (Left() <= TimeSpan.Zero)
                break;
            var result = await DeliverUntilIdleAsync(budget: Left(), cancellationToken: cancellationToken);
            total += result;
            if (!stepped && result.Claimed == 0 && inbound == 0)
                break;
        }

        return total;
    }

    #endregion
}
