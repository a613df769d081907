using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what the rules need to know about a customer
/// </summary>
/// <param name="Email">Email address</param>
/// <param name="Active">Whether the customer is active (not awaiting email validation or approval)</param>
/// <param name="RoleIds">Customer role ids</param>
/// <param name="ActiveNewsletterTypeIds">Types of the customer's active newsletter subscriptions in the store</param>
/// <param name="Orders">What the customer's orders in the store add up to (read only when a rule or a field mapping needs it)</param>
public record CustomerFacts(string Email, bool Active, IReadOnlyCollection<int> RoleIds, IReadOnlyCollection<int> ActiveNewsletterTypeIds, OrderStatistics Orders = null)
{
    /// <summary>
    /// Gets what the customer's orders add up to (none when they were not read)
    /// </summary>
    public OrderStatistics Orders { get; init; } = Orders ?? OrderStatistics.None;
}

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
/// Represents why a rule does or does not put a customer on its list (the first condition that fails, in this order)
/// </summary>
public enum RuleReason
{
    RuleDisabled,
    Inactive,
    NoRole,
    NoEmail,
    NoConsent,
    Joins,
    JoinsWithConsent
}

/// <summary>
/// Represents each condition of a rule checked against one customer
/// </summary>
/// <param name="Rule">The rule</param>
/// <param name="Facts">The customer</param>
/// <param name="MatchedRoleId">The first of the rule's roles the customer has, or 0</param>
/// <param name="ConsentHolds">Whether the newsletter condition holds (true when the rule has none)</param>
public record RuleExplanation(IcontactRule Rule, CustomerFacts Facts, int MatchedRoleId, bool ConsentHolds)
{
    /// <summary>
    /// Gets a value indicating whether the rule is enabled and the customer has one of its roles
    /// </summary>
    public bool MatchesRoles => Rule.Enabled && MatchedRoleId != 0;

    /// <summary>
    /// Gets a value indicating whether the customer has an address
    /// </summary>
    public bool HasEmail => !string.IsNullOrWhiteSpace(Facts.Email);

    /// <summary>
    /// Gets why the customer does or does not join
    /// </summary>
    public RuleReason Reason =>
        !Rule.Enabled ? RuleReason.RuleDisabled
        : !Facts.Active ? RuleReason.Inactive
        : MatchedRoleId == 0 ? RuleReason.NoRole
        : !HasEmail ? RuleReason.NoEmail
        : !ConsentHolds ? RuleReason.NoConsent
        : Rule.RequireNewsletter ? RuleReason.JoinsWithConsent : RuleReason.Joins;

    /// <summary>
    /// Gets a value indicating whether the customer joins the rule's list
    /// </summary>
    public bool Joins => Reason is RuleReason.Joins or RuleReason.JoinsWithConsent;
}

/// <summary>
/// Pure rule logic: customer facts + rules → the lists the customer belongs on, and why. No I/O. Live events, the bulk
/// synchronisation's preview and the simulator all decide through <see cref="Explain"/>.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>
    /// Checks every condition of a rule against a customer
    /// </summary>
    public static RuleExplanation Explain(IcontactRule rule, CustomerFacts customer) =>
        new(rule, customer, rule.CustomerRoleIds.FirstOrDefault(customer.RoleIds.Contains),
            !rule.RequireNewsletter || customer.ActiveNewsletterTypeIds.Any(typeId => rule.NewsletterTypeId == 0 || rule.NewsletterTypeId == typeId));

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
    /// Gets the lists a customer belongs on: one target per list; when two rules name the same list, subscribing at once
    /// (normal) wins over double opt-in (pending)
    /// </summary>
    public static IReadOnlyList<RuleTarget> Evaluate(IEnumerable<IcontactRule> rules, CustomerFacts customer) =>
        rules
            .Where(rule => !string.IsNullOrEmpty(rule.ListId) && Explain(rule, customer).Joins)
            .GroupBy(rule => rule.ListId)
            .Select(group => new RuleTarget(group.OrderBy(rule => rule.SubscriptionStatus == IcontactDefaults.SubscriptionStatuses.Normal ? 0 : 1).First()))
            .ToList();
}
