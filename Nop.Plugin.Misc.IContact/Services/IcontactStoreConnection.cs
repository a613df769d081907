using Nop.Core.Caching;
using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The store's request budget is spent until a point in time
/// </summary>
public class IcontactBudgetExhaustedException(DateTime availableOnUtc)
    : IcontactApiException(IcontactErrorKind.Throttled, "The plugin's iContact request budget for the store is used up.")
{
    /// <summary>
    /// Gets when the budget allows a request again
    /// </summary>
    public DateTime AvailableOnUtc { get; } = availableOnUtc;
}

/// <summary>
/// A connection to iContact for one store (opened by <see cref="IcontactGateway"/>): every call reserves a request of
/// the store's budget and runs with the store's time-out; paged reads go through one helper; lists and unsubscribed
/// contacts are remembered for a few minutes; results are recorded in the store's status
/// </summary>
public class IcontactStoreConnection
{
    #region Nested

    /// <summary>
    /// The services a connection works with
    /// </summary>
    public record Services(IcontactConnectionService ConnectionService, ErrorDescriber ErrorDescriber, IcontactHttpClient Client,
        RequestBudget RequestBudget, IStaticCacheManager StaticCacheManager, StatusService StatusService);

    #endregion

    #region Fields

    protected readonly Services _services;
    protected readonly int _budgetScope;
    protected readonly TimeSpan _requestTimeout;
    protected readonly string _appPassword;
    private IcontactCredentials _credentials;
    private IcontactFolder _folder;

    #endregion

    #region Ctor

