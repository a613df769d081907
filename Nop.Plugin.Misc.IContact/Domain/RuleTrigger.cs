namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents who a rule is about: what must have happened for an address to join the rule's list
/// </summary>
public enum RuleTrigger
{
    /// <summary>
    /// Customers with an account (the only trigger before 1.1; stored rules without a trigger mean this)
    /// </summary>
    Customers = 0,

    /// <summary>
    /// Addresses with an active newsletter subscription in the store (of the rule's type, or any), guests included
    /// </summary>
    NewsletterSubscribers = 10,

    /// <summary>
    /// Customers who placed an order in the store (not cancelled), optionally containing the rule's catalog items
    /// </summary>
    OrderPlaced = 20,

    /// <summary>
    /// Customers with a paid order in the store (paid or partly refunded), optionally containing the rule's catalog items
    /// </summary>
    OrderPaid = 30
}
