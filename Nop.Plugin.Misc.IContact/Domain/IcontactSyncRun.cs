using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents a bulk synchronisation of a store's existing customers; persisted, so a restart resumes it
/// </summary>
public class IcontactSyncRun : BaseEntity
{
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the state identifier (see <see cref="SyncRunState"/>)
    /// </summary>
    public int StateId { get; set; }

    public DateTime StartedOnUtc { get; set; }
    public DateTime? CompletedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the newest registration the run covers (later customers arrive through events)
    /// </summary>
    public DateTime CreatedToUtc { get; set; }

    /// <summary>
    /// Gets or sets the next page of customers to read
    /// </summary>
    public int NextPageIndex { get; set; }

    /// <summary>
    /// Gets or sets the id of the last customer read: the run pages by key (customers with a greater id come next), so
    /// customers registering or deleted while it runs move nothing, and a restart resumes after this customer
    /// </summary>
    public int LastCustomerId { get; set; }

    /// <summary>
    /// Gets or sets the id of the last newsletter row read for newsletter subscribers without an account (read by key
    /// after the customers, while the run is <see cref="SyncRunState.ReadingGuests"/>)
    /// </summary>
    public int LastNewsletterId { get; set; }

    /// <summary>
    /// Gets or sets the number of customers the run covers
    /// </summary>
    public int TotalCustomers { get; set; }

    public int CustomersRead { get; set; }
    public int ItemsQueued { get; set; }
    public int Skipped { get; set; }
    public int AlreadySubscribed { get; set; }

    public SyncRunState State
    {
        get => (SyncRunState)StateId;
        set => StateId = (int)value;
    }
}

/// <summary>
/// Represents the life of a bulk synchronisation
/// </summary>
public enum SyncRunState
{
    /// <summary>
    /// Reading customers and queueing their changes
    /// </summary>
    Running = 10,

    /// <summary>
    /// Every customer read; reading the newsletter subscribers without an account and queueing their changes
    /// </summary>
    ReadingGuests = 15,

    /// <summary>
    /// Every customer read; waiting for the queue to deliver the last changes
    /// </summary>
    Delivering = 20,

    /// <summary>
    /// Done
    /// </summary>
    Completed = 30
}
