using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The only code that knows the queue table
/// </summary>
public class QueueService
{
    #region Fields

    protected readonly IRepository<IcontactQueueItem> _queueRepository;

    #endregion

    #region Ctor

    public QueueService(IRepository<IcontactQueueItem> queueRepository)
    {
        _queueRepository = queueRepository;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Deletes delivered items last changed before a point in time (failed and pending items are never purged)
    /// </summary>
    /// <param name="beforeUtc">Point in time</param>
    /// <returns>The number of items deleted</returns>
    public virtual Task<int> PurgeDeliveredAsync(DateTime beforeUtc)
    {
        var done = (int)QueueItemState.Done;
        return _queueRepository.DeleteAsync(item => item.StateId == done && item.UpdatedOnUtc < beforeUtc);
    }

    /// <summary>
    /// Counts the items of a store in one state
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="state">State</param>
    public virtual async Task<int> CountAsync(int storeId, QueueItemState state)
    {
        var stateId = (int)state;
        var page = await _queueRepository.GetAllPagedAsync(query => query.Where(item => item.StoreId == storeId && item.StateId == stateId),
            pageIndex: 0, pageSize: 1, getOnlyTotalCount: true);
        return page.TotalCount;
    }

    #endregion
}
