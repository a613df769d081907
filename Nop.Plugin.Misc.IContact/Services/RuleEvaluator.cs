using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what a customer bought, as keys of the catalog items the rules filter on (<see cref="ProductKey"/>,
/// <see cref="CategoryKey"/>, <see cref="ManufacturerKey"/>, and <see cref="AnyKey"/> for any order), in counted
/// orders (placed: not deleted, not cancelled) and in paid ones (paid or partly refunded)
/// </summary>
/// <param name="Placed">Keys of counted orders</param>
/// <param name="Paid">Keys of paid orders</param>
public record PurchaseFacts(IReadOnlySet<string> Placed, IReadOnlySet<string> Paid)
{
    public const string AnyKey = "*";
    public static string ProductKey(int id) => $"p{id}";
    public static string CategoryKey(int id) => $"c{id}";
    public static string ManufacturerKey(int id) => $"m{id}";

    /// <summary>
    /// Gets the facts of a customer who bought nothing (or whose purchases were not read)
    /// </summary>
    public static PurchaseFacts None { get; } = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>
    /// Gets the keys a rule's catalog filter accepts (any of them)
    /// </summary>
    public static IEnumerable<string> KeysOf(IcontactRule rule) =>
        rule.ProductIds.Select(ProductKey).Concat(rule.CategoryIds.Select(CategoryKey)).Concat(rule.ManufacturerIds.Select(ManufacturerKey));
}

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

    /// <summary>
    /// Gets what the customer bought, among the catalog items the rules filter on (none when not read)
    /// </summary>
    public PurchaseFacts Purchases { get; init; } = PurchaseFacts.None;

    /// <summary>
    /// Gets the time "lapsed" is measured from (UTC); unset, nobody is lapsed
    /// </summary>
    public DateTime AsOfUtc { get; init; }

    /// <summary>
    /// Gets the facts of a newsletter subscriber without a customer account (a guest who used the newsletter box)
    /// </summary>
    public static CustomerFacts Guest(string email, IReadOnlyCollection<int> activeNewsletterTypeIds) => new(email, true, [], activeNewsletterTypeIds);
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
    JoinsWithConsent,
    NotSubscribed,
    NoOrder,
    NoMatchingOrder,
    NoPaidOrder,
    NoMatchingPaidOrder,
    TooFewOrders,
    SpentTooLittle,
    NotLapsed
}

/// <summary>
/// Represents one condition of a rule checked against one customer, for the simulator's explanation: the reason it
/// names when it fails, and the values it compares
/// </summary>
/// <param name="Failure">The reason the rule gives when this condition fails</param>
/// <param name="Holds">Whether the condition holds</param>
/// <param name="Required">What the rule asks (a count, an amount, days), or null</param>
/// <param name="Actual">What the customer has, or null</param>
public record RuleCondition(RuleReason Failure, bool Holds, string Required = null, string Actual = null);

/// <summary>
/// Represents each condition of a rule checked against one customer
/// </summary>
/// <param name="Rule">The rule</param>
/// <param name="Facts">The customer</param>
/// <param name="MatchedRoleId">The first of the rule's roles the customer has, or 0 (also 0 when the rule names none)</param>
/// <param name="ConsentHolds">Whether the newsletter condition holds (true when the rule has none)</param>
/// <param name="Conditions">The rule's conditions after the enabled, active and role checks, in the order they are
/// decided (the trigger's, the order conditions, consent)</param>
public record RuleExplanation(IcontactRule Rule, CustomerFacts Facts, int MatchedRoleId, bool ConsentHolds, IReadOnlyList<RuleCondition> Conditions = null)
{
    /// <summary>
    /// Gets a value indicating whether the role condition holds: one of the rule's roles; for triggers other than
    /// customers, a rule without roles takes anyone
    /// </summary>
    public bool RolesHold => MatchedRoleId != 0 || (Rule.Trigger != RuleTrigger.Customers && Rule.CustomerRoleIds.Count == 0);

    /// <summary>
    /// Gets a value indicating whether the rule is enabled and the customer has one of its roles
    /// </summary>
    public bool MatchesRoles => Rule.Enabled && RolesHold;

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
        : !RolesHold ? RuleReason.NoRole
        : !HasEmail ? RuleReason.NoEmail
        : (Conditions ?? []).FirstOrDefault(condition => !condition.Holds) is { } failed ? failed.Failure
        : !ConsentHolds ? RuleReason.NoConsent
        : Rule.RequireNewsletter ? RuleReason.JoinsWithConsent : RuleReason.Joins;

    /// <summary>
    /// Gets a value indicating whether the customer joins the rule's list
    /// </summary>
    public bool Joins => Reason is RuleReason.Joins or RuleReason.JoinsWithConsent;

