using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// What the configure page's controllers share: the store scope being configured and the plugin's texts
/// </summary>
public abstract class IcontactBaseController : BasePluginController
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;

    #endregion

    #region Ctor

    protected IcontactBaseController(ILocalizationService localizationService, ISettingService settingService, IStoreContext storeContext)
    {
        _localizationService = localizationService;
        _settingService = settingService;
        _storeContext = storeContext;
    }

    #endregion

    #region Utilities

    protected virtual async Task<string> T(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length > 0 ? string.Format(text, args) : text;
    }

    protected virtual async Task<(IcontactSettings Settings, int StoreId)> LoadSettingsAsync()
    {
        var storeId = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        return (await _settingService.LoadSettingAsync<IcontactSettings>(storeId), storeId);
    }

    protected CancellationToken RequestAborted => HttpContext?.RequestAborted ?? default;

    #endregion
}
