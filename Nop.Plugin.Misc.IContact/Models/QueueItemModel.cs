using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents a queued change in the admin grid
/// </summary>
public record QueueItemModel : BaseNopModel
{
    public int Id { get; set; }
    public string Email { get; set; }
    public string List { get; set; }
    public string Change { get; set; }
    public string State { get; set; }
    public bool CanRetry { get; set; }
    public int Attempts { get; set; }
    public string NextAttempt { get; set; }
    public string LastError { get; set; }
    public string UpdatedOn { get; set; }
}
