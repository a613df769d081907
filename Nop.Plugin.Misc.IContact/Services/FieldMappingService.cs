using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents the field mappings that apply to a store
/// </summary>
/// <param name="Mappings">The mappings, in the editor's order</param>
/// <param name="Own">Whether they are the store's own (false: the shared ones)</param>
/// <param name="IsDefault">Whether nobody saved any: the default mapping (what version 1.0 sent)</param>
/// <param name="Version">A short hash of the mappings: stored with what was delivered, so a change is re-sent by Synchronize</param>
public record FieldMapSet(IReadOnlyList<FieldMapping> Mappings, bool Own, bool IsDefault, string Version)
{
    /// <summary>
    /// Gets a value indicating whether any mapping needs the customer's order statistics
    /// </summary>
    public bool NeedsOrders => Mappings.Any(mapping => mapping.NeedsOrders);
}

/// <summary>
/// The only reader and writer of field mappings. They belong to a settings scope like the rules: the shared one (0) or
/// a store that has its own; one row per scope in the plugin's table (no setting length limit). Without any row the
/// default mapping applies: the fields version 1.0 sent, so existing installs send the same without doing anything.
/// </summary>
public class FieldMappingService
{
    #region Fields

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected readonly IRepository<IcontactFieldMap> _fieldMapRepository;
    protected readonly IStaticCacheManager _staticCacheManager;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FieldMappingService(IRepository<IcontactFieldMap> fieldMapRepository, IStaticCacheManager staticCacheManager, TimeProvider timeProvider)
    {
        _fieldMapRepository = fieldMapRepository;
        _staticCacheManager = staticCacheManager;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected virtual async Task<IcontactFieldMap> RowAsync(int scope) =>
        (await _fieldMapRepository.GetAllAsync(query => query.Where(row => row.StoreId == scope).OrderBy(row => row.Id))).FirstOrDefault();

    /// <summary>
    /// Reads the stored mappings of a scope, parsed once until the next change (null when the scope has none)
    /// </summary>
    protected virtual async Task<List<FieldMapping>> StoredAsync(int scope)
    {
        //a tuple, so "no row" is remembered too (the platform caches no null)
        var key = _staticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.FieldMapsCacheKey, scope);
        var (exists, mappings) = await _staticCacheManager.GetAsync(key, async () => await RowAsync(scope) is { } row ? (true, Parse(row)) : (false, null));
        return exists ? mappings : null;
    }

    protected static List<FieldMapping> Parse(IcontactFieldMap row)
    {
        try
        {
            return (JsonSerializer.Deserialize<List<FieldMapping>>(row.MappingJson ?? "[]", Options) ?? [])
                .Where(mapping => mapping is not null && !string.IsNullOrWhiteSpace(mapping.Target))
                .ToList();
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The stored iContact field mapping {row.Id} is not valid JSON: {exception.Message}", exception);
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the default mapping: the contact fields version 1.0 sent, and the customer id when its custom field is set
    /// </summary>
    public static IReadOnlyList<FieldMapping> DefaultMappings(IcontactSettings settings)
    {
        List<FieldMapping> mappings =
        [
            new(FieldSource.FirstName, "firstName"),
            new(FieldSource.LastName, "lastName"),
            new(FieldSource.Phone, "phone"),
            new(FieldSource.Company, "business"),
            new(FieldSource.StreetAddress, "street"),
            new(FieldSource.StreetAddress2, "street2"),
            new(FieldSource.City, "city"),
            new(FieldSource.ZipPostalCode, "postalCode")
        ];
        if (!string.IsNullOrWhiteSpace(settings?.CustomerIdCustomField))
            mappings.Add(new FieldMapping(FieldSource.CustomerId, settings.CustomerIdCustomField.Trim()));
        return mappings;
    }

    /// <summary>
    /// Gets a value indicating whether a contact on its lists got its fields under other field mappings than the current
    /// ones (a record from before mappings existed got the default mapping's)
    /// </summary>
    public static bool SentUnderOtherMappings(IcontactSubscriber subscriber, FieldMapSet fields, IcontactSettings settings) =>
        subscriber is not null && (subscriber.FieldsVersion ?? VersionOf(DefaultMappings(settings))) != fields.Version;

    /// <summary>
    /// Gets the version of a set of mappings: the first 16 hex digits of a SHA-256 over their canonical form
    /// </summary>
    public static string VersionOf(IEnumerable<FieldMapping> mappings)
    {
        var canonical = string.Join("\n", mappings.Select(m => $"{(int)m.Source}|{m.AttributeId}|{m.Target}").Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16].ToLowerInvariant();
    }

    /// <summary>
    /// Gets the mappings that apply to a store: its own, the shared ones, or the default mapping
    /// </summary>
    /// <param name="storeId">Store identifier (0 = the shared scope)</param>
    /// <param name="settings">The store's settings (the default mapping includes the customer id field)</param>
    public virtual async Task<FieldMapSet> GetAsync(int storeId, IcontactSettings settings)
    {
        var own = storeId > 0 ? await StoredAsync(storeId) : null;
        var stored = own ?? await StoredAsync(0);
        var mappings = stored ?? DefaultMappings(settings);
        return new FieldMapSet(mappings, own is not null, stored is null, VersionOf(mappings));
    }

    /// <summary>
    /// Checks a mapping and returns the locale keys of what is wrong with it
    /// </summary>
    public static IList<string> Validate(FieldMapping mapping)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(mapping.Source))
            errors.Add($"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.Source");
        if (mapping.Source == FieldSource.CustomerAttribute && mapping.AttributeId <= 0)
            errors.Add($"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.Attribute");
        if (string.IsNullOrWhiteSpace(mapping.Target))
            errors.Add($"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.Target");
        return errors;
    }

