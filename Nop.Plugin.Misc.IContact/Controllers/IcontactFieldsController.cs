using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Configuration;
using Nop.Services.Security;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// Represents the contact fields card: the mapping grid and editor, creating a custom field on save, and going back to
/// the shared mappings in a store scope
/// </summary>
public class IcontactFieldsController : IcontactBaseController
{
    #region Fields

    protected readonly CustomFieldService _customFieldService;
    protected readonly FieldMappingService _fieldMappingService;
    protected readonly FieldModelFactory _fieldModelFactory;

    #endregion

    #region Ctor

    public IcontactFieldsController(CustomFieldService customFieldService,
        ErrorDescriber errorDescriber,
        FieldMappingService fieldMappingService,
        FieldModelFactory fieldModelFactory,
        ISettingService settingService,
        IStoreContext storeContext)
        : base(errorDescriber, settingService, storeContext)
    {
        _customFieldService = customFieldService;
        _fieldMappingService = fieldMappingService;
        _fieldModelFactory = fieldModelFactory;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Finds the iContact field the editor chose, creating a new custom field in iContact first when asked
    /// </summary>
    /// <returns>The field's name, or the text of what went wrong</returns>
    protected virtual async Task<(string Target, string Error)> TargetOfAsync(FieldMappingModel model, IcontactSettings settings, int storeId)
    {
        var target = model.Target?.Trim() ?? string.Empty;
        if (IcontactDefaults.StandardContactFields.Contains(target))
            return (target, null);
        if (target.StartsWith(FieldModelFactory.CustomPrefix, StringComparison.Ordinal) && target.Length > FieldModelFactory.CustomPrefix.Length)
            return (target[FieldModelFactory.CustomPrefix.Length..], null);
        if (target != FieldModelFactory.NewTarget)
            return (null, await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.Target"));

        var name = model.NewCustomField?.Trim();
        if (CustomFieldService.ValidateName(name) is { } invalid)
            return (null, await T(invalid));
        if (!IcontactConnectionService.IsConfigured(settings))
            return (null, await T($"{IcontactDefaults.LocalePrefix}.Status.NotConfigured"));

        var created = await _customFieldService.CreateCustomFieldAsync(storeId, name, name, RequestAborted);
        return created.Succeeded
            ? (created.Value?.PrivateName ?? name, null)
            : (null, await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.CustomFieldNotCreated", created.Error));
    }

    #endregion

    #region Methods

    /// <summary>
    /// Lists the mappings of the store scope
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> FieldList(FieldMappingSearchModel searchModel)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        return Json(await _fieldModelFactory.PrepareListModelAsync(searchModel, settings, storeId));
    }

    /// <summary>
    /// Adds a mapping, or replaces the mapping of the same iContact field; creates a new custom field first when asked
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> FieldSave(FieldMappingModel model)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        if (FieldModelFactory.ParseSource(model.Source) is not { } source)
            return ErrorJson(await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.Source"));

        //the source first: a custom field is created in iContact only for a mapping that can be saved
        var check = FieldMappingService.Validate(new FieldMapping(source.Source, "-", source.AttributeId));
        if (check.Count > 0)
            return ErrorJson(string.Join(" ", await Task.WhenAll(check.Select(key => T(key)))));

        var (target, error) = await TargetOfAsync(model, settings, storeId);
        if (error is not null)
            return ErrorJson(error);

        var errors = await _fieldMappingService.SaveMappingAsync(storeId, settings, new FieldMapping(source.Source, target, source.AttributeId));
        if (errors.Count > 0)
            return ErrorJson(string.Join(" ", await Task.WhenAll(errors.Select(key => T(key)))));

        return Json(new { result = true, target, message = await T($"{IcontactDefaults.LocalePrefix}.FieldMapping.Saved") });
    }

    /// <summary>
    /// Removes the mapping of an iContact field
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> FieldDelete(string id)
    {
        var (settings, storeId) = await LoadSettingsAsync();
        var target = id?.StartsWith(FieldModelFactory.CustomPrefix, StringComparison.Ordinal) == true ? id[FieldModelFactory.CustomPrefix.Length..] : id;
        await _fieldMappingService.DeleteMappingAsync(storeId, settings, target);

        return new NullJsonResult();
    }

    /// <summary>
    /// Makes the store scope use the mappings of all stores again
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> FieldsUseShared()
    {
        var (_, storeId) = await LoadSettingsAsync();
        await _fieldMappingService.UseSharedAsync(storeId);

        return Json(new { result = true });
    }

    #endregion
}
