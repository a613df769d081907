using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The platform's periodic safety net: keeps the queue within its retention while the plugin is configured
/// </summary>
public class SynchronizationTask : IScheduleTask
{
    #region Fields

    protected readonly IcontactSettings _icontactSettings;
    protected readonly QueueService _queueService;

    #endregion

    #region Ctor

    public SynchronizationTask(IcontactSettings icontactSettings, QueueService queueService)
    {
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
        if (!IcontactConnectionService.IsConfigured(_icontactSettings))
            return;

        await _queueService.PurgeDeliveredAsync(DateTime.UtcNow.AddDays(-Math.Max(_icontactSettings.DoneRetentionDays, 0)));
    }

    #endregion
}
