using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// Represents the web hook buttons of the status card: register again, new secret
/// </summary>
public class IcontactWebhooksController : IcontactBaseController
{
    #region Fields

    protected readonly INotificationService _notificationService;
    protected readonly WebhookRegistrationService _registrationService;

    #endregion

    #region Ctor

    public IcontactWebhooksController(ErrorDescriber errorDescriber,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        WebhookRegistrationService registrationService)
        : base(errorDescriber, settingService, storeContext)
    {
        _notificationService = notificationService;
        _registrationService = registrationService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Tells the owner what a registration did
    /// </summary>
    public static void Notify(INotificationService notificationService, WebhookRegistrationResult result)
    {
        if (result is null)
            return;
        if (result.State == WebhookState.Registered)
            notificationService.SuccessNotification(result.Message);
        else if (result.State == WebhookState.Refused)
            notificationService.WarningNotification(result.Message);
        else
            notificationService.ErrorNotification(result.Message);
        if (result.Warning is not null)
            notificationService.WarningNotification(result.Warning);
    }

    /// <summary>
    /// Registers the store's web hooks again
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Register()
    {
        var (_, storeId) = await LoadSettingsAsync();
        Notify(_notificationService, await _registrationService.RegisterAsync(storeId));
        return RedirectToAction("Configure", "Icontact");
    }

    /// <summary>
    /// Replaces the secret in the store's web hook URL and registers the new URL (the old one answers 404 from now on)
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RotateSecret()
    {
        var (_, storeId) = await LoadSettingsAsync();
        Notify(_notificationService, await _registrationService.RegisterAsync(storeId, rotateSecret: true));
        return RedirectToAction("Configure", "Icontact");
    }

    #endregion
}
