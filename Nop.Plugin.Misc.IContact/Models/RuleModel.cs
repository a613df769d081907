using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents a rule (who, conditions, list, removal) in the grid and the editor
/// </summary>
public record RuleModel : BaseNopModel
{
    public string Id { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.Trigger")]
    public int Trigger { get; set; }

    /// <summary>
    /// Gets or sets the rule's trigger and conditions in words, for the grid
    /// </summary>
    public string ConditionsText { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.ProductIds")]
    public IList<int> ProductIds { get; set; } = [];

    /// <summary>
    /// Gets or sets the rule's products with their catalog names, for the editor's product picker
    /// </summary>
    public IList<SelectListItem> Products { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.CategoryIds")]
    public IList<int> CategoryIds { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.ManufacturerIds")]
    public IList<int> ManufacturerIds { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.MinOrderCount")]
    public int MinOrderCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.MinTotalSpent")]
    public decimal MinTotalSpent { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.LapsedDays")]
    public int LapsedDays { get; set; }

    /// <summary>
    /// Gets or sets what happens when a customer stops matching (a new rule leaves the contact on the list)
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.IContact.Rules.Fields.WhenNoLongerMatching")]
    public int WhenNoLongerMatching { get; set; } = (int)Domain.RuleRemoval.LeaveOnList;

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
