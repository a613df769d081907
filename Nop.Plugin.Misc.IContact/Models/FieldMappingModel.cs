using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents a field mapping in the grid and the editor
/// </summary>
public record FieldMappingModel : BaseNopModel
{
    /// <summary>
    /// Gets or sets the source: a FieldSource name, or "CustomerAttribute:{id}"
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.IContact.FieldMapping.Fields.Source")]
    public string Source { get; set; }
    public string SourceName { get; set; }

    /// <summary>
    /// Gets or sets the target: a standard field name, "custom:{privateName}", or "new" (create the field named below)
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.IContact.FieldMapping.Fields.Target")]
    public string Target { get; set; }
    public string TargetName { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.FieldMapping.Fields.NewCustomField")]
    public string NewCustomField { get; set; }
}

/// <summary>
/// Represents the field mapping grid request
/// </summary>
public record FieldMappingSearchModel : BaseSearchModel;

/// <summary>
/// Represents the field mapping grid response
/// </summary>
public record FieldMappingListModel : BasePagedListModel<FieldMappingModel>;

/// <summary>
/// Represents the field mapping card: the scope's state, the editor and its choices
/// </summary>
public record FieldMappingCardModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the store scope has mappings of its own
    /// </summary>
    public bool OwnMappings { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether nobody saved a mapping yet (the default one applies)
    /// </summary>
    public bool IsDefault { get; set; }

    /// <summary>
    /// Gets or sets why the account's custom fields could not be read (null when they were)
    /// </summary>
    public string CustomFieldsError { get; set; }

    public FieldMappingSearchModel SearchModel { get; set; } = new();
    public FieldMappingModel NewMapping { get; set; } = new();
    public IList<SelectListItem> AvailableSources { get; set; } = [];
    public IList<SelectListItem> AvailableTargets { get; set; } = [];
}
