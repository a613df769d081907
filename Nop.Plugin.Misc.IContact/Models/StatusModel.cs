using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the status panel
/// </summary>
public record StatusModel : BaseNopModel
{
    public bool IsConfigured { get; set; }

    /// <summary>
    /// Gets or sets the state of each store the page speaks for (one entry in a store scope and in a single-store install)
    /// </summary>
    public IList<StoreStatusModel> Stores { get; set; } = [];

    public int QueueDepth { get; set; }
    public int FailedItems { get; set; }
    public int BrokenRules { get; set; }
}

/// <summary>
/// Represents what delivery and the configure page last reported for a store
/// </summary>
public record StoreStatusModel : BaseNopModel
{
    /// <summary>
    /// Gets or sets the store's name; null when the panel shows a single status
    /// </summary>
    public string StoreName { get; set; }

    public DateTime? LastSuccessOnUtc { get; set; }
    public DateTime? LastErrorOnUtc { get; set; }
    public string LastError { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a call succeeded after the last error (the error is history, not current)
    /// </summary>
    public bool ErrorResolved { get; set; }

    public string PausedReason { get; set; }
    public string LastNotice { get; set; }
    public DateTime? LastNoticeOnUtc { get; set; }
}
