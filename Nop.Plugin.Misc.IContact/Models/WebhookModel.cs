using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the web hook health on the status card
/// </summary>
public record WebhookModel : BaseNopModel
{
    /// <summary>
    /// Gets or sets the health: registered, refused by iContact (polling), failed, not registered
    /// </summary>
    public string State { get; set; }
    public string StateBadge { get; set; }
    public string Note { get; set; }
    public DateTime? StateOnUtc { get; set; }
    public DateTime? LastReceivedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the receiver URL without its secret
    /// </summary>
    public string Url { get; set; }
    public string Warning { get; set; }
    public bool CanRegister { get; set; }
}