    public IcontactStoreConnection(Services services, int storeId, IcontactSettings settings, int budgetScope, TimeSpan requestTimeout, string appPassword = null)
    {
        _services = services;
        StoreId = storeId;
        Settings = settings;
        _budgetScope = budgetScope;
        _requestTimeout = requestTimeout;
        _appPassword = appPassword;
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets the store
    /// </summary>
    public int StoreId { get; }

    /// <summary>
    /// Gets the settings the connection was opened with
    /// </summary>
    public IcontactSettings Settings { get; }

    /// <summary>
    /// Gets the credentials, cleaned and carrying the time-out
    /// </summary>
    /// <exception cref="IcontactApiException">A value is missing or malformed</exception>
    public IcontactCredentials Credentials =>
        _credentials ??= _services.ConnectionService.CreateCredentials(Settings, _appPassword).WithRequestTimeout(_requestTimeout);

    /// <summary>
    /// Gets the account and client folder the store works in
    /// </summary>
    /// <exception cref="IcontactApiException">The plugin is not configured</exception>
    public IcontactFolder Folder
    {
        get
        {
            if (_folder is not null)
                return _folder;
            if (string.IsNullOrWhiteSpace(Settings.AccountId) || string.IsNullOrWhiteSpace(Settings.ClientFolderId))
                throw new IcontactApiException(IcontactErrorKind.NoAccount, "The iContact account and client folder are not chosen yet: verify the credentials.");
            return _folder = new IcontactFolder(Credentials, Settings.AccountId.Trim(), Settings.ClientFolderId.Trim());
        }
    }

    protected CacheKey ListsKey
    {
        get
        {
            //the platform prepares keys with its default time: set the plugin's own after preparing
            var key = _services.StaticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.ListsCacheKey, Folder.Credentials.ApiBaseUrl, Folder.AccountId, Folder.ClientFolderId);
            key.CacheTime = IcontactDefaults.ListsCacheTime;
            return key;
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Calls iContact once, within the store's request budget
    /// </summary>
    /// <exception cref="IcontactBudgetExhaustedException">The budget is spent</exception>
    /// <exception cref="IcontactApiException">iContact failed</exception>
    public virtual async Task<T> CallAsync<T>(Func<IcontactHttpClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        if (await _services.RequestBudget.TryReserveAsync(_budgetScope, Settings) is DateTime availableOn)
            throw new IcontactBudgetExhaustedException(availableOn);
        return await call(_services.Client, cancellationToken);
    }

    /// <summary>
    /// Reads a collection page by page, each page within the budget; the caller may stop early
    /// </summary>
    public virtual IAsyncEnumerable<T> ReadAllAsync<T>(Func<IcontactHttpClient, int, CancellationToken, Task<IcontactPage<T>>> readPage,
        CancellationToken cancellationToken = default) =>
        IcontactPaging.ReadAllAsync((offset, token) => CallAsync((client, t) => readPage(client, offset, t), token), cancellationToken);

    /// <summary>
    /// Gets the folder's lists, remembered for a few minutes
    /// </summary>
    public virtual Task<IReadOnlyList<IcontactList>> GetListsAsync(CancellationToken cancellationToken = default) =>
        _services.StaticCacheManager.GetAsync(ListsKey, async () =>
        {
            var lists = new List<IcontactList>();
            await foreach (var list in ReadAllAsync((client, offset, token) => client.GetListsPageAsync(Folder, offset, cancellationToken: token), cancellationToken))
                lists.Add(list);
            return (IReadOnlyList<IcontactList>)lists;
        });

    /// <summary>
    /// Forgets the remembered lists, e.g. when iContact says one is gone
    /// </summary>
    public virtual Task ForgetListsAsync() =>
        _services.StaticCacheManager.RemoveAsync(IcontactDefaults.ListsCacheKey, Folder.Credentials.ApiBaseUrl, Folder.AccountId, Folder.ClientFolderId);

    /// <summary>
    /// Gets the contacts a list has as unsubscribed, remembered for a few minutes
    /// </summary>
    public virtual Task<HashSet<string>> GetUnsubscribedContactIdsAsync(string listId, CancellationToken cancellationToken = default)
    {
        var key = _services.StaticCacheManager.PrepareKeyForDefaultCache(IcontactDefaults.UnsubscribedCacheKey,
            Folder.Credentials.ApiBaseUrl, Folder.AccountId, Folder.ClientFolderId, listId);
        key.CacheTime = IcontactDefaults.UnsubscribedCacheTime;
        return _services.StaticCacheManager.GetAsync(key, async () =>
        {
            var ids = new HashSet<string>();
            await foreach (var subscription in ReadAllAsync((client, offset, token) =>
                client.GetSubscriptionsPageAsync(Folder, listId, IcontactDefaults.SubscriptionStatuses.Unsubscribed, offset, cancellationToken: token), cancellationToken))
                ids.Add(subscription.ContactId);
            return ids;
        });
    }

    /// <summary>
    /// Forgets the remembered unsubscribed contacts of a list, e.g. when iContact's web hook reported (and iContact
    /// confirmed) a change, so the next delivery or bulk step reads the list again
    /// </summary>
    public virtual Task ForgetUnsubscribedAsync(string listId) =>
        _services.StaticCacheManager.RemoveAsync(IcontactDefaults.UnsubscribedCacheKey, Folder.Credentials.ApiBaseUrl, Folder.AccountId, Folder.ClientFolderId, listId);

    /// <summary>
    /// Describes an error for the store owner
    /// </summary>
    /// <param name="exception">The error</param>
    /// <param name="enteredAppId">The AppID as typed, when it came from a form</param>
    public virtual Task<string> DescribeAsync(IcontactApiException exception, string enteredAppId = null) =>
        _services.ErrorDescriber.DescribeAsync(exception, enteredAppId ?? Settings.AppId);

    /// <summary>
    /// Records that iContact answered
    /// </summary>
    public virtual Task RecordSuccessAsync() => _services.StatusService.RecordSuccessAsync(StoreId);

    /// <summary>
    /// Records an error the owner should see
    /// </summary>
    public virtual Task RecordErrorAsync(string message) => _services.StatusService.RecordErrorAsync(StoreId, message);

    /// <summary>
    /// Describes and records a failed call
    /// </summary>
    /// <returns>The description</returns>
    public virtual async Task<string> RecordErrorAsync(IcontactApiException exception, string enteredAppId = null)
    {
        var message = await DescribeAsync(exception, enteredAppId);
        await RecordErrorAsync(message);
        return message;
    }

    #endregion
}
