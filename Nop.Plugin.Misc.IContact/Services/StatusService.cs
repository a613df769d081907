using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Records, per store, the last successful call, the last error and whether delivery is paused
/// </summary>
public class StatusService
{
    #region Fields

    protected readonly IRepository<IcontactStoreStatus> _statusRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public StatusService(IRepository<IcontactStoreStatus> statusRepository, TimeProvider timeProvider)
    {
        _statusRepository = statusRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    protected virtual Task UpdateAsync(int storeId, Action<IcontactStoreStatus> change) =>
        ChangeAsync(storeId, status =>
        {
            change(status);
            return true;
        });

    #endregion

    #region Methods

    /// <summary>
    /// Changes the status row of a store, creating it when needed
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="change">The change; returns false when nothing needs saving</param>
    public virtual async Task ChangeAsync(int storeId, Func<IcontactStoreStatus, bool> change)
    {
        var status = await GetAsync(storeId);
        if (!change(status))
            return;

        if (status.Id != 0)
        {
            await _statusRepository.UpdateAsync(status, false);
            return;
        }

        try
        {
            await _statusRepository.InsertAsync(status, false);
        }
        catch (Exception)
        {
            //another node created the store's row first (the store id is unique): change that one
            var created = await GetAsync(storeId);
            if (created.Id == 0)
                throw;
            if (change(created))
                await _statusRepository.UpdateAsync(created, false);
        }
    }

    /// <summary>
    /// Gets the stores that have a status (every store that ever called iContact)
    /// </summary>
    public virtual async Task<IList<int>> GetStoreIdsAsync() =>
        (await _statusRepository.GetAllAsync(query => query)).Select(status => status.StoreId).Distinct().ToList();

    /// <summary>
    /// Gets the status of every store that has one
    /// </summary>
    public virtual async Task<IList<IcontactStoreStatus>> GetAllAsync() =>
        await _statusRepository.GetAllAsync(query => query.OrderBy(status => status.StoreId));

    /// <summary>
    /// Records a notice for the owner
    /// </summary>
    public virtual Task RecordNoticeAsync(int storeId, string notice) =>
        UpdateAsync(storeId, status =>
        {
            status.LastNotice = notice;
            status.LastNoticeOnUtc = UtcNow;
        });

    /// <summary>
    /// Gets the status of a store (a new, unsaved one when nothing was recorded yet)
    /// </summary>
    public virtual async Task<IcontactStoreStatus> GetAsync(int storeId)
    {
        var found = await _statusRepository.GetAllAsync(query => query.Where(status => status.StoreId == storeId));
        return found.FirstOrDefault() ?? new IcontactStoreStatus { StoreId = storeId };
    }

    /// <summary>
    /// Records a successful call
    /// </summary>
    public virtual Task RecordSuccessAsync(int storeId) =>
        UpdateAsync(storeId, status => status.LastSuccessOnUtc = UtcNow);

    /// <summary>
    /// Records a failed call
    /// </summary>
    public virtual Task RecordErrorAsync(int storeId, string error) =>
        UpdateAsync(storeId, status =>
        {
            status.LastErrorOnUtc = UtcNow;
            status.LastError = error?.Length > 1000 ? error[..1000] : error;
        });

    /// <summary>
    /// Pauses delivery for a store until the owner fixes what the reason says
    /// </summary>
    public virtual Task PauseAsync(int storeId, string reason) =>
        UpdateAsync(storeId, status =>
        {
            status.PausedReason = reason;
            status.PausedOnUtc = UtcNow;
        });

    /// <summary>
    /// Resumes delivery for a store; for all stores (0), every store: delivery pauses under real store ids, and the
    /// settings of all stores are what a store without overrides uses (a store still failing pauses again at its next pass)
    /// </summary>
    public virtual async Task ResumeAsync(int storeId)
    {
        var storeIds = storeId == 0 ? (await GetAllAsync()).Where(status => status.PausedReason is not null).Select(status => status.StoreId).ToList() : [storeId];
        foreach (var id in storeIds)
            await ChangeAsync(id, status =>
            {
                if (status.PausedReason is null && status.PausedOnUtc is null)
                    return false;
                status.PausedReason = null;
                status.PausedOnUtc = null;
                return true;
            });
    }

    #endregion
}
