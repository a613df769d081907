using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents a named lease held by one claimant across every node of a web farm; the name is unique in the table,
/// so of two claimants inserting the same name the database refuses the second
/// </summary>
public class IcontactLease : BaseEntity
{
    /// <summary>
    /// Gets or sets the lease name (unique), e.g. the claim slot of one store
    /// </summary>
    public string Name { get; set; }

    /// <summary>
    /// Gets or sets the token of the claimant that holds the lease
    /// </summary>
    public string Owner { get; set; }

    /// <summary>
    /// Gets or sets when the lease lapses; a lapsed lease may be removed by anyone
    /// </summary>
    public DateTime ExpiresOnUtc { get; set; }
}
