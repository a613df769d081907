using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents what the plugin last delivered for a customer: the address iContact knows and the lists the plugin put it on
/// </summary>
public class IcontactSubscriber : BaseEntity
{
    /// <summary>
    /// Gets or sets the store whose settings applied
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the customer identifier
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the email address last sent to iContact (lower case)
    /// </summary>
    public string Email { get; set; }

    /// <summary>
    /// Gets or sets the iContact contact id
    /// </summary>
    public string ContactId { get; set; }

    /// <summary>
    /// Gets or sets the ids of the lists the plugin subscribed the contact to, comma-separated
    /// </summary>
    public string ListIds { get; set; }

    /// <summary>
    /// Gets or sets the ids of the lists the plugin itself took the contact off (a rule's removal, a withdrawn consent),
    /// comma-separated: iContact shows only "unsubscribed", not who unsubscribed it, so this tells the plugin's own
    /// unsubscribe from the person's
    /// </summary>
    public string RemovedListIds { get; set; }

    /// <summary>
    /// Gets or sets the version of the field mappings of the contact data last delivered (null: delivered before field
    /// mappings existed, i.e. with the default mapping)
    /// </summary>
    public string FieldsVersion { get; set; }

    /// <summary>
    /// Gets or sets the time of the last change
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }

    /// <summary>
    /// Gets the list ids as a set
    /// </summary>
    public ISet<string> GetListIds() =>
        (ListIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    /// <summary>
    /// Sets the list ids
    /// </summary>
    public void SetListIds(IEnumerable<string> listIds) => ListIds = string.Join(",", listIds.Distinct().OrderBy(id => id));

    /// <summary>
    /// Gets the ids of the lists the plugin itself took the contact off, as a set
    /// </summary>
    public ISet<string> GetRemovedListIds() =>
        (RemovedListIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    /// <summary>
    /// Sets the ids of the lists the plugin itself took the contact off
    /// </summary>
    public void SetRemovedListIds(IEnumerable<string> listIds) => RemovedListIds = string.Join(",", listIds.Distinct().OrderBy(id => id));

    /// <summary>
    /// Takes in another record of the same customer (a guest: the same address) kept under another store id: the newer
    /// record's address, contact and mapping version win; for the same address the lists join, less those the newer
    /// record says the plugin took the contact off since
    /// </summary>
    public void Absorb(IcontactSubscriber other)
    {
        var (newer, older) = other.UpdatedOnUtc > UpdatedOnUtc ? (other, this) : (this, other);
        var lists = newer.GetListIds();
        var removed = newer.GetRemovedListIds();
        if (string.Equals(newer.Email, older.Email, StringComparison.OrdinalIgnoreCase))
        {
            lists.UnionWith(older.GetListIds().Except(removed));
            removed.UnionWith(older.GetRemovedListIds().Except(lists));
        }

        (Email, ContactId, FieldsVersion, UpdatedOnUtc) = (newer.Email, newer.ContactId ?? older.ContactId, newer.FieldsVersion, newer.UpdatedOnUtc);
        SetListIds(lists);
        SetRemovedListIds(removed);
    }
}
