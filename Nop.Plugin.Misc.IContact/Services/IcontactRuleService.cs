using System.Security.Cryptography;
using System.Text;
using Nop.Core.Caching;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The only reader and writer of rules. Rules belong to a settings scope: the shared one (0) or a store that overrides
/// them. How they are stored is private to this class.
/// </summary>
public class IcontactRuleService
{
    #region Fields

    protected readonly ISettingService _settingService;
    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public IcontactRuleService(ISettingService settingService, IStaticCacheManager staticCacheManager)
    {
        _settingService = settingService;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Parses stored rules once per distinct text (events read rules often)
    /// </summary>
    protected virtual Task<IReadOnlyList<IcontactRule>> ParseAsync(string json)
    {
        json ??= string.Empty;
        var key = _staticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.RulesCacheKey, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
        return _staticCacheManager.GetAsync(key, () => (IReadOnlyList<IcontactRule>)RuleStorage.Parse(json));
    }

    /// <summary>
    /// The one writer: stores a scope's rules (saving in a store's scope makes the rules that store's own)
    /// </summary>
    protected virtual async Task WriteAsync(int scope, IcontactSettings settings, IEnumerable<IcontactRule> rules)
    {
        settings.RulesJson = RuleStorage.Serialize(rules);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.RulesJson, true, scope);
    }

    /// <summary>
    /// Changes the rules of a scope
    /// </summary>
    /// <returns>Whether anything changed (and was saved)</returns>
    protected virtual async Task<bool> ChangeAsync(int scope, Func<List<IcontactRule>, bool> change)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(scope);
        var rules = RuleStorage.Parse(settings.RulesJson);
        if (!change(rules))
            return false;

        await WriteAsync(scope, settings, rules);
        return true;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the rules that apply to a store: its own, or the shared ones
    /// </summary>
    /// <exception cref="InvalidOperationException">The stored rules cannot be read (never silently replaced)</exception>
    public virtual async Task<IReadOnlyList<IcontactRule>> GetRulesAsync(int storeId) =>
        await ParseAsync((await _settingService.LoadSettingAsync<IcontactSettings>(storeId)).RulesJson);

    /// <summary>
    /// Gets a value indicating whether a store has rules of its own
    /// </summary>
    public virtual async Task<bool> HasOwnRulesAsync(int storeId) =>
        storeId > 0 && await _settingService.SettingExistsAsync(await _settingService.LoadSettingAsync<IcontactSettings>(storeId), s => s.RulesJson, storeId);

    /// <summary>
    /// Checks a rule and returns the locale keys of what is missing or wrong
    /// </summary>
    public static IList<string> Validate(IcontactRule rule)
    {
        var errors = new List<string>();
        if (rule.CustomerRoleIds is not { Count: > 0 })
            errors.Add($"{IcontactDefaults.LocalePrefix}.Rules.Errors.NoRoles");
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

        await _settingService.DeleteSettingAsync(await _settingService.LoadSettingAsync<IcontactSettings>(storeId), s => s.RulesJson, storeId);
        await _settingService.ClearCacheAsync();
    }

    #endregion
}
