using Nop.Core.Caching;
using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The account's custom fields for the field mapping editor: read through the store's gateway connection (budget,
/// time-out, status), remembered for a few minutes like the lists, and created on save when the owner names a new one
/// </summary>
public class CustomFieldService
{
    #region Fields

    protected readonly IcontactGateway _gateway;
    protected readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public CustomFieldService(IcontactGateway gateway, IStaticCacheManager staticCacheManager)
    {
        _gateway = gateway;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    #region Utilities

    protected virtual CacheKey KeyOf(IcontactStoreConnection connection)
    {
        //the platform prepares keys with its default time: set the plugin's own after preparing
        var key = _staticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.CustomFieldsCacheKey,
            connection.Folder.Credentials.ApiBaseUrl, connection.Folder.AccountId, connection.Folder.ClientFolderId);
        key.CacheTime = IcontactDefaults.CustomFieldsCacheTime;
        return key;
    }

    protected virtual async Task<IcontactAccountResult<T>> RunAsync<T>(IcontactStoreConnection connection, Func<Task<T>> operation)
    {
        try
        {
            var value = await operation();
            await connection.RecordSuccessAsync();
            return new IcontactAccountResult<T>(value, null);
        }
        catch (IcontactApiException exception)
        {
            return new IcontactAccountResult<T>(default, await connection.RecordErrorAsync(exception));
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Checks a private name for a new custom field as iContact does (no spaces, quotes, slashes or square brackets),
    /// that it is not one of the standard contact fields, and its length
    /// </summary>
    /// <returns>The locale key of what is wrong, or null</returns>
    public static string ValidateName(string privateName)
    {
        if (string.IsNullOrWhiteSpace(privateName))
            return $"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.NameRequired";
        if (privateName.IndexOfAny(IcontactDefaults.CustomFieldForbiddenCharacters) >= 0)
            return $"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.NameCharacters";
        if (privateName.Length > IcontactDefaults.CustomFieldNameMaxLength)
            return $"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.NameLength";
        if (IcontactDefaults.StandardContactFields.Append("email").Contains(privateName, StringComparer.OrdinalIgnoreCase))
            return $"{IcontactDefaults.LocalePrefix}.FieldMapping.Errors.NameStandard";
        return null;
    }

    /// <summary>
    /// Gets the folder's custom fields (remembered for a few minutes)
    /// </summary>
    /// <returns>Null fields without an error when the store is not configured</returns>
    public virtual async Task<IcontactAccountResult<IReadOnlyList<IcontactCustomField>>> GetCustomFieldsAsync(int storeId, IcontactSettings settings = null,
        CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId, settings, interactive: true);
        if (!IcontactConnectionService.IsConfigured(connection.Settings))
            return new IcontactAccountResult<IReadOnlyList<IcontactCustomField>>(null, null);

        return await RunAsync(connection, () => _staticCacheManager.GetAsync(KeyOf(connection), async () =>
        {
            var fields = new List<IcontactCustomField>();
            await foreach (var field in connection.ReadAllAsync((client, offset, token) => client.GetCustomFieldsPageAsync(connection.Folder, offset, cancellationToken: token), cancellationToken))
                fields.Add(field);
            return (IReadOnlyList<IcontactCustomField>)fields;
        }));
    }

    /// <summary>
    /// Creates a text custom field (the type iContact's API is known to accept), unless the folder has it already
    /// </summary>
    /// <param name="storeId">Store scope</param>
    /// <param name="privateName">Private name (checked with <see cref="ValidateName"/> first)</param>
    /// <param name="publicName">Name shown in iContact</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public virtual async Task<IcontactAccountResult<IcontactCustomField>> CreateCustomFieldAsync(int storeId, string privateName, string publicName,
        CancellationToken cancellationToken = default)
    {
        var existing = await GetCustomFieldsAsync(storeId, cancellationToken: cancellationToken);
        if (existing.Value?.FirstOrDefault(field => string.Equals(field.PrivateName, privateName, StringComparison.Ordinal)) is { } found)
            return new IcontactAccountResult<IcontactCustomField>(found, null);

        var connection = await _gateway.OpenAsync(storeId, interactive: true);
        return await RunAsync(connection, async () =>
        {
            var field = await connection.CallAsync((client, token) => client.CreateCustomFieldAsync(connection.Folder, privateName, publicName, token), cancellationToken);
            await _staticCacheManager.RemoveAsync(IcontactDefaults.CustomFieldsCacheKey,
                connection.Folder.Credentials.ApiBaseUrl, connection.Folder.AccountId, connection.Folder.ClientFolderId);
            return field;
        });
    }

    #endregion
}
