using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// Represents the configure page and its credentials and settings card
/// </summary>
public class IcontactController : IcontactBaseController
{
    #region Fields

    protected readonly IcontactAccountService _accountService;
    protected readonly IcontactConnectionService _connectionService;
    protected readonly IcontactModelFactory _modelFactory;
    protected readonly IcontactRuleService _ruleService;
    protected readonly INotificationService _notificationService;
    protected readonly WebhookRegistrationService _webhookRegistrationService;

    #endregion

    #region Ctor

    public IcontactController(IcontactAccountService accountService,
        IcontactConnectionService connectionService,
        IcontactModelFactory modelFactory,
        IcontactRuleService ruleService,
        ErrorDescriber errorDescriber,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        WebhookRegistrationService webhookRegistrationService)
        : base(errorDescriber, settingService, storeContext)
    {
        _webhookRegistrationService = webhookRegistrationService;
        _accountService = accountService;
        _connectionService = connectionService;
        _modelFactory = modelFactory;
        _ruleService = ruleService;
        _notificationService = notificationService;
    }

    #endregion

    #region Utilities

    protected virtual string ViewPath => $"{IcontactDefaults.ViewsPath}Configure.cshtml";

    /// <summary>
    /// Completes a store scope's post with the values it does not override (the browser does not post them)
    /// </summary>
    protected virtual void InheritNotOverridden(ConfigurationModel model, IcontactSettings settings, int storeId)
    {
        foreach (var name in _modelFactory.InheritNotOverridden(model, settings, storeId))
            ModelState.Remove(name);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Shows the configuration page
    /// </summary>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure()
    {
        var (settings, storeId) = await LoadSettingsAsync();
        return View(ViewPath, await _modelFactory.CreateConfigurationModelAsync(settings, storeId));
    }

    /// <summary>
    /// Saves the settings (trimmed; the password encrypted, kept when left empty) and verifies the saved credentials
    /// </summary>
    [HttpPost, ActionName("Configure")]
    [FormValueRequired("save")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        InheritNotOverridden(model, settings, storeId);
        if (model.CustomerIdCustomField?.Trim().IndexOfAny([' ', '\'', '"', '/', '\\', '[', ']']) >= 0)
            ModelState.AddModelError(nameof(model.CustomerIdCustomField), await T($"{IcontactDefaults.LocalePrefix}.Fields.CustomerIdCustomField.Invalid"));
        if (!ModelState.IsValid)
        {
            await _modelFactory.PrepareConfigurationModelAsync(model, settings, storeId);
            return View(ViewPath, model);
        }

        settings.Username = model.Username?.Trim();
        settings.AppId = IcontactCredentials.RemoveWhitespace(model.AppId);
        if (!string.IsNullOrWhiteSpace(model.AppPassword))
            settings.EncryptedAppPassword = _connectionService.EncryptPassword(model.AppPassword);
        settings.ApiBaseUrl = string.IsNullOrWhiteSpace(model.ApiBaseUrl) ? IcontactDefaults.ApiBaseUrl : model.ApiBaseUrl.Trim();
        settings.ClientFolderId = model.ClientFolderId?.Trim();
        settings.BatchSize = model.BatchSize;
        settings.RequestsPerHour = model.RequestsPerHour;
        settings.RequestsPerDay = model.RequestsPerDay;
        settings.MaxAttempts = model.MaxAttempts;
        settings.RequestTimeoutSeconds = model.RequestTimeoutSeconds;
        settings.DoneRetentionDays = model.DoneRetentionDays;
        settings.ReconcileUnsubscribesHours = model.ReconcileUnsubscribesHours;
        settings.CustomerIdCustomField = model.CustomerIdCustomField?.Trim();
        settings.DeleteContactOnCustomerErase = model.DeleteContactOnCustomerErase;

        //verify what is about to be saved: it finds the account and folder, and tells the owner at once what is wrong
        if (!string.IsNullOrEmpty(settings.Username) || !string.IsNullOrEmpty(settings.AppId))
        {
            var error = await _accountService.ConnectAsync(storeId, settings, model.AppId, RequestAborted);
            if (error is not null)
                _notificationService.ErrorNotification(error);
        }

        //credentials and the account they open travel together
        var credentialsOverride = model.Username_OverrideForStore;
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.Username, model.Username_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.AccountId, credentialsOverride, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.AppId, model.AppId_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.EncryptedAppPassword, model.AppPassword_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ApiBaseUrl, model.ApiBaseUrl_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ClientFolderId, model.ClientFolderId_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.BatchSize, model.BatchSize_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.RequestsPerHour, model.RequestsPerHour_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.RequestsPerDay, model.RequestsPerDay_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.MaxAttempts, model.MaxAttempts_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.RequestTimeoutSeconds, model.RequestTimeoutSeconds_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.DoneRetentionDays, model.DoneRetentionDays_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReconcileUnsubscribesHours, model.ReconcileUnsubscribesHours_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.CustomerIdCustomField, model.CustomerIdCustomField_OverrideForStore, storeId, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.DeleteContactOnCustomerErase, model.DeleteContactOnCustomerErase_OverrideForStore, storeId, false);
        await _settingService.ClearCacheAsync();

        _notificationService.SuccessNotification(await T("Admin.Plugins.Saved"));
        //the store's URL may have changed since the last save: the plugin's hooks follow it (polling when iContact refuses)
        IcontactWebhooksController.Notify(_notificationService, await _webhookRegistrationService.RegisterAsync(storeId));
        return await Configure();
    }

