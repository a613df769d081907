namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents the three values iContact checks on every call, cleaned of what people paste around them
/// </summary>
public sealed class IcontactCredentials
{
    private IcontactCredentials(string username, string appId, string appPassword, Uri apiBaseUrl, bool appIdWhitespaceRemoved)
    {
        Username = username;
        AppId = appId;
        AppPassword = appPassword;
        ApiBaseUrl = apiBaseUrl;
        AppIdWhitespaceRemoved = appIdWhitespaceRemoved;
    }

    /// <summary>
    /// Gets the username, trimmed (its case is kept: iContact compares it exactly)
    /// </summary>
    public string Username { get; }

    /// <summary>
    /// Gets the AppID, trimmed and free of inner white space
    /// </summary>
    public string AppId { get; }

    /// <summary>
    /// Gets the application password, trimmed
    /// </summary>
    public string AppPassword { get; }

    /// <summary>
    /// Gets the API base URL, without a trailing slash
    /// </summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>
    /// Gets a value indicating whether white space was removed from the AppID
    /// </summary>
    public bool AppIdWhitespaceRemoved { get; }

    /// <summary>
    /// Gets how long one request with these credentials may take before it fails as transient
    /// </summary>
    public TimeSpan RequestTimeout { get; private init; } = TimeSpan.FromSeconds(IcontactDefaults.DefaultRequestTimeout);

    /// <summary>
    /// Gets the same credentials with another request time-out
    /// </summary>
    public IcontactCredentials WithRequestTimeout(TimeSpan requestTimeout) =>
        new(Username, AppId, AppPassword, ApiBaseUrl, AppIdWhitespaceRemoved) { RequestTimeout = requestTimeout };

    /// <summary>
    /// Cleans and checks credentials before any request is sent
    /// </summary>
    /// <param name="username">Username as entered</param>
    /// <param name="appId">AppID as entered</param>
    /// <param name="appPassword">Application password as entered</param>
    /// <param name="apiBaseUrl">API base URL; empty means production</param>
    /// <returns>Credentials ready to send</returns>
    /// <exception cref="IcontactApiException">A value that iContact would certainly reject</exception>
    public static IcontactCredentials Create(string username, string appId, string appPassword, string apiBaseUrl = null)
    {
        username = username?.Trim() ?? string.Empty;
        if (username.Length == 0)
            throw new IcontactApiException(IcontactErrorKind.MissingUsername, "The iContact username is empty.");

        var rawAppId = appId ?? string.Empty;
        var cleanAppId = RemoveWhitespace(rawAppId);
        var whitespaceRemoved = cleanAppId.Length != rawAppId.Length;
        if (cleanAppId.Length != IcontactDefaults.AppIdLength || !cleanAppId.All(char.IsAsciiLetterOrDigit))
        {
            var what = cleanAppId.All(char.IsAsciiLetterOrDigit)
                ? $"it has {cleanAppId.Length}"
                : "it contains characters other than letters and digits";
            throw new IcontactApiException(IcontactErrorKind.InvalidAppIdFormat,
                $"The iContact AppID must be exactly {IcontactDefaults.AppIdLength} letters and digits; {what}" +
                (whitespaceRemoved ? " (after removing spaces)." : "."));
        }

        appPassword = appPassword?.Trim() ?? string.Empty;
        if (appPassword.Length == 0)
            throw new IcontactApiException(IcontactErrorKind.MissingPassword, "The iContact application password is empty.");

        var url = string.IsNullOrWhiteSpace(apiBaseUrl) ? IcontactDefaults.ApiBaseUrl : apiBaseUrl.Trim();
        if (!Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            throw new IcontactApiException(IcontactErrorKind.InvalidApiUrl, $"The iContact API URL '{url}' is not an absolute http(s) address.");

        return new IcontactCredentials(username, cleanAppId, appPassword, baseUri, whitespaceRemoved);
    }

    /// <summary>
    /// Removes every white-space character (what people paste around and inside an AppID)
    /// </summary>
    public static string RemoveWhitespace(string value) =>
        value is null ? null : string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Returns a description without secrets
    /// </summary>
    public override string ToString() => $"iContact user '{Username}' at {ApiBaseUrl}";
}
