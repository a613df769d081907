using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the rule grid response
/// </summary>
public record RuleListModel : BasePagedListModel<RuleModel>;