    /// <summary>
    /// Gets a value indicating whether the customer fails the rule for want of newsletter consent or subscription (a
    /// withdrawn consent always unsubscribes, whatever the rule's removal says)
    /// </summary>
    public bool LacksConsent => Reason is RuleReason.NoConsent or RuleReason.NotSubscribed;
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
    public static RuleExplanation Explain(IcontactRule rule, CustomerFacts customer)
    {
        var subscribed = customer.ActiveNewsletterTypeIds.Any(typeId => rule.NewsletterTypeId == 0 || rule.NewsletterTypeId == typeId);
        return new(rule, customer, rule.CustomerRoleIds.FirstOrDefault(customer.RoleIds.Contains), !rule.RequireNewsletter || subscribed,
            ConditionsOf(rule, customer, subscribed));
    }

    /// <summary>
    /// Checks the trigger's condition and the order conditions a rule has (those it does not have are left out)
    /// </summary>
    private static List<RuleCondition> ConditionsOf(IcontactRule rule, CustomerFacts customer, bool subscribed)
    {
        var conditions = new List<RuleCondition>();
        var orders = customer.Orders;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        bool Bought(IReadOnlySet<string> keys) => rule.HasCatalogFilter ? PurchaseFacts.KeysOf(rule).Any(keys.Contains) : keys.Contains(PurchaseFacts.AnyKey);

        switch (rule.Trigger)
        {
            case RuleTrigger.NewsletterSubscribers:
                conditions.Add(new(RuleReason.NotSubscribed, subscribed));
                break;
            case RuleTrigger.OrderPlaced:
                conditions.Add(new(rule.HasCatalogFilter ? RuleReason.NoMatchingOrder : RuleReason.NoOrder,
                    rule.HasCatalogFilter ? Bought(customer.Purchases.Placed) : orders.OrderCount > 0));
                break;
            case RuleTrigger.OrderPaid:
                conditions.Add(new(rule.HasCatalogFilter ? RuleReason.NoMatchingPaidOrder : RuleReason.NoPaidOrder, Bought(customer.Purchases.Paid)));
                break;
        }

        if (rule.MinOrderCount > 0)
            conditions.Add(new(RuleReason.TooFewOrders, orders.OrderCount >= rule.MinOrderCount, rule.MinOrderCount.ToString(culture), orders.OrderCount.ToString(culture)));
        if (rule.MinTotalSpent > 0)
            conditions.Add(new(RuleReason.SpentTooLittle, orders.TotalSpent >= rule.MinTotalSpent, rule.MinTotalSpent.ToString("0.##", culture), orders.TotalSpent.ToString("0.##", culture)));
        if (rule.LapsedDays > 0)
        {
            //lapsed: at least one order, the last one at least D days ago
            var days = orders.LastOrderUtc is { } last ? (int)Math.Floor((customer.AsOfUtc - last).TotalDays) : (int?)null;
            conditions.Add(new(RuleReason.NotLapsed, customer.AsOfUtc > DateTime.MinValue && days >= rule.LapsedDays,
                rule.LapsedDays.ToString(culture), days?.ToString(culture)));
        }

        return conditions;
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
        rule.Enabled && (rule.CustomerRoleIds.Any(roleIds.Contains) || (rule.Trigger != RuleTrigger.Customers && rule.CustomerRoleIds.Count == 0));

    /// <summary>
    /// Gets the lists a customer is on (delivered or waiting) and no longer belongs on that the customer leaves: a list
    /// no enabled rule names any more, a list one of whose rules says <see cref="RuleRemoval.Unsubscribe"/>, and a list
    /// whose rule the customer fails for want of newsletter consent; a list all of whose rules say
    /// <see cref="RuleRemoval.LeaveOnList"/> keeps the contact
    /// </summary>
    /// <param name="rules">The store's rules</param>
    /// <param name="customer">The customer</param>
    /// <param name="onLists">Lists the customer is on or is being put on</param>
    /// <param name="targets">Lists the customer belongs on now (<see cref="Evaluate"/>)</param>
    public static IEnumerable<string> Leaving(IEnumerable<IcontactRule> rules, CustomerFacts customer, IEnumerable<string> onLists, IEnumerable<RuleTarget> targets)
    {
        var targeted = targets.Select(target => target.ListId).ToHashSet();
        var byList = rules.Where(rule => rule.Enabled && !string.IsNullOrEmpty(rule.ListId)).ToLookup(rule => rule.ListId);
        return onLists.Where(listId => !targeted.Contains(listId)).Distinct().Where(listId =>
            !byList[listId].Any()
            || byList[listId].Any(rule => rule.WhenNoLongerMatching == RuleRemoval.Unsubscribe || Explain(rule, customer).LacksConsent));
    }

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
