using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Security;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// Represents the rules card: the rule grid and editor, creating a list, and the rule simulator
/// </summary>
public class IcontactRulesController : IcontactBaseController
{
    #region Fields

    protected readonly IcontactAccountService _accountService;
    protected readonly IcontactModelFactory _modelFactory;
    protected readonly IcontactRuleService _ruleService;
    protected readonly RuleModelFactory _ruleModelFactory;
    protected readonly SyncPreviewService _syncPreviewService;

    #endregion

    #region Ctor

    public IcontactRulesController(IcontactAccountService accountService,
        IcontactModelFactory modelFactory,
        IcontactRuleService ruleService,
        RuleModelFactory ruleModelFactory,
        ErrorDescriber errorDescriber,
        ISettingService settingService,
        IStoreContext storeContext,
        SyncPreviewService syncPreviewService)
        : base(errorDescriber, settingService, storeContext)
    {
        _accountService = accountService;
        _modelFactory = modelFactory;
        _ruleService = ruleService;
        _ruleModelFactory = ruleModelFactory;
        _syncPreviewService = syncPreviewService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Lists the rules of the store scope, marking those whose list iContact no longer has
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RuleList(RuleSearchModel searchModel)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        return Json(await _modelFactory.PrepareRuleListModelAsync(searchModel, settings, storeId, RequestAborted));
    }

    /// <summary>
    /// Adds a rule, or updates the rule with the model's id
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RuleSave(RuleModel model)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var lists = await _modelFactory.TryGetListsAsync(settings, storeId, notify: false, RequestAborted);

        //products are picked from the catalog; one the catalog no longer has (deleted since the rule was saved) is named
        var productIds = model.ProductIds?.Where(id => id > 0).Distinct().ToList() ?? [];
        var missing = await _ruleModelFactory.MissingProductIdsAsync(productIds);
        if (missing.Count > 0)
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Rules.Errors.ProductIds", string.Join(", ", missing.Select(id => $"#{id}"))));

        var rule = new IcontactRule
        {
            Id = string.IsNullOrEmpty(model.Id) ? Guid.NewGuid().ToString("N") : model.Id,
            Trigger = (RuleTrigger)model.Trigger,
            ProductIds = productIds,
            CategoryIds = model.CategoryIds?.Where(id => id > 0).Distinct().ToList() ?? [],
            ManufacturerIds = model.ManufacturerIds?.Where(id => id > 0).Distinct().ToList() ?? [],
            MinOrderCount = model.MinOrderCount,
            MinTotalSpent = model.MinTotalSpent,
            LapsedDays = model.LapsedDays,
            WhenNoLongerMatching = (RuleRemoval)model.WhenNoLongerMatching,
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
    /// Finds products for the rule editor's product picker by name or SKU (unpublished ones too), or by ID ("#12" or "12")
    /// </summary>
    /// <param name="term">What the owner typed</param>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> ProductSearch(string term)
    {
        var (_, storeId) = await LoadSettingsAsync();
        var products = await _ruleModelFactory.SearchProductsAsync(term, storeId);
        return Json(new { results = products.Select(product => new { id = product.Value, text = product.Text }) });
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
        var list = (await _modelFactory.TryGetListsAsync(settings, storeId, notify: false, RequestAborted))?.FirstOrDefault(l => l.ListId == listId);
        if (list is null || !await _ruleService.BindRuleAsync(storeId, id, list))
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Rules.Errors.NoList"));

        return Json(new { result = true });
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

        var result = await _accountService.CreateListAsync(storeId, name, RequestAborted);
        return result.Succeeded ? Json(new { listId = result.Value.ListId, name = result.Value.Name }) : ErrorJson(result.Error);
    }

    /// <summary>
    /// Explains which lists a customer would join, and why or why not
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Simulate(string email)
    {
        var (_, storeId) = await LoadSettingsAsync();
        var verdicts = await _syncPreviewService.SimulateAsync(storeId, email);
        if (verdicts is null)
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.Simulator.NotFound"));

        var roleNames = await _modelFactory.RoleNamesAsync();
        var lines = new List<object>();
        foreach (var verdict in verdicts)
        {
            //each condition beyond roles, held or not, with the values compared; and what happens when the customer stops matching
            var details = new List<string>();
            foreach (var condition in verdict.Conditions ?? [])
            {
                var key = $"{IcontactDefaults.LocalePrefix}.Simulator.Condition.{condition.Failure}{(condition.Actual is null && condition.Failure == RuleReason.NotLapsed ? ".Never" : string.Empty)}";
                details.Add((condition.Holds ? "\u2714 " : "\u2716 ") + await T(key, condition.Required, condition.Actual));
            }
            details.Add(await T($"{IcontactDefaults.LocalePrefix}.Simulator.Removal.{verdict.Rule.WhenNoLongerMatching}"));
            lines.Add(new { list = verdict.Rule.ListName ?? verdict.Rule.ListId, joins = verdict.Joins, reason = await T(verdict.ReasonKey, roleNames(verdict.RoleIds)), details });
        }

        return Json(lines);
    }

    #endregion
}
