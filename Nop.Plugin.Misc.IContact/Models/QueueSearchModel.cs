using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the queue grid request
/// </summary>
public record QueueSearchModel : BaseSearchModel
{
    /// <summary>
    /// Gets or sets the state to show (a QueueItemState value)
    /// </summary>
    public int QueueState { get; set; }
}
