namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Repairs, on an update, what versions before 1.2.0 kept under the all-stores scope (store id 0) of a single-store
/// install: its bulk runs, their waiting changes and the subscriber records they made lived beside the storefront's,
/// which are kept under the store's own id. Since 1.2.0 that scope stands for the store (<see cref="StoreScopeResolver"/>),
/// so the old rows join the store's.
/// </summary>
public class StoreScopeUpgrade
{
    #region Fields

    protected readonly BulkSyncService _bulkSyncService;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly StoreScopeResolver _storeScopeResolver;
    protected readonly SubscriberService _subscriberService;

    #endregion

    #region Ctor

    public StoreScopeUpgrade(BulkSyncService bulkSyncService,
        QueueAdminService queueAdminService,
        StoreScopeResolver storeScopeResolver,
        SubscriberService subscriberService)
    {
        _bulkSyncService = bulkSyncService;
        _queueAdminService = queueAdminService;
        _storeScopeResolver = storeScopeResolver;
        _subscriberService = subscriberService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Moves a single-store install's rows kept under store id 0 to its store (a multi-store install keeps them: its
    /// all-stores scope stands for no single store)
    /// </summary>
    /// <returns>The store the rows went to, or 0 when nothing was moved</returns>
    public virtual async Task<int> MoveSharedScopeToStoreAsync()
    {
        var storeId = await _storeScopeResolver.StoreOfScopeAsync(0);
        if (storeId == 0)
            return 0;

        await _bulkSyncService.MoveStoreAsync(0, storeId);
        await _queueAdminService.MoveWaitingToStoreAsync(0, storeId);
        await _subscriberService.MoveStoreAsync(0, storeId);
        return storeId;
    }

    #endregion
}
