using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents a store's iContact health: last success and error, pause, last notice, last reconciliation (request
/// counts live in <see cref="IcontactRequestCount"/>); shared by every node of a web farm
/// </summary>
public class IcontactStoreStatus : BaseEntity
{
    /// <summary>
    /// Gets or sets the store identifier (0 = the settings shared by all stores)
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the time of the last successful iContact call
    /// </summary>
    public DateTime? LastSuccessOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the time of the last failed iContact call
    /// </summary>
    public DateTime? LastErrorOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the last error (never contains credentials)
    /// </summary>
    public string LastError { get; set; }

    /// <summary>
    /// Gets or sets why delivery is paused (authentication failure, unpaid bill); null when it runs
    /// </summary>
    public string PausedReason { get; set; }

    /// <summary>
    /// Gets or sets when delivery was paused
    /// </summary>
    public DateTime? PausedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the last notice for the owner, e.g. a rule re-bound to a re-created list
    /// </summary>
    public string LastNotice { get; set; }

    /// <summary>
    /// Gets or sets the time of the last notice
    /// </summary>
    public DateTime? LastNoticeOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when unsubscribes in iContact were last carried over to the store's newsletter
    /// </summary>
    public DateTime? LastReconciledOnUtc { get; set; }
}
