using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents one stored rule of a settings scope: the shared rules (store 0) or a store that has rules of its own.
/// The rule itself is JSON, so a richer rule model needs no schema change. A row without a rule marks a store whose
/// own rules are none (it does not use the shared ones).
/// </summary>
public class IcontactRuleRecord : BaseEntity
{
    /// <summary>
    /// Gets or sets the store identifier (0 = the rules of all stores)
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the rule identifier (null on the marker row of a store without rules)
    /// </summary>
    public string RuleId { get; set; }

    /// <summary>
    /// Gets or sets the position of the rule in its scope
    /// </summary>
    public int DisplayOrder { get; set; }

    /// <summary>
    /// Gets or sets the rule as JSON (null on the marker row of a store without rules)
    /// </summary>
    public string RuleJson { get; set; }
}
