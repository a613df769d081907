using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Factories;

/// <summary>
/// Prepares the configure page's models: the settings form, its choices and status, and the rule grid
/// </summary>
public class IcontactModelFactory
{
    #region Fields

    protected readonly IcontactAccountService _accountService;
    protected readonly IcontactConnectionService _connectionService;
    protected readonly ICustomerService _customerService;
    protected readonly IcontactRuleService _ruleService;
    protected readonly ErrorDescriber _errorDescriber;
    protected readonly FieldModelFactory _fieldModelFactory;
    protected readonly INewsLetterSubscriptionTypeService _newsLetterSubscriptionTypeService;
    protected readonly INotificationService _notificationService;
    protected readonly ISettingService _settingService;
    protected readonly RuleModelFactory _ruleModelFactory;
    protected readonly StatusModelFactory _statusModelFactory;
    protected readonly WebhookModelFactory _webhookModelFactory;

    #endregion

    #region Ctor

    public IcontactModelFactory(IcontactAccountService accountService,
        IcontactConnectionService connectionService,
        ICustomerService customerService,
        IcontactRuleService ruleService,
        ErrorDescriber errorDescriber,
        FieldModelFactory fieldModelFactory,
        INewsLetterSubscriptionTypeService newsLetterSubscriptionTypeService,
        INotificationService notificationService,
        ISettingService settingService,
        RuleModelFactory ruleModelFactory,
        StatusModelFactory statusModelFactory,
        WebhookModelFactory webhookModelFactory)
    {
        _accountService = accountService;
        _connectionService = connectionService;
        _customerService = customerService;
        _ruleService = ruleService;
        _errorDescriber = errorDescriber;
        _fieldModelFactory = fieldModelFactory;
        _newsLetterSubscriptionTypeService = newsLetterSubscriptionTypeService;
        _notificationService = notificationService;
        _settingService = settingService;
        _ruleModelFactory = ruleModelFactory;
        _statusModelFactory = statusModelFactory;
        _webhookModelFactory = webhookModelFactory;
    }

    #endregion

    #region Utilities

    protected virtual Task<string> T(string key, params object[] args) => _errorDescriber.ResourceAsync(key, args);

