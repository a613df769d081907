using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The platform's periodic safety net: delivers what is due (after a restart, items whose lease expired on a crashed
/// node) and keeps delivered items within their retention
/// </summary>
public class SynchronizationTask : IScheduleTask
{
    #region Fields

    protected readonly DeliveryService _deliveryService;
    protected readonly IcontactSettings _icontactSettings;
    protected readonly QueueService _queueService;

    #endregion

    #region Ctor

    public SynchronizationTask(DeliveryService deliveryService, IcontactSettings icontactSettings, QueueService queueService)
    {
        _deliveryService = deliveryService;
        _icontactSettings = icontactSettings;
        _queueService = queueService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Execute task
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task ExecuteAsync()
    {
        //each store's items are delivered with that store's settings; nothing is due while no store is configured
        await _deliveryService.RunUntilIdleAsync();

        if (IcontactConnectionService.IsConfigured(_icontactSettings))
            await _queueService.PurgeDeliveredAsync(DateTime.UtcNow.AddDays(-Math.Max(_icontactSettings.DoneRetentionDays, 0)));
    }

    #endregion
}