    /// <summary>
    /// Saves the mappings of a scope (saving in a store's scope makes them that store's own); an iContact field
    /// receives one value, so a later mapping to the same field replaces an earlier one
    /// </summary>
    public virtual async Task SaveAsync(int scope, IEnumerable<FieldMapping> mappings)
    {
        var distinct = mappings.Reverse().DistinctBy(mapping => mapping.Target, StringComparer.Ordinal).Reverse().ToList();
        var row = await RowAsync(scope);
        var json = JsonSerializer.Serialize(distinct, Options);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (row is null)
            await _fieldMapRepository.InsertAsync(new IcontactFieldMap { StoreId = scope, MappingJson = json, UpdatedOnUtc = now }, false);
        else if (row.MappingJson != json)
        {
            row.MappingJson = json;
            row.UpdatedOnUtc = now;
            await _fieldMapRepository.UpdateAsync(row, false);
        }

        await _staticCacheManager.RemoveByPrefixAsync(IcontactDefaults.FieldMapsCachePrefix);
    }

    /// <summary>
    /// Adds a mapping to the mappings of a scope, or replaces the one with the same iContact field
    /// </summary>
    /// <returns>The locale keys of what is wrong with the mapping; empty when saved</returns>
    public virtual async Task<IList<string>> SaveMappingAsync(int scope, IcontactSettings settings, FieldMapping mapping)
    {
        var errors = Validate(mapping);
        if (errors.Count > 0)
            return errors;

        var current = (await GetAsync(scope, settings)).Mappings.ToList();
        var index = current.FindIndex(m => m.Target == mapping.Target);
        if (index >= 0)
            current[index] = mapping;
        else
            current.Add(mapping);
        await SaveAsync(scope, current);
        return errors;
    }

    /// <summary>
    /// Removes the mapping of an iContact field from a scope
    /// </summary>
    public virtual async Task<bool> DeleteMappingAsync(int scope, IcontactSettings settings, string target)
    {
        var current = (await GetAsync(scope, settings)).Mappings.ToList();
        if (current.RemoveAll(m => m.Target == target) == 0)
            return false;
        await SaveAsync(scope, current);
        return true;
    }

    /// <summary>
    /// Makes a store use the shared mappings again
    /// </summary>
    public virtual async Task UseSharedAsync(int storeId)
    {
        if (storeId == 0)
            return;

        await _fieldMapRepository.DeleteAsync(row => row.StoreId == storeId);
        await _staticCacheManager.RemoveByPrefixAsync(IcontactDefaults.FieldMapsCachePrefix);
    }

    #endregion
}
