using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

public partial class QueueService
{
    /// <summary>
    /// Gets a store's queue items (any state) as a query, for checks made together with the platform's tables in one
    /// statement (the lapsed check: "already queued since the last order"); not run here
    /// </summary>
    public virtual IQueryable<IcontactQueueItem> ItemsOfStore(int storeId) =>
        _queueRepository.Table.Where(item => item.StoreId == storeId);
}
