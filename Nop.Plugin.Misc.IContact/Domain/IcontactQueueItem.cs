using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents one change waiting to be delivered to iContact: a contact's membership of one list
/// </summary>
public class IcontactQueueItem : BaseEntity
{
    /// <summary>
    /// Gets or sets the store whose settings and rules apply
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the customer identifier (0 for a newsletter-only subscriber)
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the email address, normalised to lower case
    /// </summary>
    public string Email { get; set; }

    /// <summary>
    /// Gets or sets a JSON snapshot of the contact fields taken when the item was queued
    /// </summary>
    public string ContactJson { get; set; }

    /// <summary>
    /// Gets or sets the operation identifier
    /// </summary>
    public int OperationId { get; set; }

    /// <summary>
    /// Gets or sets the target iContact list id
    /// </summary>
    public string ListId { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the rule that produced the item (used to re-bind a re-created list)
    /// </summary>
    public string RuleId { get; set; }

    /// <summary>
    /// Gets or sets the subscription status to set: normal, pending or unsubscribed
    /// </summary>
    public string SubscriptionStatus { get; set; }

    /// <summary>
    /// Gets or sets the bulk synchronisation run that queued the item (0 for live events)
    /// </summary>
    public int SyncRunId { get; set; }

    /// <summary>
    /// Gets or sets the version of the field mappings the contact snapshot was built with (null: none built)
    /// </summary>
    public string FieldsVersion { get; set; }

    /// <summary>
    /// Gets or sets the state identifier
    /// </summary>
    public int StateId { get; set; }

    /// <summary>
    /// Gets or sets the number of delivery attempts made
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Gets or sets the earliest time of the next attempt
    /// </summary>
    public DateTime NextAttemptOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the time a claim on the item expires; an expired claim makes the item claimable again
    /// </summary>
    public DateTime? LeaseExpiresOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the node that holds the claim
    /// </summary>
    public string LeaseOwner { get; set; }

    /// <summary>
    /// Gets or sets the last error (never contains credentials)
    /// </summary>
    public string LastError { get; set; }

    /// <summary>
    /// Gets or sets the creation time
    /// </summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the time of the last change
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the operation
    /// </summary>
    public QueueOperation Operation
    {
        get => (QueueOperation)OperationId;
        set => OperationId = (int)value;
    }

    /// <summary>
    /// Gets or sets the state
    /// </summary>
    public QueueItemState State
    {
        get => (QueueItemState)StateId;
        set => StateId = (int)value;
    }
}
