using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The only reader and writer of rules. Rules belong to a settings scope: the shared one (0) or a store that overrides
/// them. They live in the plugin's rule table, one row per rule (no length limit on any database); how is private to
/// this class and <see cref="RuleStorage"/>.
/// </summary>
public class IcontactRuleService
{
    #region Fields

    protected readonly IRepository<IcontactRuleRecord> _ruleRepository;
    protected readonly ISettingService _settingService;
    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public IcontactRuleService(IRepository<IcontactRuleRecord> ruleRepository, ISettingService settingService, IStaticCacheManager staticCacheManager)
    {
        _ruleRepository = ruleRepository;
        _settingService = settingService;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    #region Utilities

    protected virtual Task<IList<IcontactRuleRecord>> RowsAsync(int scope) =>
        _ruleRepository.GetAllAsync(query => query.Where(row => row.StoreId == scope).OrderBy(row => row.DisplayOrder).ThenBy(row => row.Id));

    /// <summary>
    /// Reads the rules of a store, parsed once until the next change (events read rules often): its own rows, or the shared ones
    /// </summary>
    protected virtual Task<(bool Own, IReadOnlyList<IcontactRule> Rules)> ReadAsync(int storeId)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.RulesCacheKey, storeId);
        return _staticCacheManager.GetAsync(key, async () =>
        {
            var own = storeId > 0 ? await RowsAsync(storeId) : [];
            var rows = own.Count > 0 ? own : await RowsAsync(0);
            return (own.Count > 0, (IReadOnlyList<IcontactRule>)RuleStorage.ParseRows(rows));
        });
    }

    /// <summary>
    /// The one writer: makes the rows of a scope match a list of rules, changing only what differs (a reader never
    /// finds the scope empty half-way). A store's scope without rules keeps a marker row: it still has rules of its own.
    /// </summary>
    protected virtual async Task WriteAsync(int scope, IList<IcontactRule> rules)
    {
        var rows = await RowsAsync(scope);
        var byRuleId = rows.Where(row => row.RuleId is not null).GroupBy(row => row.RuleId).ToDictionary(g => g.Key, g => g.First());
        for (var order = 0; order < rules.Count; order++)
        {
            var json = RuleStorage.SerializeRule(rules[order]);
            if (!byRuleId.Remove(rules[order].Id, out var row))
            {
                await _ruleRepository.InsertAsync(new IcontactRuleRecord { StoreId = scope, RuleId = rules[order].Id, DisplayOrder = order, RuleJson = json }, false);
                continue;
            }

            if (row.RuleJson == json && row.DisplayOrder == order)
                continue;
            row.RuleJson = json;
            row.DisplayOrder = order;
            await _ruleRepository.UpdateAsync(row, false);
        }

        var marker = rows.FirstOrDefault(row => row.RuleId is null);
        if (scope > 0 && rules.Count == 0 && marker is null)
            await _ruleRepository.InsertAsync(new IcontactRuleRecord { StoreId = scope }, false);
        var doomed = byRuleId.Values.Select(row => row.Id).Concat(rules.Count > 0 && marker is not null ? [marker.Id] : []).ToList();
        if (doomed.Count > 0)
            await _ruleRepository.DeleteAsync(row => doomed.Contains(row.Id));

        await _staticCacheManager.RemoveByPrefixAsync(IcontactDefaults.RulesCachePrefix);
    }

    /// <summary>
    /// Changes the rules of a scope (saving in a store's scope makes the rules that store's own)
    /// </summary>
    /// <returns>Whether anything changed (and was saved)</returns>
    protected virtual async Task<bool> ChangeAsync(int scope, Func<List<IcontactRule>, bool> change)
    {
        var rules = (await ReadAsync(scope)).Rules.ToList();
        if (!change(rules))
            return false;

        await WriteAsync(scope, rules);
        return true;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the rules that apply to a store: its own, or the shared ones
    /// </summary>
    /// <exception cref="InvalidOperationException">The stored rules cannot be read (never silently replaced)</exception>
    public virtual async Task<IReadOnlyList<IcontactRule>> GetRulesAsync(int storeId) => (await ReadAsync(storeId)).Rules;

    /// <summary>
    /// Gets a value indicating whether a store has rules of its own
    /// </summary>
    public virtual async Task<bool> HasOwnRulesAsync(int storeId) => storeId > 0 && (await ReadAsync(storeId)).Own;

    /// <summary>
    /// Gets a value indicating whether a rule of any scope mentions a role (a cheap filter before finding the store a
    /// customer's rules come from)
    /// </summary>
    public virtual async Task<bool> AnyScopeInvolvesRoleAsync(int roleId)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.RulesCacheKey, "roles");
        var roles = await _staticCacheManager.GetAsync(key, async () =>
            RuleStorage.ParseRows(await _ruleRepository.GetAllAsync(query => query)).Where(rule => rule.Enabled).SelectMany(rule => rule.CustomerRoleIds).ToHashSet());
        return roles.Contains(roleId);
    }

    /// <summary>
    /// Checks a rule and returns the locale keys of what is missing or wrong
    /// </summary>
    public static IList<string> Validate(IcontactRule rule)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(rule.Trigger))
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.Trigger");
        if (rule.Trigger == RuleTrigger.Customers && rule.CustomerRoleIds is not { Count: > 0 })
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.NoRoles");
        if (rule.HasCatalogFilter && rule.Trigger is not (RuleTrigger.OrderPlaced or RuleTrigger.OrderPaid))
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.CatalogWithoutOrder");
        if (rule.MinOrderCount < 0 || rule.MinTotalSpent < 0 || rule.LapsedDays < 0)
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.Negative");
        if (!Enum.IsDefined(rule.WhenNoLongerMatching))
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.Removal");
        if (string.IsNullOrWhiteSpace(rule.ListId))
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.NoList");
        if (rule.SubscriptionStatus != IcontactDefaults.SubscriptionStatuses.Normal && rule.SubscriptionStatus != IcontactDefaults.SubscriptionStatuses.Pending)
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.Status");
        if (rule.NewsletterTypeId < 0)
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.NewsletterType");
        return errors;
    }

    /// <summary>
    /// Adds a rule to a scope, or replaces the rule with its id
    /// </summary>
    /// <returns>The locale keys of what is wrong with the rule; empty when saved</returns>
    public virtual async Task<IList<string>> SaveRuleAsync(int scope, IcontactRule rule)
    {
        var errors = Validate(rule);
        if (errors.Count > 0)
            return errors;

        await ChangeAsync(scope, rules =>
        {
            var index = rules.FindIndex(r => r.Id == rule.Id);
            if (index >= 0)
                rules[index] = rule;
            else
                rules.Add(rule);
            return true;
        });
        return errors;
    }

    /// <summary>
    /// Deletes a rule of a scope
    /// </summary>
    public virtual Task<bool> DeleteRuleAsync(int scope, string ruleId) =>
        ChangeAsync(scope, rules => rules.RemoveAll(rule => rule.Id == ruleId) > 0);

    /// <summary>
    /// Binds a rule of a scope to another list, e.g. after its list was deleted and re-created in iContact
    /// </summary>
    /// <returns>Whether the rule exists</returns>
    public virtual Task<bool> BindRuleAsync(int scope, string ruleId, IcontactList list) =>
        ChangeAsync(scope, rules =>
        {
            var index = rules.FindIndex(rule => rule.Id == ruleId);
            if (index < 0)
                return false;
            rules[index] = rules[index] with { ListId = list.ListId, ListName = list.Name };
            return true;
        });

    /// <summary>
    /// Re-points every rule that applies to a store from a list iContact no longer has to its replacement, in the scope
    /// the store's rules live in
    /// </summary>
    public virtual async Task RebindListAsync(int storeId, string oldListId, string newListId)
    {
        var scope = await HasOwnRulesAsync(storeId) ? storeId : 0;
        await ChangeAsync(scope, rules =>
        {
            var changed = false;
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].ListId != oldListId)
                    continue;
                rules[i] = rules[i] with { ListId = newListId };
                changed = true;
            }

            return changed;
        });
    }

    /// <summary>
    /// Makes a store use the shared rules again
    /// </summary>
    public virtual async Task UseSharedRulesAsync(int storeId)
    {
        if (storeId == 0)
            return;

        await _ruleRepository.DeleteAsync(row => row.StoreId == storeId);
        await _staticCacheManager.RemoveByPrefixAsync(IcontactDefaults.RulesCachePrefix);
    }

    /// <summary>
    /// Moves the rules of version 1.0 out of the settings (IcontactSettings.RulesJson of the shared scope and of each
    /// store that overrode it) into the rule table, then deletes those settings. Idempotent: a scope that already has
    /// rows keeps them, and a moved setting is gone.
    /// </summary>
    /// <param name="storeIds">Every store's identifier</param>
    /// <exception cref="InvalidOperationException">Stored rules cannot be read (the setting is kept, never silently replaced)</exception>
    public virtual async Task MoveRulesOutOfSettingsAsync(IEnumerable<int> storeIds)
    {
        foreach (var scope in storeIds.Where(id => id > 0).Prepend(0).Distinct())
        {
            var settings = await _settingService.LoadSettingAsync<IcontactSettings>(scope);
            if (!await _settingService.SettingExistsAsync(settings, s => s.RulesJson, scope))
                continue;

            if ((await RowsAsync(scope)).Count == 0 && (scope > 0 || !string.IsNullOrWhiteSpace(settings.RulesJson)))
                await WriteAsync(scope, RuleStorage.Parse(settings.RulesJson));
            await _settingService.DeleteSettingAsync(settings, s => s.RulesJson, scope);
        }

        await _settingService.ClearCacheAsync();
        await _staticCacheManager.RemoveByPrefixAsync(IcontactDefaults.RulesCachePrefix);
    }

    #endregion
}
