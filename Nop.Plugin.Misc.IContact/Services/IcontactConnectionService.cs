using System.Security.Cryptography;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Turns stored settings into what the API client needs; the only place the application password is decrypted
/// </summary>
public class IcontactConnectionService
{
    #region Fields

    protected readonly IEncryptionService _encryptionService;

    #endregion

    #region Ctor

    public IcontactConnectionService(IEncryptionService encryptionService)
    {
        _encryptionService = encryptionService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets a value indicating whether a decrypted text can be an application password. iContact receives it in the
    /// API-Password header, and .NET sends header values as ASCII only (no RequestHeaderEncodingSelector is set), so
    /// every password that ever worked passes; the garbage
    /// a wrong key decrypts to when its padding happens to be valid (about 1 time in 256) is random UTF-16 of at least
    /// 7 characters, which passes with a probability below 1e-19.
    /// </summary>
    protected static bool CanBePassword(string text) =>
        !string.IsNullOrEmpty(text) && text.All(c => c is >= ' ' and <= '~');

    #endregion

    #region Methods

    /// <summary>
    /// Gets a value indicating whether the settings hold verified credentials and a client folder
    /// </summary>
    /// <param name="settings">Settings</param>
    public static bool IsConfigured(IcontactSettings settings) =>
        !string.IsNullOrWhiteSpace(settings?.Username)
        && !string.IsNullOrWhiteSpace(settings.AppId)
        && !string.IsNullOrEmpty(settings.EncryptedAppPassword)
        && !string.IsNullOrWhiteSpace(settings.AccountId)
        && !string.IsNullOrWhiteSpace(settings.ClientFolderId);

    /// <summary>
    /// Encrypts an application password for storage
    /// </summary>
    /// <param name="appPassword">Password as entered</param>
    /// <param name="encryptionKey">Key; empty for the store's current one</param>
    /// <returns>Cipher text, or empty for an empty password</returns>
    public virtual string EncryptPassword(string appPassword, string encryptionKey = "") =>
        string.IsNullOrWhiteSpace(appPassword) ? string.Empty : _encryptionService.EncryptText(appPassword.Trim(), encryptionKey);

    /// <summary>
    /// Decrypts a stored application password
    /// </summary>
    /// <param name="encryptedAppPassword">Cipher text</param>
    /// <param name="encryptionKey">Key; empty for the store's current one</param>
    /// <returns>The password; null when none is stored</returns>
    /// <exception cref="IcontactApiException">It cannot be decrypted (<see cref="IcontactErrorKind.PasswordUnreadable"/>): the owner must enter it again</exception>
    public virtual string DecryptPassword(string encryptedAppPassword, string encryptionKey = "")
    {
        if (string.IsNullOrEmpty(encryptedAppPassword))
            return null;

        string password;
        try
        {
            password = _encryptionService.DecryptText(encryptedAppPassword, encryptionKey);
        }
        //a wrong key fails the padding, a damaged value the base 64, a key of the wrong length the key setup
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            throw new IcontactApiException(IcontactErrorKind.PasswordUnreadable, "The stored iContact application password cannot be decrypted.", innerException: exception);
        }

        return CanBePassword(password)
            ? password
            : throw new IcontactApiException(IcontactErrorKind.PasswordUnreadable, "The stored iContact application password decrypts to something that is no password.");
    }

    /// <summary>
    /// Gets a value indicating whether the stored password, if any, can be decrypted
    /// </summary>
    /// <param name="settings">Settings</param>
    public virtual bool CanReadPassword(IcontactSettings settings)
    {
        try
        {
            DecryptPassword(settings.EncryptedAppPassword);
            return true;
        }
        catch (IcontactApiException)
        {
            return false;
        }
    }

    /// <summary>
    /// Creates credentials from settings
    /// </summary>
    /// <param name="settings">Settings</param>
    /// <param name="appPassword">A password to use instead of the stored one (verification of an unsaved form)</param>
    /// <exception cref="IcontactApiException">A value is missing or malformed, or the stored password cannot be decrypted</exception>
    public virtual IcontactCredentials CreateCredentials(IcontactSettings settings, string appPassword = null)
    {
        var password = string.IsNullOrWhiteSpace(appPassword) ? DecryptPassword(settings.EncryptedAppPassword) : appPassword;

        return IcontactCredentials.Create(settings.Username, settings.AppId, password, settings.ApiBaseUrl);
    }

    #endregion
}
