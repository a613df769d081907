using System.Net;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents a failed call to iContact. Messages never contain the AppID or the password.
/// </summary>
public class IcontactApiException : Exception
{
    public IcontactApiException(IcontactErrorKind kind, string message, HttpStatusCode? statusCode = null,
        IReadOnlyList<string> serverMessages = null, Exception innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        ServerMessages = serverMessages ?? [];
    }

    /// <summary>
    /// Gets what went wrong
    /// </summary>
    public IcontactErrorKind Kind { get; }

    /// <summary>
    /// Gets the HTTP status code, when iContact answered
    /// </summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Gets the messages iContact returned in its "errors" array
    /// </summary>
    public IReadOnlyList<string> ServerMessages { get; }

    /// <summary>
    /// Gets a value indicating whether the same request may succeed later unchanged
    /// </summary>
    public bool IsTransient => Kind is IcontactErrorKind.Throttled or IcontactErrorKind.Unavailable or IcontactErrorKind.Transient;

    /// <summary>
    /// Gets a value indicating whether the store owner must act (credentials, billing, permissions) before anything can succeed
    /// </summary>
    public bool RequiresOwnerAction => Kind is IcontactErrorKind.MissingUsername or IcontactErrorKind.InvalidAppIdFormat
        or IcontactErrorKind.MissingPassword or IcontactErrorKind.PasswordUnreadable or IcontactErrorKind.InvalidApiUrl or IcontactErrorKind.UnknownUsername
        or IcontactErrorKind.AppIdNotRecognized or IcontactErrorKind.WrongPassword or IcontactErrorKind.AuthenticationFailed
        or IcontactErrorKind.AccountDisabled or IcontactErrorKind.NoAccount or IcontactErrorKind.PaymentRequired
        or IcontactErrorKind.Forbidden;
}
