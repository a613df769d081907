namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents a rule: customers in any of these roles (and, optionally, with newsletter consent) join this iContact list
/// </summary>
public record IcontactRule
{
    /// <summary>
    /// Gets the rule identifier
    /// </summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Gets the customer roles; a customer in any of them matches
    /// </summary>
    public List<int> CustomerRoleIds { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether the customer must have an active newsletter subscription
    /// </summary>
    public bool RequireNewsletter { get; init; }

    /// <summary>
    /// Gets the newsletter subscription type the consent must be for (0 = any type)
    /// </summary>
    public int NewsletterTypeId { get; init; }

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
}
