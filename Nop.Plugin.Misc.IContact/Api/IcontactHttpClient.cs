using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents the typed HTTP client of the iContact API v2.2. It never retries: the caller decides, using
/// <see cref="IcontactApiException.Kind"/>. Credentials travel per call because they differ per store.
/// </summary>
public class IcontactHttpClient
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

    #region Properties

    /// <summary>
    /// Gets or sets how long one request may take before it fails as transient
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(IcontactDefaults.DefaultRequestTimeout);

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
        timeout.CancelAfter(RequestTimeout);

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
                $"iContact did not answer {method} {path} within {RequestTimeout.TotalSeconds:0} seconds.", innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new IcontactApiException(IcontactErrorKind.Transient,
                $"iContact could not be reached at {credentials.ApiBaseUrl.Host}: {exception.Message}", innerException: exception);
        }

        using (response)
        {
            JsonElement json = default;
            var parsed = TryParse(text, out json);

            if (response.IsSuccessStatusCode)
            {
                if (!parsed)
                    throw new IcontactApiException(IcontactErrorKind.Transient,
                        $"iContact answered {method} {path} with a body that is not JSON.", response.StatusCode);
                return json;
            }

            throw CreateError(response.StatusCode, parsed ? ReadMessages(json, "errors") : [], method, path);
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

    protected static bool TryParse(string text, out JsonElement json)
    {
        json = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a string array that may also arrive as one string, an object with "message", or null
    /// </summary>
    protected static IReadOnlyList<string> ReadMessages(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object || !TryGetProperty(json, name, out var value))
            return [];

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(Text).Where(m => !string.IsNullOrEmpty(m)).ToList(),
            JsonValueKind.String => [value.GetString()],
            JsonValueKind.Object when TryGetProperty(value, "message", out var message) => [Text(message)],
            JsonValueKind.Object => value.EnumerateObject().Select(p => Text(p.Value)).ToList(),
            _ => []
        };

        static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
    }

    protected static bool TryGetProperty(JsonElement json, string name, out JsonElement value)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    protected static IcontactApiException CreateError(HttpStatusCode status, IReadOnlyList<string> messages, HttpMethod method, string path)
    {
        var serverText = messages.Count > 0 ? string.Join(" ", messages) : "no message";
        var said = $"iContact answered {method} {path} with {(int)status} {status}: {serverText}";

        var kind = (int)status switch
        {
            401 => ClassifyAuthenticationFailure(serverText),
            402 => IcontactErrorKind.PaymentRequired,
            403 => IcontactErrorKind.Forbidden,
            404 => IcontactErrorKind.NotFound,
            429 => IcontactErrorKind.Throttled,
            503 when LooksLikeThrottling(serverText) => IcontactErrorKind.Throttled,
            503 => IcontactErrorKind.Unavailable,
            400 or 405 or 406 or 415 or 501 => IcontactErrorKind.BadRequest,
            >= 500 => IcontactErrorKind.Transient,
            408 => IcontactErrorKind.Transient,
            _ => IcontactErrorKind.BadRequest
        };

        return new IcontactApiException(kind, said, status, messages);
    }

    protected static IcontactErrorKind ClassifyAuthenticationFailure(string message)
    {
        //iContact sends prose, no codes: "Api username invalid", "The application was not recognized. ...",
        //"The password you provided was not recognized."
        if (message.Contains("application", StringComparison.OrdinalIgnoreCase) || message.Contains("appid", StringComparison.OrdinalIgnoreCase))
            return IcontactErrorKind.AppIdNotRecognized;
        if (message.Contains("password", StringComparison.OrdinalIgnoreCase))
            return IcontactErrorKind.WrongPassword;
        if (message.Contains("username", StringComparison.OrdinalIgnoreCase))
            return IcontactErrorKind.UnknownUsername;
        return IcontactErrorKind.AuthenticationFailed;
    }

    protected static bool LooksLikeThrottling(string message) =>
        message.Contains("limit", StringComparison.OrdinalIgnoreCase) || message.Contains("throttl", StringComparison.OrdinalIgnoreCase)
        || message.Contains("too many", StringComparison.OrdinalIgnoreCase);

    protected static List<T> ReadArray<T>(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object || !TryGetProperty(json, name, out var value))
            return [];

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.Deserialize<List<T>>(IcontactJson.Options) ?? [],
            //a one-item collection has been seen as a bare object
            JsonValueKind.Object => [value.Deserialize<T>(IcontactJson.Options)],
            _ => []
        };
    }

    protected static T ReadSingle<T>(JsonElement json, string name, HttpMethod method, string path) where T : class
    {
        if (json.ValueKind == JsonValueKind.Object && TryGetProperty(json, name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Object)
                return value.Deserialize<T>(IcontactJson.Options);
            //the official PHP library sends one-element arrays; be ready to get one back
            if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
                return value[0].Deserialize<T>(IcontactJson.Options);
        }

        var warnings = ReadWarnings(json);
        throw new IcontactApiException(IcontactErrorKind.BadRequest,
            $"iContact answered {method} {path} without a {name}" + (warnings.Count > 0 ? $": {string.Join(" ", warnings)}" : "."),
            HttpStatusCode.OK, warnings);
    }

    protected static IReadOnlyList<string> ReadWarnings(JsonElement json) =>
        ReadMessages(json, "warnings").Concat(ReadMessages(json, "notices")).ToList();

    protected static int ReadTotal(JsonElement json, int fallback) =>
        json.ValueKind == JsonValueKind.Object && TryGetProperty(json, "total", out var total)
            ? total.ValueKind switch
            {
                JsonValueKind.Number when total.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(total.GetString(), out var s) => s,
                _ => fallback
            }
            : fallback;

    protected virtual async Task<IcontactPage<T>> GetPageAsync<T>(IcontactCredentials credentials, string path, string collection,
        int offset, int limit, CancellationToken cancellationToken)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var json = await SendAsync(HttpMethod.Get, credentials, $"{path}{separator}limit={limit}&offset={offset}", null, cancellationToken);
        var items = ReadArray<T>(json, collection);
        return new IcontactPage<T>(items, ReadTotal(json, offset + items.Count), ReadWarnings(json));
    }

    protected virtual async IAsyncEnumerable<T> GetAllAsync<T>(IcontactCredentials credentials, string path, string collection,
        int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        while (true)
        {
            var page = await GetPageAsync<T>(credentials, path, collection, offset, pageSize, cancellationToken);
            foreach (var item in page.Items)
                yield return item;

            offset += page.Items.Count;
            //stop at the reported total, and on an empty page whatever the total says
            if (page.Items.Count == 0 || offset >= page.Total)
                yield break;
        }
    }

    protected virtual async Task<IcontactBatchResult<T>> PostCollectionAsync<T>(IcontactFolder folder, string resource,
        IReadOnlyCollection<object> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return new IcontactBatchResult<T>([], []);

        var json = await SendAsync(HttpMethod.Post, folder.Credentials, $"{folder.Path}/{resource}", items, cancellationToken);
        return new IcontactBatchResult<T>(ReadArray<T>(json, resource), ReadWarnings(json));
    }

    #endregion

    #region Methods

    #region Accounts and folders

    /// <summary>
    /// Gets the accounts the credentials open (GET /a/)
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactAccount>> GetAccountsAsync(IcontactCredentials credentials, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, credentials, "a/", null, cancellationToken);
        return ReadArray<IcontactAccount>(json, "accounts");
    }

    /// <summary>
    /// Gets the client folders of an account (GET /a/{accountId}/c/)
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactClientFolder>> GetClientFoldersAsync(IcontactCredentials credentials, string accountId,
        CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, credentials, $"a/{Uri.EscapeDataString(accountId)}/c/", null, cancellationToken);
        return ReadArray<IcontactClientFolder>(json, "clientfolders");
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

        var lists = await GetPageAsync<IcontactList>(credentials, $"{new IcontactFolder(credentials, account.AccountId, folder.ClientFolderId).Path}/lists",
            "lists", 0, 1, cancellationToken);

        return new IcontactVerification(account, folders, folder.ClientFolderId, lists.Total, credentials.AppIdWhitespaceRemoved);
    }

    #endregion

    #region Lists

    /// <summary>
    /// Gets every list of the folder, page by page until iContact's total
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactList>> GetListsAsync(IcontactFolder folder, CancellationToken cancellationToken = default)
    {
        var lists = new List<IcontactList>();
        await foreach (var list in GetAllAsync<IcontactList>(folder.Credentials, $"{folder.Path}/lists", "lists", IcontactDefaults.MaxPageSize, cancellationToken))
            lists.Add(list);
        return lists;
    }

    /// <summary>
    /// Gets one list
    /// </summary>
    /// <exception cref="IcontactApiException">Kind NotFound when the list was deleted</exception>
    public virtual async Task<IcontactList> GetListAsync(IcontactFolder folder, string listId, CancellationToken cancellationToken = default)
    {
        var path = $"{folder.Path}/lists/{Uri.EscapeDataString(listId)}";
        var json = await SendAsync(HttpMethod.Get, folder.Credentials, path, null, cancellationToken);
        return ReadSingle<IcontactList>(json, "list", HttpMethod.Get, path);
    }

    /// <summary>
    /// Creates a list
    /// </summary>
    public virtual async Task<IcontactList> CreateListAsync(IcontactFolder folder, string name, CancellationToken cancellationToken = default)
    {
        var result = await PostCollectionAsync<IcontactList>(folder, "lists", [new { name = name.Trim() }], cancellationToken);
        return result.Items.FirstOrDefault()
            ?? throw new IcontactApiException(IcontactErrorKind.BadRequest,
                $"iContact did not create the list: {string.Join(" ", result.Warnings)}", HttpStatusCode.OK, result.Warnings);
    }

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
    /// <returns>The contacts accepted (with their ids) and a warning for each one rejected</returns>
    public virtual Task<IcontactBatchResult<IcontactContact>> UpsertContactsAsync(IcontactFolder folder, IReadOnlyCollection<IcontactContact> contacts,
        CancellationToken cancellationToken = default)
    {
        return PostCollectionAsync<IcontactContact>(folder, "contacts", contacts.Select(c => (object)(c with { ContactId = null })).ToList(), cancellationToken);
    }

    /// <summary>
    /// Updates the supplied fields of one contact (merge)
    /// </summary>
    public virtual async Task<IcontactContact> UpdateContactAsync(IcontactFolder folder, string contactId, IcontactContact contact,
        CancellationToken cancellationToken = default)
    {
        var path = $"{folder.Path}/contacts/{Uri.EscapeDataString(contactId)}";
        var json = await SendAsync(HttpMethod.Post, folder.Credentials, path, contact with { ContactId = null }, cancellationToken);
        return ReadSingle<IcontactContact>(json, "contact", HttpMethod.Post, path);
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
    /// <returns>The subscriptions accepted and a warning for each one rejected</returns>
    public virtual Task<IcontactBatchResult<IcontactSubscription>> SubscribeAsync(IcontactFolder folder, IReadOnlyCollection<IcontactSubscription> subscriptions,
        CancellationToken cancellationToken = default)
    {
        return PostCollectionAsync<IcontactSubscription>(folder, "subscriptions",
            subscriptions.Select(s => (object)(s with { SubscriptionId = null, AddDate = null })).ToList(), cancellationToken);
    }

    /// <summary>
    /// Moves a subscription to another list (PUT, API 2.2)
    /// </summary>
    public virtual async Task<IcontactSubscription> MoveSubscriptionAsync(IcontactFolder folder, string subscriptionId, string newListId,
        CancellationToken cancellationToken = default)
    {
        var path = $"{folder.Path}/subscriptions/{Uri.EscapeDataString(subscriptionId)}";
        var json = await SendAsync(HttpMethod.Put, folder.Credentials, path, new IcontactSubscription { ListId = newListId }, cancellationToken);
        return ReadSingle<IcontactSubscription>(json, "subscription", HttpMethod.Put, path);
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

    /// <summary>
    /// Gets the subscriptions of a list, optionally of one status, page by page
    /// </summary>
    public virtual IAsyncEnumerable<IcontactSubscription> GetSubscriptionsAsync(IcontactFolder folder, string listId, string status = null,
        CancellationToken cancellationToken = default)
    {
        var path = $"{folder.Path}/subscriptions?listId={Uri.EscapeDataString(listId)}" + (status is null ? string.Empty : $"&status={Uri.EscapeDataString(status)}");
        return GetAllAsync<IcontactSubscription>(folder.Credentials, path, "subscriptions", IcontactDefaults.MaxPageSize, cancellationToken);
    }

    #endregion

    #region Custom fields

    /// <summary>
    /// Gets the custom fields of the folder
    /// </summary>
    public virtual async Task<IReadOnlyList<IcontactCustomField>> GetCustomFieldsAsync(IcontactFolder folder, CancellationToken cancellationToken = default)
    {
        var fields = new List<IcontactCustomField>();
        await foreach (var field in GetAllAsync<IcontactCustomField>(folder.Credentials, $"{folder.Path}/customfields", "customfields", IcontactDefaults.MaxPageSize, cancellationToken))
            fields.Add(field);
        return fields;
    }

    /// <summary>
    /// Creates a text custom field
    /// </summary>
    public virtual async Task<IcontactCustomField> CreateCustomFieldAsync(IcontactFolder folder, string privateName, string publicName,
        CancellationToken cancellationToken = default)
    {
        var result = await PostCollectionAsync<IcontactCustomField>(folder, "customfields",
            [new { privateName, publicName, displayToUser = 0, fieldType = "text" }], cancellationToken);
        return result.Items.FirstOrDefault()
            ?? throw new IcontactApiException(IcontactErrorKind.BadRequest,
                $"iContact did not create the custom field: {string.Join(" ", result.Warnings)}", HttpStatusCode.OK, result.Warnings);
    }

    #endregion

    #endregion
}
