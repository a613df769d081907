using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents the typed HTTP client of the iContact API v2.2. It never retries and never counts requests: the caller
/// (the per-store gateway) decides, using <see cref="IcontactApiException.Kind"/> and each batch's refusals. Credentials,
/// with their request time-out, travel per call because they differ per store.
/// </summary>
public partial class IcontactHttpClient
{
    #region Fields

    protected readonly HttpClient _httpClient;

    #endregion

    #region Ctor

    public IcontactHttpClient(HttpClient httpClient)
    {
        //per-request timeouts come from the settings of the store being served (see SendAsync)
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        httpClient.DefaultRequestHeaders.UserAgent.ParseAdd(IcontactDefaults.UserAgent);
        _httpClient = httpClient;
    }

    #endregion

    #region Utilities

    protected virtual async Task<JsonElement> SendAsync(HttpMethod method, IcontactCredentials credentials, string path,
        object body, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{credentials.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/{path}");
        using var request = new HttpRequestMessage(method, uri);
        var (versionHeader, appIdHeader, usernameHeader, passwordHeader) = IcontactDefaults.ApiHeaders;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation(versionHeader, IcontactDefaults.ApiVersion);
        request.Headers.TryAddWithoutValidation(appIdHeader, credentials.AppId);
        request.Headers.TryAddWithoutValidation(usernameHeader, credentials.Username);
        request.Headers.TryAddWithoutValidation(passwordHeader, credentials.AppPassword);
        //iContact wants a JSON content type on every request, GET included
        request.Content = new StringContent(body is null ? string.Empty : JsonSerializer.Serialize(body, IcontactJson.Options),
            Encoding.UTF8, "application/json");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(credentials.RequestTimeout);

        HttpResponseMessage response;
        string text;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            text = await ReadBodyAsync(response, timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IcontactApiException(IcontactErrorKind.Transient,
                $"iContact did not answer {method} {path} within {credentials.RequestTimeout.TotalSeconds:0} seconds.", innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new IcontactApiException(IcontactErrorKind.Transient,
                $"iContact could not be reached at {credentials.ApiBaseUrl.Host}: {exception.Message}", innerException: exception);
        }

        using (response)
        {
            JsonElement json = default;
            var parsed = IcontactResponse.TryParse(text, out json);

            if (response.IsSuccessStatusCode)
            {
                if (!parsed)
                    throw new IcontactApiException(IcontactErrorKind.Transient,
                        $"iContact answered {method} {path} with a body that is not JSON.", response.StatusCode);
                return json;
            }

            throw IcontactResponse.Error(response.StatusCode, parsed ? IcontactResponse.Messages(json, "errors") : [], method, path);
        }
    }

    protected static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        //iContact has been seen labelling JSON as text/html and sending it gzip-compressed: read the bytes whatever the headers say
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var unzipped = new MemoryStream();
            await gzip.CopyToAsync(unzipped, cancellationToken);
            bytes = unzipped.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    protected virtual async Task<IcontactPage<T>> GetPageAsync<T>(IcontactCredentials credentials, string path, string collection,
        int offset, int limit, CancellationToken cancellationToken)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var json = await SendAsync(HttpMethod.Get, credentials, $"{path}{separator}limit={limit}&offset={offset}", null, cancellationToken);
        var items = IcontactResponse.Array<T>(json, collection);
        return new IcontactPage<T>(items, IcontactResponse.Total(json, offset + items.Count), IcontactResponse.Warnings(json));
    }

    protected virtual async Task<(List<T> Items, IReadOnlyList<string> Warnings)> PostCollectionAsync<T>(IcontactFolder folder, string resource,
        IReadOnlyCollection<object> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return ([], []);

        var json = await SendAsync(HttpMethod.Post, folder.Credentials, $"{folder.Path}/{resource}", items, cancellationToken);
        return (IcontactResponse.Array<T>(json, resource), IcontactResponse.Warnings(json));
    }

    protected static T Created<T>((List<T> Items, IReadOnlyList<string> Warnings) result, string what) =>
        result.Items.FirstOrDefault()
        ?? throw new IcontactApiException(IcontactErrorKind.BadRequest, $"iContact did not create the {what}: {string.Join(" ", result.Warnings)}",
            HttpStatusCode.OK, result.Warnings);

    #endregion

    #region Methods

    #region Accounts and folders

    /// <summary>
    /// Gets the accounts the credentials open (GET /a/)
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactAccount>> GetAccountsAsync(IcontactCredentials credentials, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, credentials, "a/", null, cancellationToken);
        return IcontactResponse.Array<IcontactAccount>(json, "accounts");
    }

