using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Says which store a configuration scope stands for where the plugin keeps data per store (queue items, subscriber
/// records, bulk runs). The storefront's events always use the real store (the customer's or the subscription's), so
/// a store scope is that store, and the all-stores scope of a single-store install, the only scope its admin has, is
/// its one store: a Synchronize, a preview or a web hook from there reads and writes what the storefront does. The
/// all-stores scope of a multi-store install stands for no single store (0).
/// </summary>
public class StoreScopeResolver
{
    #region Fields

    protected readonly IStoreService _storeService;

    #endregion

    #region Ctor

    public StoreScopeResolver(IStoreService storeService)
    {
        _storeService = storeService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the store a configuration scope stands for
    /// </summary>
    /// <param name="scope">Store scope; 0 = all stores</param>
    /// <returns>The store id; 0 for the all-stores scope of a multi-store install</returns>
    public virtual async Task<int> StoreOfScopeAsync(int scope)
    {
        if (scope > 0)
            return scope;

        //the platform caches the store list
        var stores = await _storeService.GetAllStoresAsync();
        return stores.Count == 1 ? stores[0].Id : 0;
    }

    #endregion
}
