using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents one row of the bulk synchronisation's guest page query: a newsletter row of an address without a customer
/// account (its id is the row's), and the type of one of that address's active rows in the store. Never stored and
/// without a table: the platform's repository returns entities only, so the one query that joins the page's rows with
/// the address's other rows selects into this type (<see cref="Services.NewsletterGuestSync.ReadPageAsync"/>).
/// </summary>
public class IcontactGuestPageRow : BaseEntity
{
    /// <summary>
    /// Gets or sets the address as the newsletter row has it
    /// </summary>
    public string Email { get; set; }

    /// <summary>
    /// Gets or sets the type of one of the address's active newsletter rows in the store
    /// </summary>
    public int TypeId { get; set; }
}
