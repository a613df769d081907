using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The platform's periodic safety net: delivers what is due (after a restart, items whose lease expired on a crashed
/// node), resumes bulk synchronisations, carries unsubscribes in iContact over to the store's newsletter when due, queues
/// customers who became lapsed, and keeps delivered items within their retention
/// </summary>
public class SynchronizationTask : IScheduleTask
{
    #region Fields

    protected readonly IcontactSettings _icontactSettings;
    protected readonly InstallationGuard _installationGuard;
    protected readonly LapsedCustomerService _lapsedCustomerService;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly StatusService _statusService;
    protected readonly SynchronizationRunner _synchronizationRunner;
    protected readonly TimeProvider _timeProvider;
    protected readonly UnsubscribeReconciler _unsubscribeReconciler;

    #endregion

    #region Ctor

    public SynchronizationTask(IcontactSettings icontactSettings,
        InstallationGuard installationGuard,
        LapsedCustomerService lapsedCustomerService,
        QueueAdminService queueAdminService,
        StatusService statusService,
        SynchronizationRunner synchronizationRunner,
        TimeProvider timeProvider,
        UnsubscribeReconciler unsubscribeReconciler)
    {
        _icontactSettings = icontactSettings;
        _installationGuard = installationGuard;
        _lapsedCustomerService = lapsedCustomerService;
        _queueAdminService = queueAdminService;
        _statusService = statusService;
        _synchronizationRunner = synchronizationRunner;
        _timeProvider = timeProvider;
        _unsubscribeReconciler = unsubscribeReconciler;
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets or sets how long one run delivers: the platform posts the run with a 100 s client time-out and holds the
    /// task's lock for min(period, 300) − 1 s, so a run stops starting new work well before either
    /// </summary>
    public TimeSpan RunBudget { get; set; } = IcontactDefaults.TaskRunBudget;

    #endregion

    #region Methods

    /// <summary>
    /// Execute task
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task ExecuteAsync()
    {
        //after an uninstall (until the restart) or a failed install the tables may be gone: do nothing
        if (!await _installationGuard.IsInstalledAsync())
            return;

        //each store's items are delivered with that store's settings; nothing is due while no store is configured
        await _synchronizationRunner.DrainAsync(maxRounds: 1_000, budget: RunBudget);

        await _unsubscribeReconciler.ReconcileDueAsync(await _statusService.GetStoreIdsAsync());

        //"no order for D days" has no event: the customers who became lapsed are queued here (the worker delivers them)
        await _lapsedCustomerService.CheckDueAsync(IcontactDefaults.LapsedCheckBudget);

        if (IcontactConnectionService.IsConfigured(_icontactSettings))
            await _queueAdminService.PurgeDeliveredAsync(_timeProvider.GetUtcNow().UtcDateTime.AddDays(-Math.Max(_icontactSettings.DoneRetentionDays, 0)));
    }

    #endregion
}
