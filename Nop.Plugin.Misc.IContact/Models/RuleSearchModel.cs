using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the rule grid request
/// </summary>
public record RuleSearchModel : BaseSearchModel;