    /// <summary>
    /// Gets the client folders of an account (GET /a/{accountId}/c/)
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactClientFolder>> GetClientFoldersAsync(IcontactCredentials credentials, string accountId,
        CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, credentials, $"a/{Uri.EscapeDataString(accountId)}/c/", null, cancellationToken);
        return IcontactResponse.Array<IcontactClientFolder>(json, "clientfolders");
    }

    /// <summary>
    /// Verifies credentials and discovers the account, its client folders and the chosen folder's list count
    /// </summary>
    /// <param name="credentials">Credentials</param>
    /// <param name="preferredClientFolderId">The folder to use if it exists; otherwise the first one is chosen</param>
    /// <param name="cancellationToken">Cancellation token</param>
    /// <exception cref="IcontactApiException">With the kind that says which credential is wrong</exception>
    public virtual async Task<IcontactVerification> VerifyAsync(IcontactCredentials credentials, string preferredClientFolderId = null,
        CancellationToken cancellationToken = default)
    {
        var accounts = await GetAccountsAsync(credentials, cancellationToken);
        var account = accounts.FirstOrDefault()
            ?? throw new IcontactApiException(IcontactErrorKind.NoAccount, "iContact accepted the credentials but lists no account.");
        if (account.Enabled != 1)
            throw new IcontactApiException(IcontactErrorKind.AccountDisabled, $"The iContact account {account.AccountId} is disabled.");

        var folders = await GetClientFoldersAsync(credentials, account.AccountId, cancellationToken);
        var folder = folders.FirstOrDefault(f => f.ClientFolderId == preferredClientFolderId) ?? folders.FirstOrDefault()
            ?? throw new IcontactApiException(IcontactErrorKind.NoAccount, $"The iContact account {account.AccountId} has no client folder.");

        var lists = await GetListsPageAsync(new IcontactFolder(credentials, account.AccountId, folder.ClientFolderId), 0, 1, cancellationToken);

        return new IcontactVerification(account, folders, folder.ClientFolderId, lists.Total, credentials.AppIdWhitespaceRemoved);
    }

    #endregion

    #region Lists

    /// <summary>
    /// Gets one page of the folder's lists
    /// </summary>
    public virtual Task<IcontactPage<IcontactList>> GetListsPageAsync(IcontactFolder folder, int offset, int limit = 500, CancellationToken cancellationToken = default) =>
        GetPageAsync<IcontactList>(folder.Credentials, $"{folder.Path}/lists", "lists", offset, Math.Clamp(limit, 1, IcontactDefaults.MaxPageSize), cancellationToken);

    /// <summary>
    /// Creates a list
    /// </summary>
    public virtual async Task<IcontactList> CreateListAsync(IcontactFolder folder, string name, CancellationToken cancellationToken = default) =>
        Created(await PostCollectionAsync<IcontactList>(folder, "lists", [new { name = name.Trim() }], cancellationToken), "list");

    #endregion

    #region Contacts

    /// <summary>
    /// Finds contacts by email whether or not they are on a list (status=total)
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactContact>> FindContactsByEmailAsync(IcontactFolder folder, string email,
        CancellationToken cancellationToken = default)
    {
        var path = $"{folder.Path}/contacts?status=total&email={Uri.EscapeDataString(email.Trim())}";
        var page = await GetPageAsync<IcontactContact>(folder.Credentials, path, "contacts", 0, IcontactDefaults.MaxPageSize, cancellationToken);
        return page.Items;
    }

    /// <summary>
    /// Creates or updates contacts in one request; iContact matches existing contacts by email.
    /// Omitted (null) fields are not sent, so they are not blanked.
    /// </summary>
    /// <returns>The contacts accepted (with their ids) and, for each one left out, why</returns>
    public virtual async Task<IcontactBatchResult<IcontactContact>> UpsertContactsAsync(IcontactFolder folder, IReadOnlyCollection<IcontactContact> contacts,
        CancellationToken cancellationToken = default)
    {
        var (items, warnings) = await PostCollectionAsync<IcontactContact>(folder, "contacts",
            contacts.Select(c => (object)(c with { ContactId = null })).ToList(), cancellationToken);
        var emails = items.Select(c => c.Email).Where(e => !string.IsNullOrEmpty(e)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return IcontactBatchResult<IcontactContact>.Match(contacts, items, warnings,
            contact => !string.IsNullOrEmpty(contact.Email) && emails.Contains(contact.Email),
            contact => [contact.Email],
            (_, warning) => warning.Contains("exist", StringComparison.OrdinalIgnoreCase) ? IcontactRefusalKind.AlreadyExists : IcontactRefusalKind.Invalid);
    }

    /// <summary>
    /// Deletes one contact
    /// </summary>
    public virtual async Task DeleteContactAsync(IcontactFolder folder, string contactId, CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Delete, folder.Credentials, $"{folder.Path}/contacts/{Uri.EscapeDataString(contactId)}", null, cancellationToken);
    }

    #endregion

    #region Subscriptions

    /// <summary>
    /// Creates or updates subscriptions in one request (status normal, pending or unsubscribed); re-posting a pair updates it
    /// </summary>
    /// <returns>The subscriptions accepted and, for each one left out, why</returns>
    public virtual async Task<IcontactBatchResult<IcontactSubscription>> SubscribeAsync(IcontactFolder folder, IReadOnlyCollection<IcontactSubscription> subscriptions,
        CancellationToken cancellationToken = default)
    {
        var (items, warnings) = await PostCollectionAsync<IcontactSubscription>(folder, "subscriptions",
            subscriptions.Select(s => (object)(s with { SubscriptionId = null, AddDate = null })).ToList(), cancellationToken);
        var accepted = items.Select(s => (s.ListId, s.ContactId)).ToHashSet();
        return IcontactBatchResult<IcontactSubscription>.Match(subscriptions, items, warnings,
            subscription => accepted.Contains((subscription.ListId, subscription.ContactId)),
            subscription => [subscription.ContactId, subscription.ListId],
            (subscription, warning) => subscription.ListId is not null && warning.Contains(subscription.ListId) ? IcontactRefusalKind.ListNotFound : IcontactRefusalKind.Invalid);
    }

    /// <summary>
    /// Gets one page of a list's subscriptions, optionally of one status
    /// </summary>
    public virtual Task<IcontactPage<IcontactSubscription>> GetSubscriptionsPageAsync(IcontactFolder folder, string listId, string status, int offset,
        int limit = 500, CancellationToken cancellationToken = default)
    {
        var path = $"{folder.Path}/subscriptions?listId={Uri.EscapeDataString(listId)}" + (status is null ? string.Empty : $"&status={Uri.EscapeDataString(status)}");
        return GetPageAsync<IcontactSubscription>(folder.Credentials, path, "subscriptions", offset, Math.Clamp(limit, 1, IcontactDefaults.MaxPageSize), cancellationToken);
    }

    /// <summary>
    /// Gets one page of the folder's contacts, whether or not they are on a list
    /// </summary>
    public virtual Task<IcontactPage<IcontactContact>> GetContactsPageAsync(IcontactFolder folder, int offset, int limit = 500, CancellationToken cancellationToken = default) =>
        GetPageAsync<IcontactContact>(folder.Credentials, $"{folder.Path}/contacts?status=total", "contacts", offset, Math.Clamp(limit, 1, IcontactDefaults.MaxPageSize), cancellationToken);

    #endregion

    #region Custom fields

    /// <summary>
    /// Gets one page of the folder's custom fields
    /// </summary>
    public virtual Task<IcontactPage<IcontactCustomField>> GetCustomFieldsPageAsync(IcontactFolder folder, int offset, int limit = 500,
        CancellationToken cancellationToken = default) =>
        GetPageAsync<IcontactCustomField>(folder.Credentials, $"{folder.Path}/customfields", "customfields", offset, Math.Clamp(limit, 1, IcontactDefaults.MaxPageSize), cancellationToken);

    /// <summary>
    /// Creates a text custom field
    /// </summary>
    public virtual async Task<IcontactCustomField> CreateCustomFieldAsync(IcontactFolder folder, string privateName, string publicName,
        CancellationToken cancellationToken = default) =>
        Created(await PostCollectionAsync<IcontactCustomField>(folder, "customfields",
            [new { privateName, publicName, displayToUser = 0, fieldType = "text" }], cancellationToken), "custom field");

    #endregion

    #endregion
}