    /// <summary>
    /// Verifies the credentials on the form, saved or not, and says exactly what is wrong; saves nothing
    /// </summary>
    [HttpPost, ActionName("Configure")]
    [FormValueRequired("verify")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Verify(ConfigurationModel model)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        InheritNotOverridden(model, settings, storeId);
        var form = new IcontactSettings
        {
            Username = model.Username,
            AppId = model.AppId,
            EncryptedAppPassword = settings.EncryptedAppPassword,
            ApiBaseUrl = model.ApiBaseUrl,
            ClientFolderId = model.ClientFolderId,
            RequestTimeoutSeconds = model.RequestTimeoutSeconds > 0 ? model.RequestTimeoutSeconds : settings.RequestTimeoutSeconds
        };

        //the stored credentials working again resume a paused delivery
        var storedCredentials = string.IsNullOrWhiteSpace(model.AppPassword)
            && form.Username?.Trim() == settings.Username && IcontactCredentials.RemoveWhitespace(form.AppId) == settings.AppId
            && (string.IsNullOrWhiteSpace(form.ApiBaseUrl) ? IcontactDefaults.ApiBaseUrl : form.ApiBaseUrl.Trim()) == settings.ApiBaseUrl;
        var result = await _accountService.VerifyAsync(storeId, form, model.AppPassword, storedCredentials, RequestAborted);
        var verification = result.Value;
        if (result.Succeeded)
        {
            model.AccountId = verification.Account.AccountId;
            model.ClientFolderId = verification.ClientFolderId;

            var message = await T($"{IcontactDefaults.LocalePrefix}.Verify.Success", verification.Account.AccountId, verification.ClientFolderId, verification.ListCount);
            if (verification.ClientFolders.Count > 1)
                message += " " + await T($"{IcontactDefaults.LocalePrefix}.Verify.SeveralFolders", verification.ClientFolders.Count);
            if (verification.AppIdWhitespaceRemoved)
                message += " " + await T($"{IcontactDefaults.LocalePrefix}.Errors.AppIdWhitespaceRemoved");
            _notificationService.SuccessNotification(message + " " + await T($"{IcontactDefaults.LocalePrefix}.Verify.SaveToKeep"));
        }
        else
            _notificationService.ErrorNotification(result.Error);

        //the form keeps everything the owner typed, except the password, which is never sent back
        ModelState.Clear();
        await _modelFactory.PrepareConfigurationModelAsync(model, settings, storeId, verification);
        return View(ViewPath, model);
    }

    /// <summary>
    /// Makes a store use the rules shared by all stores again
    /// </summary>
    [HttpPost, ActionName("Configure")]
    [FormValueRequired("useSharedRules")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> UseSharedRules()
    {
        var (_, storeId) = await LoadSettingsAsync();
        await _ruleService.UseSharedRulesAsync(storeId);

        return await Configure();
    }

    #endregion
}