    /// <summary>
    /// Reads the folder's lists; null (with a warning shown when asked) when iContact cannot be asked
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactList>> TryGetListsAsync(IcontactSettings settings, int storeId, bool notify, CancellationToken cancellationToken)
    {
        var result = await _accountService.GetListsAsync(storeId, settings, cancellationToken);
        if (!result.Succeeded && notify)
            _notificationService.WarningNotification(await T($"{IcontactDefaults.LocalePrefix}.Lists.NotLoaded", result.Error));
        return result.Value;
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
    /// Gets a function that names customer roles, e.g. "Registered, VIP" (unknown ids as "#7")
    /// </summary>
    public virtual async Task<Func<IEnumerable<int>, string>> RoleNamesAsync()
    {
        var roles = (await _customerService.GetAllCustomerRolesAsync(showHidden: true)).ToDictionary(role => role.Id, role => role.Name);
        return ids => string.Join(", ", ids.Select(id => roles.GetValueOrDefault(id, $"#{id}")));
    }

    /// <summary>
    /// Creates the settings form of a store scope, with which values the scope overrides
    /// </summary>
    public virtual async Task<ConfigurationModel> CreateConfigurationModelAsync(IcontactSettings settings, int storeId)
    {
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

        await PrepareConfigurationModelAsync(model, settings, storeId);
        return model;
    }

    /// <summary>
    /// In a store scope, takes every value the store does not override from its effective settings: nopCommerce's admin
    /// script disables those inputs, so the browser does not post them and they would bind as 0, null or false
    /// </summary>
    /// <param name="model">The posted form</param>
    /// <param name="settings">The store's effective settings (<c>LoadSettingAsync(storeId)</c>)</param>
    /// <param name="storeId">Store scope; nothing is taken over for all stores (0)</param>
    /// <returns>The names of the properties taken over; their binding and validation errors no longer apply</returns>
    public virtual IList<string> InheritNotOverridden(ConfigurationModel model, IcontactSettings settings, int storeId)
    {
        var inherited = new List<string>();
        if (storeId == 0)
            return inherited;

        void Inherit(bool overridden, string name, Action takeOver)
        {
            if (overridden)
                return;
            takeOver();
            inherited.Add(name);
        }

        Inherit(model.Username_OverrideForStore, nameof(model.Username), () => model.Username = settings.Username);
        Inherit(model.AppId_OverrideForStore, nameof(model.AppId), () => model.AppId = settings.AppId);
        Inherit(model.AppPassword_OverrideForStore, nameof(model.AppPassword), () => model.AppPassword = null);
        Inherit(model.ApiBaseUrl_OverrideForStore, nameof(model.ApiBaseUrl), () => model.ApiBaseUrl = settings.ApiBaseUrl);
        Inherit(model.ClientFolderId_OverrideForStore, nameof(model.ClientFolderId), () => model.ClientFolderId = settings.ClientFolderId);
        Inherit(model.BatchSize_OverrideForStore, nameof(model.BatchSize), () => model.BatchSize = settings.BatchSize);
        Inherit(model.RequestsPerHour_OverrideForStore, nameof(model.RequestsPerHour), () => model.RequestsPerHour = settings.RequestsPerHour);
        Inherit(model.RequestsPerDay_OverrideForStore, nameof(model.RequestsPerDay), () => model.RequestsPerDay = settings.RequestsPerDay);
        Inherit(model.MaxAttempts_OverrideForStore, nameof(model.MaxAttempts), () => model.MaxAttempts = settings.MaxAttempts);
        Inherit(model.RequestTimeoutSeconds_OverrideForStore, nameof(model.RequestTimeoutSeconds), () => model.RequestTimeoutSeconds = settings.RequestTimeoutSeconds);
        Inherit(model.DoneRetentionDays_OverrideForStore, nameof(model.DoneRetentionDays), () => model.DoneRetentionDays = settings.DoneRetentionDays);
        Inherit(model.ReconcileUnsubscribesHours_OverrideForStore, nameof(model.ReconcileUnsubscribesHours),
            () => model.ReconcileUnsubscribesHours = settings.ReconcileUnsubscribesHours);
        Inherit(model.CustomerIdCustomField_OverrideForStore, nameof(model.CustomerIdCustomField), () => model.CustomerIdCustomField = settings.CustomerIdCustomField);
        Inherit(model.DeleteContactOnCustomerErase_OverrideForStore, nameof(model.DeleteContactOnCustomerErase),
            () => model.DeleteContactOnCustomerErase = settings.DeleteContactOnCustomerErase);
        return inherited;
    }

    /// <summary>
    /// Prepares the page's choices, lists, status and grids
    /// </summary>
    public virtual async Task PrepareConfigurationModelAsync(ConfigurationModel model, IcontactSettings settings, int storeId, IcontactVerification verification = null)
    {
        model.ActiveStoreScopeConfiguration = storeId;
        model.AppPassword = null;
        model.AppPasswordIsSet = !string.IsNullOrEmpty(settings.EncryptedAppPassword);
        model.AppPasswordUnreadable = model.AppPasswordIsSet && !_connectionService.CanReadPassword(settings);

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

        await _ruleModelFactory.PrepareEditorAsync(model, storeId);

        var lists = await TryGetListsAsync(settings, storeId, notify: true, cancellationToken: default);
        model.ListsLoaded = lists is not null;
        model.AvailableLists = (lists ?? []).Select(list => new SelectListItem(list.Name, list.ListId)).ToList();

        var rules = await RulesOrWarnAsync(storeId);
        model.Status = await _statusModelFactory.PrepareStatusModelAsync(settings, storeId);
        model.Status.BrokenRules = lists is null ? 0 : rules.Count(rule => IsBroken(rule, lists));
        model.Webhooks = await _webhookModelFactory.PrepareWebhookModelAsync(settings, storeId);
        model.FieldMappings = await _fieldModelFactory.PrepareCardModelAsync(settings, storeId);
        model.RuleSearchModel.SetGridPageSize();
        model.QueueSearchModel.SetGridPageSize();
        model.AvailableQueueStates =
        [
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Pending"), ((int)QueueItemState.Pending).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Received"), ((int)QueueItemState.Received).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Failed"), ((int)QueueItemState.Failed).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.Done"), ((int)QueueItemState.Done).ToString()),
            new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Queue.State.LeftAlone"), ((int)QueueItemState.LeftAlone).ToString())
        ];
    }

    /// <summary>
    /// Prepares a page of the rule grid, marking rules whose list iContact no longer has
    /// </summary>
    public virtual async Task<RuleListModel> PrepareRuleListModelAsync(RuleSearchModel searchModel, IcontactSettings settings, int storeId,
        CancellationToken cancellationToken = default)
    {
        var rules = await RulesOrWarnAsync(storeId);
        var lists = await TryGetListsAsync(settings, storeId, notify: false, cancellationToken);
        var roleNames = await RoleNamesAsync();
        var types = (await _newsLetterSubscriptionTypeService.GetAllNewsLetterSubscriptionTypesAsync(storeId)).ToDictionary(type => type.Id, type => type.Name);
        var anyNewsletter = await T($"{IcontactDefaults.LocalePrefix}.Rules.AnyNewsletter");
        var noCondition = await T($"{IcontactDefaults.LocalePrefix}.Rules.NoCondition");
        var statusNames = new Dictionary<string, string>
        {
            [IcontactDefaults.SubscriptionStatuses.Normal] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Status.Normal"),
            [IcontactDefaults.SubscriptionStatuses.Pending] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Status.Pending")
        };

        var products = await _ruleModelFactory.ProductNamesAsync(rules.SelectMany(rule => rule.ProductIds));
        var describe = await _ruleModelFactory.DescriberAsync(rules, storeId, products);
        var length = searchModel.Length > 0 ? searchModel.Length : rules.Count;
        var page = rules.Skip(Math.Max(searchModel.Start, 0)).Take(Math.Max(length, 1)).Select(rule => new RuleModel
        {
            Id = rule.Id,
            Trigger = (int)rule.Trigger,
            ConditionsText = describe(rule),
            ProductIds = rule.ProductIds,
            Products = rule.ProductIds.Select(id => new SelectListItem(products.GetValueOrDefault(id, $"#{id}"), id.ToString(CultureInfo.InvariantCulture))).ToList(),
            CategoryIds = rule.CategoryIds,
            ManufacturerIds = rule.ManufacturerIds,
            MinOrderCount = rule.MinOrderCount,
            MinTotalSpent = rule.MinTotalSpent,
            LapsedDays = rule.LapsedDays,
            WhenNoLongerMatching = (int)rule.WhenNoLongerMatching,
            CustomerRoleIds = rule.CustomerRoleIds,
            CustomerRoleNames = roleNames(rule.CustomerRoleIds),
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

        return new RuleListModel { Data = page, Draw = searchModel.Draw, RecordsTotal = rules.Count, RecordsFiltered = rules.Count };
    }

    #endregion
}
