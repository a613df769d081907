namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents what happens to a contact the plugin put on a rule's list when the customer stops matching the rule
/// (a role taken, an order cancelled, no longer lapsed). Withdrawn newsletter consent always unsubscribes.
/// </summary>
public enum RuleRemoval
{
    /// <summary>
    /// Unsubscribe the contact from the list (what every rule did before 1.1; stored rules without the member mean this)
    /// </summary>
    Unsubscribe = 0,

    /// <summary>
    /// Leave the contact on the list (the rule editor's default for a new rule)
    /// </summary>
    LeaveOnList = 10
}
