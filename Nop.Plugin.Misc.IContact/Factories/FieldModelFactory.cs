using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Attributes;

namespace Nop.Plugin.Misc.IContact.Factories;

/// <summary>
/// Prepares the field mapping card: its state, the editor's choices (nopCommerce values, iContact fields) and the grid
/// </summary>
public class FieldModelFactory
{
    #region Fields

    /// <summary>
    /// Gets the editor's value of the "new custom field" choice
    /// </summary>
    public const string NewTarget = "new";

    /// <summary>
    /// Gets the prefix of a custom field in the editor's choices
    /// </summary>
    public const string CustomPrefix = "custom:";

    protected readonly CustomFieldService _customFieldService;
    protected readonly ErrorDescriber _errorDescriber;
    protected readonly FieldMappingService _fieldMappingService;
    protected readonly IAttributeService<CustomerAttribute, CustomerAttributeValue> _attributeService;

    #endregion

    #region Ctor

    public FieldModelFactory(CustomFieldService customFieldService,
        ErrorDescriber errorDescriber,
        FieldMappingService fieldMappingService,
        IAttributeService<CustomerAttribute, CustomerAttributeValue> attributeService)
    {
        _customFieldService = customFieldService;
        _errorDescriber = errorDescriber;
        _fieldMappingService = fieldMappingService;
        _attributeService = attributeService;
    }

    #endregion

    #region Utilities

    protected virtual Task<string> T(string key, params object[] args) => _errorDescriber.ResourceAsync(key, args);

    /// <summary>
    /// Gets the editor's value of a mapping's source
    /// </summary>
    public static string SourceKeyOf(FieldMapping mapping) => mapping.Source == FieldSource.CustomerAttribute
        ? $"{nameof(FieldSource.CustomerAttribute)}:{mapping.AttributeId.ToString(CultureInfo.InvariantCulture)}"
        : mapping.Source.ToString();

    /// <summary>
    /// Reads the editor's value of a source
    /// </summary>
    /// <returns>The source and the attribute id, or null for a value that names no source</returns>
    public static (FieldSource Source, int AttributeId)? ParseSource(string key)
    {
        var parts = (key ?? string.Empty).Split(':', 2);
        if (!Enum.TryParse<FieldSource>(parts[0], out var source) || !Enum.IsDefined(source) || int.TryParse(parts[0], out _))
            return null;
        var attributeId = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;
        return (source, source == FieldSource.CustomerAttribute ? attributeId : 0);
    }

    protected virtual async Task<Func<FieldMapping, Task<string>>> SourceNamesAsync()
    {
        var attributes = (await _attributeService.GetAllAttributesAsync()).ToDictionary(a => a.Id, a => a.Name);
        return async mapping => mapping.Source == FieldSource.CustomerAttribute
            ? await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.AttributeSource", attributes.GetValueOrDefault(mapping.AttributeId, $"#{mapping.AttributeId}"))
            : await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.Source.{mapping.Source}");
    }

    protected virtual async Task<string> TargetNameAsync(string target) => IcontactDefaults.StandardContactFields.Contains(target)
        ? await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.Target.{target}")
        : await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.CustomField", target);

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the card for a store scope; the account's custom fields come from iContact (remembered for minutes)
    /// </summary>
    public virtual async Task<FieldMappingCardModel> PrepareCardModelAsync(IcontactSettings settings, int storeId, CancellationToken cancellationToken = default)
    {
        var set = await _fieldMappingService.GetAsync(storeId, settings);
        var model = new FieldMappingCardModel { ActiveStoreScopeConfiguration = storeId, OwnMappings = set.Own, IsDefault = set.IsDefault };
        model.SearchModel.SetGridPageSize();

        var sourceName = await SourceNamesAsync();
        foreach (var source in Enum.GetValues<FieldSource>().Where(s => s != FieldSource.CustomerAttribute))
            model.AvailableSources.Add(new SelectListItem(await sourceName(new FieldMapping(source, null)), source.ToString()));
        foreach (var attribute in await _attributeService.GetAllAttributesAsync())
        {
            var mapping = new FieldMapping(FieldSource.CustomerAttribute, null, attribute.Id);
            model.AvailableSources.Add(new SelectListItem(await sourceName(mapping), SourceKeyOf(mapping)));
        }

        foreach (var field in IcontactDefaults.StandardContactFields)
            model.AvailableTargets.Add(new SelectListItem(await TargetNameAsync(field), field));
        var customFields = await _customFieldService.GetCustomFieldsAsync(storeId, settings, cancellationToken);
        model.CustomFieldsError = customFields.Succeeded ? null : await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.CustomFieldsUnavailable", customFields.Error);
        var known = (customFields.Value ?? []).Select(field => field.PrivateName)
            .Concat(set.Mappings.Where(mapping => !mapping.IsStandard).Select(mapping => mapping.Target))
            .Where(name => !string.IsNullOrEmpty(name)).Distinct(StringComparer.Ordinal);
        foreach (var name in known)
            model.AvailableTargets.Add(new SelectListItem(await TargetNameAsync(name), CustomPrefix + name));
        model.AvailableTargets.Add(new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.NewCustomFieldOption"), NewTarget));
        return model;
    }

    /// <summary>
    /// Prepares a page of the mapping grid
    /// </summary>
    public virtual async Task<FieldMappingListModel> PrepareListModelAsync(FieldMappingSearchModel searchModel, IcontactSettings settings, int storeId)
    {
        var mappings = (await _fieldMappingService.GetAsync(storeId, settings)).Mappings;
        var sourceName = await SourceNamesAsync();
        var length = searchModel.Length > 0 ? searchModel.Length : mappings.Count;
        var rows = new List<FieldMappingModel>();
        foreach (var mapping in mappings.Skip(Math.Max(searchModel.Start, 0)).Take(Math.Max(length, 1)))
        {
            rows.Add(new FieldMappingModel
            {
                Source = SourceKeyOf(mapping),
                SourceName = await sourceName(mapping),
                Target = mapping.IsStandard ? mapping.Target : CustomPrefix + mapping.Target,
                TargetName = await TargetNameAsync(mapping.Target)
            });
        }

        return new FieldMappingListModel { Data = rows, Draw = searchModel.Draw, RecordsTotal = mappings.Count, RecordsFiltered = mappings.Count };
    }

    #endregion
}
