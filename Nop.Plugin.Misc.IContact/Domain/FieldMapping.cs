using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents one field mapping: a nopCommerce value sent to an iContact contact field
/// </summary>
/// <param name="Source">What is sent</param>
/// <param name="Target">The iContact field: a standard contact field (e.g. firstName) or a custom field's private name</param>
/// <param name="AttributeId">The customer attribute, for <see cref="FieldSource.CustomerAttribute"/>; otherwise 0</param>
public record FieldMapping(FieldSource Source, string Target, int AttributeId = 0)
{
    /// <summary>
    /// Gets a value indicating whether the target is one of iContact's standard contact fields
    /// </summary>
    [JsonIgnore]
    public bool IsStandard => IcontactDefaults.StandardContactFields.Contains(Target);

    /// <summary>
    /// Gets a value indicating whether the value comes from the customer's orders
    /// </summary>
    [JsonIgnore]
    public bool NeedsOrders => Source is FieldSource.OrderCount or FieldSource.TotalSpent or FieldSource.FirstOrderDate
        or FieldSource.LastOrderDate or FieldSource.LastOrderTotal;
}
