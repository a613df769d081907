namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents what a queue item asks of iContact
/// </summary>
public enum QueueOperation
{
    /// <summary>
    /// Upsert the contact and set its subscription on the list (normal, pending or unsubscribed)
    /// </summary>
    Subscribe = 10,

    /// <summary>
    /// Set the contact's subscription on the list to unsubscribed
    /// </summary>
    Unsubscribe = 20,

    /// <summary>
    /// Delete the contact (customer erased, when the store owner chose deletion)
    /// </summary>
    DeleteContact = 30,

    /// <summary>
    /// Inbound: iContact's web hook reported a subscription change; the plugin confirms it with iContact before acting
    /// </summary>
    InboundCheck = 40,

    /// <summary>
    /// Upsert the contact's fields only, no list changes (its field mappings changed, or its order statistics did)
    /// </summary>
    UpdateContact = 50
}
