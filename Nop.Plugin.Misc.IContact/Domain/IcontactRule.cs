using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents a rule: addresses that match its trigger and every one of its conditions (AND) join its iContact list.
/// Stored as JSON; a member missing from stored JSON keeps the default below, which is what a rule of 1.0 meant.
/// </summary>
public record IcontactRule
{
    /// <summary>
    /// Gets the rule identifier
    /// </summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Gets who the rule is about (customers, newsletter subscribers, buyers)
    /// </summary>
    public RuleTrigger Trigger { get; init; } = RuleTrigger.Customers;

    /// <summary>
    /// Gets the customer roles; a customer in any of them matches. Required for <see cref="RuleTrigger.Customers"/>;
    /// for the other triggers none means any (guests included)
    /// </summary>
    public List<int> CustomerRoleIds { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether the customer must have an active newsletter subscription
    /// </summary>
    public bool RequireNewsletter { get; init; }

    /// <summary>
    /// Gets the newsletter subscription type the consent (or, for <see cref="RuleTrigger.NewsletterSubscribers"/>, the
    /// subscription) must be for (0 = any type)
    /// </summary>
    public int NewsletterTypeId { get; init; }

    /// <summary>
    /// Gets the products an order must contain (order triggers; with categories and manufacturers: any of them)
    /// </summary>
    public List<int> ProductIds { get; init; } = [];

    /// <summary>
    /// Gets the categories a product of the order must be in (order triggers)
    /// </summary>
    public List<int> CategoryIds { get; init; } = [];

    /// <summary>
    /// Gets the manufacturers a product of the order must be from (order triggers)
    /// </summary>
    public List<int> ManufacturerIds { get; init; } = [];

    /// <summary>
    /// Gets the least number of orders the customer must have placed in the store (0 = no condition)
    /// </summary>
    public int MinOrderCount { get; init; }

    /// <summary>
    /// Gets the least amount the customer must have spent in the store, in the primary store currency (0 = no condition)
    /// </summary>
    public decimal MinTotalSpent { get; init; }

    /// <summary>
    /// Gets the number of days since the customer's last order after which the customer is lapsed (0 = no condition);
    /// checked by the schedule task, as no event announces that time passed
    /// </summary>
    public int LapsedDays { get; init; }

    /// <summary>
    /// Gets what happens when a customer stops matching the rule
    /// </summary>
    public RuleRemoval WhenNoLongerMatching { get; init; } = RuleRemoval.Unsubscribe;

    /// <summary>
    /// Gets the target iContact list id
    /// </summary>
    public string ListId { get; init; }

    /// <summary>
    /// Gets the list's name when the rule was bound, used to find a list that was deleted and re-created
    /// </summary>
    public string ListName { get; init; }

    /// <summary>
    /// Gets the subscription status to set: normal, or pending (iContact sends a double opt-in confirmation)
    /// </summary>
    public string SubscriptionStatus { get; init; } = IcontactDefaults.SubscriptionStatuses.Normal;

    /// <summary>
    /// Gets a value indicating whether the rule is applied
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether the rule has a catalog filter (products, categories, manufacturers)
    /// </summary>
    [JsonIgnore]
    public bool HasCatalogFilter => ProductIds is { Count: > 0 } || CategoryIds is { Count: > 0 } || ManufacturerIds is { Count: > 0 };

    /// <summary>
    /// Gets a value indicating whether the rule needs the customer's orders (an order trigger or an order condition)
    /// </summary>
    [JsonIgnore]
    public bool NeedsOrders => Trigger is RuleTrigger.OrderPlaced or RuleTrigger.OrderPaid || MinOrderCount > 0 || MinTotalSpent > 0 || LapsedDays > 0;

    /// <summary>
    /// Gets a value indicating whether the rule needs the address's newsletter subscriptions
    /// </summary>
    [JsonIgnore]
    public bool NeedsNewsletters => RequireNewsletter || Trigger == RuleTrigger.NewsletterSubscribers;
}
