using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// What the configure page's controllers share: admin-only access in the admin area with antiforgery validation
/// (inherited, as nopCommerce's own BaseAdminController carries them), the store scope being configured and the
/// plugin's texts
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public abstract class IcontactBaseController : BasePluginController
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;

    #endregion

    #region Ctor

    protected IcontactBaseController(ErrorDescriber errorDescriber, ISettingService settingService, IStoreContext storeContext)
    {
        _errorDescriber = errorDescriber;
        _settingService = settingService;
        _storeContext = storeContext;
    }

    #endregion

    #region Utilities

    protected virtual Task<string> T(string key, params object[] args) => _errorDescriber.ResourceAsync(key, args);

    protected virtual async Task<(IcontactSettings Settings, int StoreId)> LoadSettingsAsync()
    {
        var storeId = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        return (await _settingService.LoadSettingAsync<IcontactSettings>(storeId), storeId);
    }

    protected CancellationToken RequestAborted => HttpContext?.RequestAborted ?? default;

    #endregion
}
