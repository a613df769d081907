using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what the rules need to know about a customer
/// </summary>
/// <param name="Email">Email address</param>
/// <param name="Active">Whether the customer is active (not awaiting email validation or approval)</param>
/// <param name="RoleIds">Customer role ids</param>
/// <param name="ActiveNewsletterTypeIds">Types of the customer's active newsletter subscriptions in the store</param>
public record CustomerFacts(string Email, bool Active, IReadOnlyCollection<int> RoleIds, IReadOnlyCollection<int> ActiveNewsletterTypeIds);

/// <summary>
/// Represents one list a customer belongs on, and the rule that puts it there
/// </summary>
/// <param name="Rule">The rule</param>
public record RuleTarget(IcontactRule Rule)
{
    public string ListId => Rule.ListId;
    public string Status => Rule.SubscriptionStatus;
}

/// <summary>
/// Pure rule logic: customer facts + rules → the lists the customer belongs on. No I/O.
/// </summary>
public static class RuleEvaluator
{
    private static readonly object CacheLock = new();
    private static (string Json, IReadOnlyList<IcontactRule> Rules) _lastParsed = (null, []);

    /// <summary>
    /// Parses the rules of a settings object, reusing the last result for the same JSON (events call this often)
    /// </summary>
    public static IReadOnlyList<IcontactRule> RulesOf(IcontactSettings settings)
    {
        var json = settings?.RulesJson ?? string.Empty;
        lock (CacheLock)
        {
            if (_lastParsed.Json == json)
                return _lastParsed.Rules;
        }

        var rules = RuleStorage.Parse(json);
        lock (CacheLock)
            _lastParsed = (json, rules);
        return rules;
    }

    /// <summary>
    /// Gets a value indicating whether any enabled rule involves a role
    /// </summary>
    public static bool InvolvesRole(IEnumerable<IcontactRule> rules, int roleId) =>
        rules.Any(rule => rule.Enabled && rule.CustomerRoleIds.Contains(roleId));

    /// <summary>
    /// Gets a value indicating whether a rule matches a customer's roles (before any newsletter condition)
    /// </summary>
    public static bool MatchesRoles(IcontactRule rule, IReadOnlyCollection<int> roleIds) =>
        rule.Enabled && rule.CustomerRoleIds.Any(roleIds.Contains);

    /// <summary>
    /// Gets a value indicating whether a rule's newsletter condition holds
    /// </summary>
    public static bool ConsentHolds(IcontactRule rule, IReadOnlyCollection<int> activeNewsletterTypeIds) =>
        !rule.RequireNewsletter || activeNewsletterTypeIds.Any(typeId => rule.NewsletterTypeId == 0 || rule.NewsletterTypeId == typeId);

    /// <summary>
    /// Gets the lists a customer belongs on: one target per list; when two rules name the same list, subscribing at once
    /// (normal) wins over double opt-in (pending)
    /// </summary>
    public static IReadOnlyList<RuleTarget> Evaluate(IEnumerable<IcontactRule> rules, CustomerFacts customer)
    {
        if (!customer.Active || string.IsNullOrWhiteSpace(customer.Email))
            return [];

        return rules
            .Where(rule => !string.IsNullOrEmpty(rule.ListId) && MatchesRoles(rule, customer.RoleIds) && ConsentHolds(rule, customer.ActiveNewsletterTypeIds))
            .GroupBy(rule => rule.ListId)
            .Select(group => new RuleTarget(group.OrderBy(rule => rule.SubscriptionStatus == IcontactDefaults.SubscriptionStatuses.Normal ? 0 : 1).First()))
            .ToList();
    }
}
