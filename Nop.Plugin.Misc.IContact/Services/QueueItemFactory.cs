using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Builds the queue's items, the one way live events and bulk synchronisations describe a change, and normalises
/// email addresses the one way the plugin compares them
/// </summary>
public static class QueueItemFactory
{
    /// <summary>
    /// Normalises an email address for storage and comparison (iContact matches addresses without regard to case)
    /// </summary>
    public static string NormalizeEmail(string email) => email?.Trim().ToLowerInvariant();

    /// <summary>
    /// Gets a value indicating whether an item carries contact fields to upsert (a subscribe, or a fields update)
    /// </summary>
    public static bool CarriesContact(IcontactQueueItem item) => item.Operation is QueueOperation.Subscribe or QueueOperation.UpdateContact;

    /// <summary>
    /// A customer joins the list a rule puts it on
    /// </summary>
    /// <param name="storeId">Store</param>
    /// <param name="customer">Customer</param>
    /// <param name="target">The list and the rule</param>
    /// <param name="snapshot">The customer's fields (<see cref="ContactSnapshotBuilder"/>)</param>
    /// <param name="syncRunId">The bulk synchronisation that queued it, or 0 for a live change</param>
    public static IcontactQueueItem Subscribe(int storeId, Customer customer, RuleTarget target, ContactSnapshot snapshot, int syncRunId = 0) => new()
    {
        StoreId = storeId,
        CustomerId = customer.Id,
        Email = NormalizeEmail(customer.Email),
        ContactJson = snapshot.Json,
        FieldsVersion = snapshot.FieldsVersion,
        Operation = QueueOperation.Subscribe,
        ListId = target.ListId,
        RuleId = target.Rule.Id,
        SubscriptionStatus = target.Status,
        SyncRunId = syncRunId
    };

    /// <summary>
    /// A contact's fields are sent again, its lists untouched (field mappings or order statistics changed)
    /// </summary>
    public static IcontactQueueItem UpdateContact(int storeId, Customer customer, ContactSnapshot snapshot, int syncRunId = 0) => new()
    {
        StoreId = storeId,
        CustomerId = customer.Id,
        Email = NormalizeEmail(customer.Email),
        ContactJson = snapshot.Json,
        FieldsVersion = snapshot.FieldsVersion,
        Operation = QueueOperation.UpdateContact,
        SyncRunId = syncRunId
    };

    /// <summary>
    /// A newsletter subscriber without an account (customer id 0) joins the list a rule puts it on; iContact gets the
    /// address only
    /// </summary>
    public static IcontactQueueItem SubscribeGuest(int storeId, string email, RuleTarget target, int syncRunId = 0) => new()
    {
        StoreId = storeId,
        CustomerId = 0,
        Email = NormalizeEmail(email),
        ContactJson = JsonSerializer.Serialize(new IcontactContact { Email = NormalizeEmail(email) }, IcontactJson.Options),
        Operation = QueueOperation.Subscribe,
        ListId = target.ListId,
        RuleId = target.Rule.Id,
        SubscriptionStatus = target.Status,
        SyncRunId = syncRunId
    };

    /// <summary>
    /// An address leaves a list
    /// </summary>
    public static IcontactQueueItem Unsubscribe(int storeId, int customerId, string email, string listId) => new()
    {
        StoreId = storeId,
        CustomerId = customerId,
        Email = NormalizeEmail(email),
        ContactJson = JsonSerializer.Serialize(new IcontactContact { Email = NormalizeEmail(email) }, IcontactJson.Options),
        Operation = QueueOperation.Unsubscribe,
        ListId = listId,
        SubscriptionStatus = IcontactDefaults.SubscriptionStatuses.Unsubscribed
    };

    /// <summary>
    /// An erased customer's contact is deleted in iContact
    /// </summary>
    public static IcontactQueueItem DeleteContact(int storeId, int customerId, string email)
    {
        var item = Unsubscribe(storeId, customerId, email, null);
        item.Operation = QueueOperation.DeleteContact;
        return item;
    }
}
