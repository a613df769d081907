using Nop.Core.Caching;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The one door to iContact: opens a connection for a store that carries its credentials, folder, request time-out,
/// request budget, status recording and error descriptions. Nothing else sets time-outs or counts requests.
/// </summary>
public class IcontactGateway
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly IcontactConnectionService _connectionService;
    protected readonly IcontactHttpClient _icontactHttpClient;
    protected readonly ISettingService _settingService;
    protected readonly IStaticCacheManager _staticCacheManager;
    protected readonly RequestBudget _requestBudget;
    protected readonly StatusService _statusService;

    #endregion

    #region Ctor

    public IcontactGateway(ErrorDescriber errorDescriber,
        IcontactConnectionService connectionService,
        IcontactHttpClient icontactHttpClient,
        ISettingService settingService,
        IStaticCacheManager staticCacheManager,
        RequestBudget requestBudget,
        StatusService statusService)
    {
        _errorDescriber = errorDescriber;
        _connectionService = connectionService;
        _icontactHttpClient = icontactHttpClient;
        _settingService = settingService;
        _staticCacheManager = staticCacheManager;
        _requestBudget = requestBudget;
        _statusService = statusService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets how long one request may take: the store's setting, at most <see cref="IcontactDefaults.InteractiveRequestTimeout"/>
    /// while an admin waits for the page
    /// </summary>
    public static TimeSpan RequestTimeoutOf(IcontactSettings settings, bool interactive) =>
        TimeSpan.FromSeconds(Math.Clamp(settings.RequestTimeoutSeconds, 1, interactive ? IcontactDefaults.InteractiveRequestTimeout : int.MaxValue));

    /// <summary>
    /// Opens a connection to iContact for a store
    /// </summary>
    /// <param name="storeId">The store whose status and request budget the calls count against</param>
    /// <param name="settings">Its settings; loaded when null. An admin form's unsaved values may be passed to verify them</param>
    /// <param name="interactive">Whether an admin waits for the answer (shorter time-out)</param>
    /// <param name="appPassword">A password typed in an unsaved form, used instead of the stored one</param>
    public virtual async Task<IcontactStoreConnection> OpenAsync(int storeId, IcontactSettings settings = null, bool interactive = false, string appPassword = null)
    {
        settings ??= await _settingService.LoadSettingAsync<IcontactSettings>(storeId);

        //iContact counts requests per application: a store shares the budget unless it overrides the AppID
        var budgetScope = storeId > 0 && await _settingService.SettingExistsAsync(settings, s => s.AppId, storeId) ? storeId : 0;

        return new IcontactStoreConnection(new IcontactStoreConnection.Services(_connectionService, _errorDescriber, _icontactHttpClient,
            _requestBudget, _staticCacheManager, _statusService), storeId, settings, budgetScope, RequestTimeoutOf(settings, interactive), appPassword);
    }

    #endregion
}
