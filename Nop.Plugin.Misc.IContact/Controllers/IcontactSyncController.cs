using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// Represents the queue and synchronisation card: the queue grid with retry and discard, and synchronising the store's
/// existing customers (preview, start, progress)
/// </summary>
public class IcontactSyncController : IcontactBaseController
{
    #region Fields

    protected readonly BulkSyncService _bulkSyncService;
    protected readonly DeliverySignal _deliverySignal;
    protected readonly IcontactAccountService _accountService;
    protected readonly IcontactModelFactory _modelFactory;
    protected readonly IcontactRuleService _ruleService;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly IStoreService _storeService;
    protected readonly StoreScopeResolver _storeScopeResolver;
    protected readonly SyncPreviewService _syncPreviewService;

    #endregion

    #region Ctor

    public IcontactSyncController(BulkSyncService bulkSyncService,
        DeliverySignal deliverySignal,
        IcontactAccountService accountService,
        IcontactModelFactory modelFactory,
        IcontactRuleService ruleService,
        ErrorDescriber errorDescriber,
        ISettingService settingService,
        IStoreContext storeContext,
        QueueAdminService queueAdminService,
        IStoreService storeService,
        StoreScopeResolver storeScopeResolver,
        SyncPreviewService syncPreviewService)
        : base(errorDescriber, settingService, storeContext)
    {
        _bulkSyncService = bulkSyncService;
        _deliverySignal = deliverySignal;
        _accountService = accountService;
        _modelFactory = modelFactory;
        _ruleService = ruleService;
        _queueAdminService = queueAdminService;
        _storeService = storeService;
        _storeScopeResolver = storeScopeResolver;
        _syncPreviewService = syncPreviewService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Says whom a queued change is for: a customer, a newsletter subscriber without an account (customer id 0), an
    /// erased customer (marked, customer id 0), or iContact itself (a web hook's inbound change)
    /// </summary>
    protected virtual Task<string> WhoAsync(IcontactQueueItem item) => item switch
    {
        { Operation: QueueOperation.InboundCheck } => T($"{IcontactDefaults.LocalePrefix}.Queue.Who.Icontact"),
        { RuleId: var mark } when mark == IcontactDefaults.ErasureMark => T($"{IcontactDefaults.LocalePrefix}.Queue.Who.Erased"),
        { CustomerId: > 0 } => T($"{IcontactDefaults.LocalePrefix}.Queue.Who.Customer", item.CustomerId),
        _ => T($"{IcontactDefaults.LocalePrefix}.Queue.Who.Guest")
    };

    #endregion

    #region Methods

    /// <summary>
    /// Lists queued changes of the store scope in one state: waiting, failed, or recently delivered
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> QueueList(QueueSearchModel searchModel)
    {
        var (_, storeId) = await LoadSettingsAsync();
        var state = Enum.IsDefined(typeof(QueueItemState), searchModel.QueueState) ? (QueueItemState)searchModel.QueueState : QueueItemState.Pending;
        var pageSize = Math.Clamp(searchModel.Length, 1, 500);
        var page = await _queueAdminService.GetItemsAsync(storeId, state, Math.Max(searchModel.Start, 0) / pageSize, pageSize);
        //all stores of a multi-store install: each change names its store
        var stores = await _storeService.GetAllStoresAsync();
        var storeNames = storeId == 0 && stores.Count > 1 ? stores.ToDictionary(store => store.Id, store => store.Name) : [];
        var listNames = (await _ruleService.GetRulesAsync(storeId)).Where(rule => !string.IsNullOrEmpty(rule.ListId))
            .GroupBy(rule => rule.ListId).ToDictionary(group => group.Key, group => group.First().ListName);

        var rows = new List<QueueItemModel>();
        foreach (var item in page)
        {
            rows.Add(new QueueItemModel
            {
                Id = item.Id,
                Email = item.Email,
                CustomerId = item.CustomerId,
                Who = await WhoAsync(item),
                Store = storeNames.GetValueOrDefault(item.StoreId),
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
        await _queueAdminService.RetryFailedAsync(storeId, [id]);
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
        if (await _queueAdminService.DiscardFailedAsync(storeId, [id]) == 0)
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
        var (settings, scope) = await LoadSettingsAsync();
        if (!IcontactConnectionService.IsConfigured(settings))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Status.NotConfigured"));
        if (await _storeScopeResolver.StoreOfScopeAsync(scope) is not (> 0 and var storeId))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Sync.ChooseStore"));

        try
        {
            var roleNames = await _modelFactory.RoleNamesAsync();
            var previews = await _syncPreviewService.PreviewAsync(storeId, RequestAborted);
            return Json(previews.Select(p => new
            {
                list = p.Rule.ListName ?? p.Rule.ListId,
                roles = roleNames(p.Rule.CustomerRoleIds),
                subscribe = p.Subscribe,
                subscribeGuests = p.SubscribeGuests,
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
        var (settings, scope) = await LoadSettingsAsync();
        if (!IcontactConnectionService.IsConfigured(settings))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Status.NotConfigured"));
        //a run reads and queues as the storefront does, under a real store
        if (await _storeScopeResolver.StoreOfScopeAsync(scope) is not (> 0 and var storeId))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Sync.ChooseStore"));

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
        var (_, scope) = await LoadSettingsAsync();
        var storeId = await _storeScopeResolver.StoreOfScopeAsync(scope);
        var run = storeId > 0 ? await _bulkSyncService.GetLatestRunAsync(storeId) : null;
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

    #endregion
}
