namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what delivery did for one customer of a store
/// </summary>
/// <param name="FieldsVersion">Version of the field mappings of the contact data delivered (null: no contact data)</param>
/// <param name="OwnUnsubscribedListIds">Those of the unsubscribed lists the contact was still on in iContact before the
/// delivery: the plugin's own unsubscribes (null: none)</param>
public record DeliveredChange(int StoreId, int CustomerId, string Email, string ContactId, IEnumerable<string> SubscribedListIds,
    IEnumerable<string> UnsubscribedListIds, string FieldsVersion = null, IEnumerable<string> OwnUnsubscribedListIds = null);
