using Nop.Core;
using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents one row of the bulk synchronisation's page query: a customer, one of its roles among the rules' roles (or none),
/// the type of one of its active newsletter rows in the store (or none) and its subscriber record (or none). Never
/// stored and without a table: the platform's repository returns entities only, so the one query that joins the
/// page's customers, roles, newsletter rows and subscriber records selects into this type
/// (<see cref="Services.CustomerFactsReader.ReadPageAsync"/>).
/// </summary>
public class IcontactCustomerPageRow : BaseEntity
{
    /// <summary>
    /// Gets or sets the customer
    /// </summary>
    public Customer Customer { get; set; }

    /// <summary>
    /// Gets or sets one of the customer's roles among the rules' roles (null for none)
    /// </summary>
    public int? RoleId { get; set; }

    /// <summary>
    /// Gets or sets the type of one of the customer's active newsletter rows in the store (null for none)
    /// </summary>
    public int? NewsletterTypeId { get; set; }

    /// <summary>
    /// Gets or sets what the plugin delivered to the customer in the store (null for nothing)
    /// </summary>
    public IcontactSubscriber Subscriber { get; set; }
}
