namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents what went wrong in a call to iContact, in the terms a caller decides on
/// </summary>
public enum IcontactErrorKind
{
    /// <summary>
    /// The username is empty (found locally, no request sent)
    /// </summary>
    MissingUsername,

    /// <summary>
    /// The AppID is not 32 letters and digits after trimming (found locally, no request sent)
    /// </summary>
    InvalidAppIdFormat,

    /// <summary>
    /// The application password is empty (found locally, no request sent)
    /// </summary>
    MissingPassword,

    /// <summary>
    /// The stored application password cannot be decrypted, e.g. after the store's encryption key or algorithm changed
    /// (found locally, no request sent)
    /// </summary>
    PasswordUnreadable,

    /// <summary>
    /// The API base URL is not an absolute http(s) URL (found locally, no request sent)
    /// </summary>
    InvalidApiUrl,

    /// <summary>
    /// iContact does not know the username (401 "Api username invalid"); usernames are case-sensitive
    /// </summary>
    UnknownUsername,

    /// <summary>
    /// iContact does not recognise the AppID, or it is not enabled for this user (401)
    /// </summary>
    AppIdNotRecognized,

    /// <summary>
    /// iContact rejected the application password (401)
    /// </summary>
    WrongPassword,

    /// <summary>
    /// 401 with a message the client does not recognise
    /// </summary>
    AuthenticationFailed,

    /// <summary>
    /// The account is listed but disabled
    /// </summary>
    AccountDisabled,

    /// <summary>
    /// The credentials work but show no account or no client folder
    /// </summary>
    NoAccount,

    /// <summary>
    /// The iContact bill is unpaid (402)
    /// </summary>
    PaymentRequired,

    /// <summary>
    /// Authenticated but not permitted, e.g. not the agency admin (403)
    /// </summary>
    Forbidden,

    /// <summary>
    /// The resource does not exist, e.g. a deleted list (404)
    /// </summary>
    NotFound,

    /// <summary>
    /// iContact rejected the request as invalid (400, 405, 406, 415, 501)
    /// </summary>
    BadRequest,

    /// <summary>
    /// The request budget is exhausted (429, or 503 with a limit message): retry later
    /// </summary>
    Throttled,

    /// <summary>
    /// iContact is down or in maintenance (503): retry later
    /// </summary>
    Unavailable,

    /// <summary>
    /// Another transient failure (5xx, timeout, connection refused, malformed response): retry later
    /// </summary>
    Transient,

    /// <summary>
    /// iContact refuses a resource the account may not use (the web hooks resource: 403, 404, 405 or 501): fall back
    /// </summary>
    ResourceRefused
}
