using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// Represents the plugin's admin configuration page
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class IcontactController : BasePluginController
{
    #region Fields

    protected readonly BulkSyncService _bulkSyncService;
    protected readonly DeliverySignal _deliverySignal;
    protected readonly ICustomerService _customerService;
    protected readonly IcontactRuleService _ruleService;
    protected readonly IcontactAccountService _accountService;
    protected readonly IcontactConnectionService _connectionService;
    protected readonly ILocalizationService _localizationService;
    protected readonly INewsLetterSubscriptionTypeService _newsLetterSubscriptionTypeService;
    protected readonly INotificationService _notificationService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;
    protected readonly QueueService _queueService;
    protected readonly StatusService _statusService;
    protected readonly UnsubscribeReconciler _unsubscribeReconciler;

    #endregion

    #region Ctor

    public IcontactController(BulkSyncService bulkSyncService,
        DeliverySignal deliverySignal,
        ICustomerService customerService,
        IcontactRuleService ruleService,
        IcontactAccountService accountService,
        IcontactConnectionService connectionService,
        ILocalizationService localizationService,
        INewsLetterSubscriptionTypeService newsLetterSubscriptionTypeService,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        QueueService queueService,
        StatusService statusService,
        UnsubscribeReconciler unsubscribeReconciler)
    {
        _bulkSyncService = bulkSyncService;
        _deliverySignal = deliverySignal;
        _customerService = customerService;
        _ruleService = ruleService;
        _accountService = accountService;
        _connectionService = connectionService;
        _localizationService = localizationService;
        _newsLetterSubscriptionTypeService = newsLetterSubscriptionTypeService;
        _notificationService = notificationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _queueService = queueService;
        _statusService = statusService;
        _unsubscribeReconciler = unsubscribeReconciler;
    }

    #endregion

    #region Utilities

    protected virtual string ViewPath => $"{IcontactDefaults.ViewsPath}Configure.cshtml";

    protected virtual async Task<string> T(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length > 0 ? string.Format(text, args) : text;
    }

    /// <summary>
    /// Reads the folder's lists; null (with a warning shown and recorded) when iContact cannot be asked
    /// </summary>
    protected virtual async Task<IReadOnlyList<IcontactList>> TryGetListsAsync(IcontactSettings settings, int storeId, bool notify)
    {
        var result = await _accountService.GetListsAsync(storeId, settings, HttpContext?.RequestAborted ?? default);
        if (!result.Succeeded && notify)
            _notificationService.WarningNotification(await T($"{IcontactDefaults.LocalePrefix}.Lists.NotLoaded", result.Error));
        return result.Value;
    }

    protected virtual async Task<(IcontactSettings Settings, int StoreId)> LoadSettingsAsync()
    {
        var storeId = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        return (await _settingService.LoadSettingAsync<IcontactSettings>(storeId), storeId);
    }

    protected virtual async Task PrepareModelAsync(ConfigurationModel model, IcontactSettings settings, int storeId, IcontactVerification verification = null)
    {
        model.ActiveStoreScopeConfiguration = storeId;
        model.AppPassword = null;
        model.AppPasswordIsSet = !string.IsNullOrEmpty(settings.EncryptedAppPassword);

        model.AvailableClientFolders = verification is not null
            ? verification.ClientFolders.Select(f => new SelectListItem(f.ClientFolderId, f.ClientFolderId, f.ClientFolderId == model.ClientFolderId)).ToList()
            : string.IsNullOrEmpty(model.ClientFolderId) ? [] : [new SelectListItem(model.ClientFolderId, model.ClientFolderId, true)];

        model.AvailableCustomerRoles = (await _customerService.GetAllCustomerRolesAsync(showHidden: true))
            .Select(role => new SelectListItem(role.Name, role.Id.ToString()))
            .ToList();
        model.AvailableNewsletterTypes = (await _newsLetterSubscriptionTypeService.GetAllNewsLetterSubscriptionTypesAsync(storeId))
            .Select(type => new SelectListItem(type.Name, type.Id.ToString()))
            .Prepend(new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Rules.AnyNewsletter"), "0"))
            .ToList();
        model.AvailableSubscriptionStatuses =
        [
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Rules.Status.Normal"), IcontactDefaults.SubscriptionStatuses.Normal),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Rules.Status.Pending"), IcontactDefaults.SubscriptionStatuses.Pending)
        ];

        var lists = await TryGetListsAsync(settings, storeId, notify: true);
        model.ListsLoaded = lists is not null;
        model.AvailableLists = (lists ?? []).Select(list => new SelectListItem(list.Name, list.ListId)).ToList();

        var rules = await RulesOrWarnAsync(storeId);
        var status = await _statusService.GetAsync(storeId);
        model.Status = new StatusModel
        {
            IsConfigured = IcontactConnectionService.IsConfigured(settings),
            LastSuccessOnUtc = status.LastSuccessOnUtc,
            LastErrorOnUtc = status.LastErrorOnUtc,
            LastError = status.LastError,
            PausedReason = status.PausedReason,
            LastNotice = status.LastNotice,
            LastNoticeOnUtc = status.LastNoticeOnUtc,
            QueueDepth = await _queueService.CountAsync(storeId, QueueItemState.Pending) + await _queueService.CountAsync(storeId, QueueItemState.InFlight),
            FailedItems = await _queueService.CountAsync(storeId, QueueItemState.Failed),
            BrokenRules = lists is null ? 0 : rules.Count(rule => IsBroken(rule, lists))
        };
        model.RuleSearchModel.SetGridPageSize();
        model.QueueSearchModel.SetGridPageSize();
        model.AvailableQueueStates =
        [
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Pending"), ((int)QueueItemState.Pending).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Failed"), ((int)QueueItemState.Failed).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Done"), ((int)QueueItemState.Done).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.LeftAlone"), ((int)QueueItemState.LeftAlone).ToString())
        ];
    }

    protected virtual async Task<IReadOnlyList<IcontactRule>> RulesOrWarnAsync(int storeId)
    {
        try
        {
            return await _ruleService.GetRulesAsync(storeId);
        }
        catch (InvalidOperationException exception)
        {
            _notificationService.ErrorNotification(exception.Message);
            return [];
        }
    }

    protected static bool IsBroken(IcontactRule rule, IReadOnlyList<IcontactList> lists) =>
        lists is not null && !lists.Any(list => list.ListId == rule.ListId);

    #endregion

    #region Methods

    /// <summary>
    /// Shows the configuration page
    /// </summary>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure()
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var model = new ConfigurationModel
        {
            Username = settings.Username,
            AppId = settings.AppId,
            ApiBaseUrl = settings.ApiBaseUrl,
            AccountId = settings.AccountId,
            ClientFolderId = settings.ClientFolderId,
            BatchSize = settings.BatchSize,
            RequestsPerHour = settings.RequestsPerHour,
            RequestsPerDay = settings.RequestsPerDay,
            MaxAttempts = settings.MaxAttempts,
            RequestTimeoutSeconds = settings.RequestTimeoutSeconds,
            DoneRetentionDays = settings.DoneRetentionDays,
            ReconcileUnsubscribesHours = settings.ReconcileUnsubscribesHours,
            CustomerIdCustomField = settings.CustomerIdCustomField,
            DeleteContactOnCustomerErase = settings.DeleteContactOnCustomerErase
        };

        if (storeId > 0)
        {
            model.Username_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.Username, storeId);
            model.AppId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AppId, storeId);
            model.AppPassword_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.EncryptedAppPassword, storeId);
            model.ApiBaseUrl_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ApiBaseUrl, storeId);
            model.ClientFolderId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ClientFolderId, storeId);
            model.BatchSize_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.BatchSize, storeId);
            model.RequestsPerHour_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.RequestsPerHour, storeId);
            model.RequestsPerDay_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.RequestsPerDay, storeId);
            model.MaxAttempts_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.MaxAttempts, storeId);
            model.RequestTimeoutSeconds_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.RequestTimeoutSeconds, storeId);
            model.DoneRetentionDays_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.DoneRetentionDays, storeId);
            model.ReconcileUnsubscribesHours_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReconcileUnsubscribesHours, storeId);
            model.CustomerIdCustomField_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.CustomerIdCustomField, storeId);
            model.DeleteContactOnCustomerErase_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.DeleteContactOnCustomerErase, storeId);
            model.RulesJson_OverrideForStore = await _ruleService.HasOwnRulesAsync(storeId);
        }

        await PrepareModelAsync(model, settings, storeId);
        return View(ViewPath, model);
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
        if (model.CustomerIdCustomField?.Trim().IndexOfAny([' ', '\'', '"', '/', '\\', '[', ']']) >= 0)
            ModelState.AddModelError(nameof(model.CustomerIdCustomField), await T($"{IcontactDefaults.LocalePrefix}.Fields.CustomerIdCustomField.Invalid"));
        if (!ModelState.IsValid)
        {
            await PrepareModelAsync(model, settings, storeId);
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
            var error = await _accountService.ConnectAsync(storeId, settings, model.AppId, HttpContext?.RequestAborted ?? default);
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
        var result = await _accountService.VerifyAsync(storeId, form, model.AppPassword, storedCredentials, HttpContext?.RequestAborted ?? default);
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
        await PrepareModelAsync(model, settings, storeId, verification);
        return View(ViewPath, model);
    }

    /// <summary>
    /// Creates an iContact list
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> CreateList(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Lists.NameRequired"));

        var (settings, storeId) = await LoadSettingsAsync();
        if (!IcontactConnectionService.IsConfigured(settings))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Status.NotConfigured"));

        var result = await _accountService.CreateListAsync(storeId, name, HttpContext?.RequestAborted ?? default);
        return result.Succeeded ? Json(new { listId = result.Value.ListId, name = result.Value.Name }) : ErrorJson(result.Error);
    }

    /// <summary>
    /// Lists the rules of the store scope, marking those whose list iContact no longer has
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RuleList(RuleSearchModel searchModel)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var rules = await RulesOrWarnAsync(storeId);
        var lists = await TryGetListsAsync(settings, storeId, notify: false);
        var roles = (await _customerService.GetAllCustomerRolesAsync(showHidden: true)).ToDictionary(role => role.Id, role => role.Name);
        var types = (await _newsLetterSubscriptionTypeService.GetAllNewsLetterSubscriptionTypesAsync(storeId)).ToDictionary(type => type.Id, type => type.Name);
        var anyNewsletter = await T($"{IcontactDefaults.LocalePrefix}.Rules.AnyNewsletter");
        var noCondition = await T($"{IcontactDefaults.LocalePrefix}.Rules.NoCondition");
        var statusNames = new Dictionary<string, string>
        {
            [IcontactDefaults.SubscriptionStatuses.Normal] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Status.Normal"),
            [IcontactDefaults.SubscriptionStatuses.Pending] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Status.Pending")
        };

        var length = searchModel.Length > 0 ? searchModel.Length : rules.Count;
        var page = rules.Skip(Math.Max(searchModel.Start, 0)).Take(Math.Max(length, 1)).Select(rule => new RuleModel
        {
            Id = rule.Id,
            CustomerRoleIds = rule.CustomerRoleIds,
            CustomerRoleNames = string.Join(", ", rule.CustomerRoleIds.Select(id => roles.GetValueOrDefault(id, $"#{id}"))),
            RequireNewsletter = rule.RequireNewsletter,
            NewsletterTypeId = rule.NewsletterTypeId,
            NewsletterCondition = !rule.RequireNewsletter ? noCondition
                : rule.NewsletterTypeId == 0 ? anyNewsletter : types.GetValueOrDefault(rule.NewsletterTypeId, $"#{rule.NewsletterTypeId}"),
            ListId = rule.ListId,
            ListName = lists?.FirstOrDefault(list => list.ListId == rule.ListId)?.Name ?? rule.ListName,
            SubscriptionStatus = rule.SubscriptionStatus,
            SubscriptionStatusText = statusNames.GetValueOrDefault(rule.SubscriptionStatus ?? string.Empty, rule.SubscriptionStatus),
            Enabled = rule.Enabled,
            IsBroken = IsBroken(rule, lists)
        }).ToList();

        return Json(new RuleListModel { Data = page, Draw = searchModel.Draw, RecordsTotal = rules.Count, RecordsFiltered = rules.Count });
    }

    /// <summary>
    /// Adds a rule, or updates the rule with the model's id
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RuleSave(RuleModel model)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var lists = await TryGetListsAsync(settings, storeId, notify: false);

        var rule = new IcontactRule
        {
            Id = string.IsNullOrEmpty(model.Id) ? Guid.NewGuid().ToString("N") : model.Id,
            CustomerRoleIds = model.CustomerRoleIds?.Where(id => id > 0).Distinct().ToList() ?? [],
            RequireNewsletter = model.RequireNewsletter,
            NewsletterTypeId = model.RequireNewsletter ? model.NewsletterTypeId : 0,
            ListId = model.ListId?.Trim(),
            ListName = lists?.FirstOrDefault(list => list.ListId == model.ListId)?.Name ?? model.ListName,
            SubscriptionStatus = string.IsNullOrEmpty(model.SubscriptionStatus) ? IcontactDefaults.SubscriptionStatuses.Normal : model.SubscriptionStatus,
            Enabled = model.Enabled
        };

        var errors = await _ruleService.SaveRuleAsync(storeId, rule);
        if (errors.Count > 0)
            return ErrorJson(string.Join(" ", await Task.WhenAll(errors.Select(key => T(key)))));

        return Json(new { result = true, id = rule.Id });
    }

    /// <summary>
    /// Deletes a rule
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RuleDelete(string id)
    {
        var (_, storeId) = await LoadSettingsAsync();
        await _ruleService.DeleteRuleAsync(storeId, id);

        return new NullJsonResult();
    }

    /// <summary>
    /// Binds a rule to another existing list, e.g. after its list was deleted and re-created in iContact
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RuleRebind(string id, string listId)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var list = (await TryGetListsAsync(settings, storeId, notify: false))?.FirstOrDefault(l => l.ListId == listId);
        if (list is null || !await _ruleService.BindRuleAsync(storeId, id, list))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Rules.Errors.NoList"));

        return Json(new { result = true });
    }

    /// <summary>
    /// Lists queued changes of the store scope in one state: waiting, failed, or recently delivered
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> QueueList(QueueSearchModel searchModel)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var state = Enum.IsDefined(typeof(QueueItemState), searchModel.QueueState) ? (QueueItemState)searchModel.QueueState : QueueItemState.Pending;
        var pageSize = Math.Clamp(searchModel.Length, 1, 500);
        var page = await _queueService.GetItemsAsync(storeId, state, Math.Max(searchModel.Start, 0) / pageSize, pageSize);
        var listNames = (await _ruleService.GetRulesAsync(storeId)).Where(rule => !string.IsNullOrEmpty(rule.ListId))
            .GroupBy(rule => rule.ListId).ToDictionary(group => group.Key, group => group.First().ListName);

        var rows = new List<QueueItemModel>();
        foreach (var item in page)
        {
            rows.Add(new QueueItemModel
            {
                Id = item.Id,
                Email = item.Email,
                List = item.ListId is null ? string.Empty : $"{listNames.GetValueOrDefault(item.ListId, item.ListId)} ({item.ListId})",
                Change = await T($"{IcontactDefaults.LocalePrefix}.Queue.Operation.{item.Operation}", item.SubscriptionStatus),
                State = await T($"{IcontactDefaults.LocalePrefix}.Queue.State.{item.State}"),
                CanRetry = item.State == QueueItemState.Failed,
                Attempts = item.Attempts,
                NextAttempt = item.State == QueueItemState.Pending ? item.NextAttemptOnUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'") : string.Empty,
                LastError = item.LastError,
                UpdatedOn = item.UpdatedOnUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'")
            });
        }

        return Json(new QueueListModel { Data = rows, Draw = searchModel.Draw, RecordsTotal = page.TotalCount, RecordsFiltered = page.TotalCount });
    }

    /// <summary>
    /// Puts a failed change back in the queue
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> QueueRetry(int id)
    {
        var (_, storeId) = await LoadSettingsAsync();
        await _queueService.RetryFailedAsync(storeId, [id]);
        return Json(new { result = true });
    }

    /// <summary>
    /// Discards a failed change
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> QueueDiscard(int id)
    {
        var (_, storeId) = await LoadSettingsAsync();
        if (await _queueService.DiscardFailedAsync(storeId, [id]) == 0)
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Queue.OnlyFailed"));

        return new NullJsonResult();
    }

    /// <summary>
    /// Counts, per rule, what synchronizing the store's existing customers would do
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> SyncPreview()
    {
        var (settings, storeId) = await LoadSettingsAsync();
        if (!IcontactConnectionService.IsConfigured(settings))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Status.NotConfigured"));

        try
        {
            var rules = await _ruleService.GetRulesAsync(storeId);
            var unsubscribed = await _unsubscribeReconciler.UnsubscribedEmailsAsync(storeId, rules.Select(rule => rule.ListId), HttpContext?.RequestAborted ?? default);
            var roles = (await _customerService.GetAllCustomerRolesAsync(showHidden: true)).ToDictionary(role => role.Id, role => role.Name);
            var previews = await _bulkSyncService.PreviewAsync(storeId, unsubscribed);
            return Json(previews.Select(p => new
            {
                list = p.Rule.ListName ?? p.Rule.ListId,
                roles = string.Join(", ", p.Rule.CustomerRoleIds.Select(id => roles.GetValueOrDefault(id, $"#{id}"))),
                subscribe = p.Subscribe,
                alreadySubscribed = p.AlreadySubscribed,
                skippedNoConsent = p.SkippedNoConsent,
                skippedInactive = p.SkippedInactive,
                skippedNoEmail = p.SkippedNoEmail,
                leftAloneStore = p.LeftAloneUnsubscribedInStore,
                leftAloneIcontact = p.LeftAloneUnsubscribedInIcontact
            }));
        }
        catch (IcontactApiException exception)
        {
            return ErrorJson(await _accountService.DescribeAsync(storeId, exception));
        }
    }

    /// <summary>
    /// Starts synchronizing the store's existing customers in the background and returns at once
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> SyncStart()
    {
        var (settings, storeId) = await LoadSettingsAsync();
        if (!IcontactConnectionService.IsConfigured(settings))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Status.NotConfigured"));

        await _bulkSyncService.StartAsync(storeId);
        _deliverySignal.Notify();
        return await SyncProgress();
    }

    /// <summary>
    /// Reports the progress of the store's latest synchronization
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> SyncProgress()
    {
        var (_, storeId) = await LoadSettingsAsync();
        var run = await _bulkSyncService.GetLatestRunAsync(storeId);
        if (run is null)
            return Json(new { running = false, started = false });

        var progress = await _bulkSyncService.GetProgressAsync(run);
        return Json(new
        {
            started = true,
            running = run.State != SyncRunState.Completed,
            percent = progress.Percent,
            text = await T($"{IcontactDefaults.LocalePrefix}.Sync.ProgressText", progress.Percent, progress.Delivered, progress.Failed, progress.Waiting,
                run.TotalCustomers - Math.Min(run.CustomersRead, run.TotalCustomers), progress.LeftAlone),
            startedOn = run.StartedOnUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"),
            estimatedFinish = progress.EstimatedFinishUtc?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'") ?? string.Empty
        });
    }

    /// <summary>
    /// Explains which lists a customer would join, and why or why not
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Simulate(string email)
    {
        var (_, storeId) = await LoadSettingsAsync();
        var verdicts = await _bulkSyncService.SimulateAsync(storeId, email);
        if (verdicts is null)
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Simulator.NoCustomer"));

        var roles = (await _customerService.GetAllCustomerRolesAsync(showHidden: true)).ToDictionary(role => role.Id, role => role.Name);
        var lines = new List<object>();
        foreach (var verdict in verdicts)
        {
            var roleNames = string.Join(", ", verdict.RoleIds.Select(roleId => roles.GetValueOrDefault(roleId, $"#{roleId}")));
            lines.Add(new { list = verdict.Rule.ListName ?? verdict.Rule.ListId, joins = verdict.Joins, reason = await T(verdict.ReasonKey, roleNames) });
        }

        return Json(lines);
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
