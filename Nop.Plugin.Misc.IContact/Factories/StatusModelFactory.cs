using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Factories;

/// <summary>
/// Prepares the status panel: one truthful status per scope. Delivery records under the real store ids (1, 2…), the
/// page's own calls under the scope they were made in (0 = all stores, which is always the scope of a single-store
/// install); so "all stores" shows every store's state, and a single store's state joins both.
/// </summary>
public class StatusModelFactory
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly StatusService _statusService;
    protected readonly IStoreService _storeService;

    #endregion

    #region Ctor

    public StatusModelFactory(ErrorDescriber errorDescriber, QueueAdminService queueAdminService, StatusService statusService, IStoreService storeService)
    {
        _errorDescriber = errorDescriber;
        _queueAdminService = queueAdminService;
        _statusService = statusService;
        _storeService = storeService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Joins what was recorded under several ids into one status: the latest of each kind of report
    /// </summary>
    protected static StoreStatusModel Join(string storeName, params IcontactStoreStatus[] recorded)
    {
        var rows = recorded.Where(row => row is not null).ToList();
        var error = rows.Where(row => row.LastErrorOnUtc.HasValue).MaxBy(row => row.LastErrorOnUtc);
        var notice = rows.Where(row => !string.IsNullOrEmpty(row.LastNotice)).MaxBy(row => row.LastNoticeOnUtc);
        var paused = rows.Where(row => !string.IsNullOrEmpty(row.PausedReason)).MaxBy(row => row.PausedOnUtc);
        var lastSuccess = rows.Max(row => row.LastSuccessOnUtc);

        return new StoreStatusModel
        {
            StoreName = storeName,
            LastSuccessOnUtc = lastSuccess,
            LastErrorOnUtc = error?.LastErrorOnUtc,
            LastError = error?.LastError,
            ErrorResolved = error is not null && lastSuccess >= error.LastErrorOnUtc,
            PausedReason = paused?.PausedReason,
            LastNotice = notice?.LastNotice,
            LastNoticeOnUtc = notice?.LastNoticeOnUtc
        };
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the status panel of a scope
    /// </summary>
    /// <param name="settings">The scope's settings</param>
    /// <param name="storeId">Store scope; 0 = all stores</param>
    public virtual async Task<StatusModel> PrepareStatusModelAsync(IcontactSettings settings, int storeId)
    {
        var recorded = (await _statusService.GetAllAsync()).GroupBy(row => row.StoreId).ToDictionary(group => group.Key, group => group.First());
        var stores = await _storeService.GetAllStoresAsync();
        var model = new StatusModel { IsConfigured = IcontactConnectionService.IsConfigured(settings) };

        if (storeId > 0)
            model.Stores.Add(Join(null, recorded.GetValueOrDefault(storeId)));
        else if (stores.Count <= 1)
            model.Stores.Add(Join(null, [recorded.GetValueOrDefault(0), .. stores.Select(store => recorded.GetValueOrDefault(store.Id))]));
        else
        {
            model.Stores.Add(Join(await _errorDescriber.TextAsync("Status.AllStores"), recorded.GetValueOrDefault(0)));
            foreach (var store in stores)
                model.Stores.Add(Join(store.Name, recorded.GetValueOrDefault(store.Id)));
        }

        //queue items carry the store they were made for: all stores count them all
        foreach (var id in storeId > 0 ? [storeId] : stores.Select(store => store.Id).Prepend(0).Distinct())
        {
            model.QueueDepth += await _queueAdminService.CountAsync(id, QueueItemState.Pending) + await _queueAdminService.CountAsync(id, QueueItemState.InFlight);
            model.FailedItems += await _queueAdminService.CountAsync(id, QueueItemState.Failed);
        }

        return model;
    }

    #endregion
}
