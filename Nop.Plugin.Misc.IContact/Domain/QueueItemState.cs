namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents the life of a queue item
/// </summary>
public enum QueueItemState
{
    /// <summary>
    /// Waiting to be claimed at or after its next attempt time
    /// </summary>
    Pending = 0,

    /// <summary>
    /// An inbound change received from iContact's web hook, waiting to be confirmed (never claimed by delivery)
    /// </summary>
    Received = 5,

    /// <summary>
    /// Claimed by a node until its lease expires
    /// </summary>
    InFlight = 10,

    /// <summary>
    /// Delivered; kept for the audit view for a bounded time
    /// </summary>
    Done = 20,

    /// <summary>
    /// Not sent on purpose: a bulk synchronisation found the contact unsubscribed from the list in iContact
    /// </summary>
    LeftAlone = 25,

    /// <summary>
    /// Gave up after the maximum number of attempts; kept until retried or discarded from the admin
    /// </summary>
    Failed = 30
}
