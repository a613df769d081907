using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents a customer group → list rule in the grid and the editor
/// </summary>
public record RuleModel : BaseNopModel
{
    public string Id { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.CustomerRoles")]
    public IList<int> CustomerRoleIds { get; set; } = [];
    public string CustomerRoleNames { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.RequireNewsletter")]
    public bool RequireNewsletter { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.NewsletterType")]
    public int NewsletterTypeId { get; set; }
    public string NewsletterCondition { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.List")]
    public string ListId { get; set; }
    public string ListName { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.SubscriptionStatus")]
    public string SubscriptionStatus { get; set; }
    public string SubscriptionStatusText { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.Enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether iContact no longer has the rule's list
    /// </summary>
    public bool IsBroken { get; set; }
}
