using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the status panel
/// </summary>
public record StatusModel : BaseNopModel
{
    public bool IsConfigured { get; set; }
    public DateTime? LastSuccessOnUtc { get; set; }
    public DateTime? LastErrorOnUtc { get; set; }
    public string LastError { get; set; }
    public string PausedReason { get; set; }
    public string LastNotice { get; set; }
    public DateTime? LastNoticeOnUtc { get; set; }
    public int QueueDepth { get; set; }
    public int FailedItems { get; set; }
    public int BrokenRules { get; set; }
}
