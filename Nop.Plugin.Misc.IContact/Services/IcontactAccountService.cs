using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents the answer of an account operation: a value, or the owner-facing description of what went wrong
/// </summary>
public record IcontactAccountResult<T>(T Value, string Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// What the admin page asks of iContact: verify credentials, connect (account, folder, the customer id field), the
/// folder's lists and creating a list. Every call goes through the store's gateway connection, which records the outcome.
/// </summary>
public class IcontactAccountService
{
    #region Fields

    protected readonly IcontactGateway _gateway;
    protected readonly StatusService _statusService;

    #endregion

    #region Ctor

    public IcontactAccountService(IcontactGateway gateway, StatusService statusService)
    {
        _gateway = gateway;
        _statusService = statusService;
    }

    #endregion

    #region Utilities

    protected virtual async Task<IcontactAccountResult<T>> RunAsync<T>(IcontactStoreConnection connection, string enteredAppId,
        Func<Task<T>> operation)
    {
        try
        {
            var value = await operation();
            await connection.RecordSuccessAsync();
            return new IcontactAccountResult<T>(value, null);
        }
        catch (IcontactApiException exception)
        {
            return new IcontactAccountResult<T>(default, await connection.RecordErrorAsync(exception, enteredAppId));
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Verifies credentials, saved or not, and finds the account and folder; resumes a paused delivery when the stored
    /// credentials are the ones that work again
    /// </summary>
    /// <param name="storeId">Store scope</param>
    /// <param name="form">The values to verify (username, AppID as typed, API URL, preferred folder, time-out)</param>
    /// <param name="appPassword">A password typed in the form, or empty to use the stored one</param>
    /// <param name="areStored">Whether the form's credentials are the stored ones</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public virtual async Task<IcontactAccountResult<IcontactVerification>> VerifyAsync(int storeId, IcontactSettings form, string appPassword, bool areStored,
        CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId, form, interactive: true, appPassword: appPassword);
        var result = await RunAsync(connection, form.AppId,
            () => connection.CallAsync((client, token) => client.VerifyAsync(connection.Credentials, form.ClientFolderId, token), cancellationToken));
        if (result.Succeeded && areStored)
            await _statusService.ResumeAsync(storeId);
        return result;
    }

    /// <summary>
    /// Connects the settings about to be saved: verifies them, fills in the account and folder, creates the custom field
    /// that receives the customer id when missing, and resumes a paused delivery
    /// </summary>
    /// <param name="storeId">Store scope</param>
    /// <param name="settings">The settings about to be saved; the account and folder are set on success</param>
    /// <param name="enteredAppId">The AppID as typed, to explain a format problem precisely</param>
    /// <param name="cancellationToken">Cancellation token</param>
    /// <returns>Null on success; otherwise what is wrong</returns>
    public virtual async Task<string> ConnectAsync(int storeId, IcontactSettings settings, string enteredAppId, CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId, settings, interactive: true);
        var result = await RunAsync(connection, enteredAppId, async () =>
        {
            var verification = await connection.CallAsync((client, token) => client.VerifyAsync(connection.Credentials, settings.ClientFolderId, token), cancellationToken);
            settings.AccountId = verification.Account.AccountId;
            settings.ClientFolderId = verification.ClientFolderId;

            //the custom field that receives the customer id must exist before contacts carry it
            if (!string.IsNullOrEmpty(settings.CustomerIdCustomField))
            {
                var exists = false;
                await foreach (var field in connection.ReadAllAsync((client, offset, token) => client.GetCustomFieldsPageAsync(connection.Folder, offset, cancellationToken: token), cancellationToken))
                    exists |= string.Equals(field.PrivateName, settings.CustomerIdCustomField, StringComparison.Ordinal);
                if (!exists)
                    await connection.CallAsync((client, token) => client.CreateCustomFieldAsync(connection.Folder, settings.CustomerIdCustomField, "nopCommerce customer ID", token),
                        cancellationToken);
            }

            return verification;
        });

        if (result.Succeeded)
            await _statusService.ResumeAsync(storeId);
        return result.Error;
    }

    /// <summary>
    /// Gets the folder's lists (remembered for a few minutes)
    /// </summary>
    /// <returns>Null lists without an error when the store is not configured</returns>
    public virtual async Task<IcontactAccountResult<IReadOnlyList<IcontactList>>> GetListsAsync(int storeId, IcontactSettings settings = null,
        CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId, settings, interactive: true);
        if (!IcontactConnectionService.IsConfigured(connection.Settings))
            return new IcontactAccountResult<IReadOnlyList<IcontactList>>(null, null);

        return await RunAsync(connection, null, () => connection.GetListsAsync(cancellationToken));
    }

    /// <summary>
    /// Creates a list
    /// </summary>
    public virtual async Task<IcontactAccountResult<IcontactList>> CreateListAsync(int storeId, string name, CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId, interactive: true);
        return await RunAsync(connection, null, async () =>
        {
            var list = await connection.CallAsync((client, token) => client.CreateListAsync(connection.Folder, name, token), cancellationToken);
            await connection.ForgetListsAsync();
            return list;
        });
    }

    /// <summary>
    /// Describes an error for the owner of a store
    /// </summary>
    public virtual async Task<string> DescribeAsync(int storeId, IcontactApiException exception) =>
        await (await _gateway.OpenAsync(storeId)).DescribeAsync(exception);

    #endregion
}
