namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents the outcome of registering a store's web hooks with iContact
/// </summary>
public enum WebhookState
{
    /// <summary>
    /// Never registered
    /// </summary>
    NotRegistered = 0,

    /// <summary>
    /// iContact holds the store's hooks
    /// </summary>
    Registered = 10,

    /// <summary>
    /// iContact refuses the web hooks resource for this account: unsubscribes arrive by polling only
    /// </summary>
    Refused = 20,

    /// <summary>
    /// Registration failed for another reason (iContact unreachable, no public store URL): polling carries on
    /// </summary>
    Failed = 30
}
