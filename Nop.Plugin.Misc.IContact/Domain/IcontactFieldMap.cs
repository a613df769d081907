using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents the field mappings of one settings scope (0 = all stores, or a store with mappings of its own), as
/// JSON: a table row rather than a setting, because a setting's value is VARCHAR(6000) on MySQL/MariaDB and a
/// mapping per customer attribute, with long custom field names, can outgrow it
/// </summary>
public class IcontactFieldMap : BaseEntity
{
    /// <summary>
    /// Gets or sets the store identifier (0 = the mappings of all stores)
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the mappings as JSON
    /// </summary>
    public string MappingJson { get; set; }

    /// <summary>
    /// Gets or sets the time of the last change
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }
}
