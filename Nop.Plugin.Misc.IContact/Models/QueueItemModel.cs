using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents a queued change in the admin grid
/// </summary>
public record QueueItemModel : BaseNopModel
{
    public int Id { get; set; }
    public string Email { get; set; }

    /// <summary>
    /// Gets or sets the customer the change is for (0: a guest newsletter subscriber, an erasure or an inbound change)
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets whom the change is for, in words: a customer, a guest newsletter subscriber, an erased customer, iContact
    /// </summary>
    public string Who { get; set; }

    /// <summary>
    /// Gets or sets the name of the store the change was made for (only in the all-stores scope of a multi-store install)
    /// </summary>
    public string Store { get; set; }
    public string List { get; set; }
    public string Change { get; set; }
    public string State { get; set; }
    public bool CanRetry { get; set; }
    public int Attempts { get; set; }
    public string NextAttempt { get; set; }
    public string LastError { get; set; }
    public string UpdatedOn { get; set; }
}
