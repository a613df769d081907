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
    /// <returns>Cipher text, or empty for an empty password</returns>
    public virtual string EncryptPassword(string appPassword) =>
        string.IsNullOrWhiteSpace(appPassword) ? string.Empty : _encryptionService.EncryptText(appPassword.Trim());

    /// <summary>
    /// Creates credentials from settings
    /// </summary>
    /// <param name="settings">Settings</param>
    /// <param name="appPassword">A password to use instead of the stored one (verification of an unsaved form)</param>
    /// <exception cref="IcontactApiException">A value is missing or malformed</exception>
    public virtual IcontactCredentials CreateCredentials(IcontactSettings settings, string appPassword = null)
    {
        var password = string.IsNullOrWhiteSpace(appPassword)
            ? (string.IsNullOrEmpty(settings.EncryptedAppPassword) ? null : _encryptionService.DecryptText(settings.EncryptedAppPassword))
            : appPassword;

        return IcontactCredentials.Create(settings.Username, settings.AppId, password, settings.ApiBaseUrl);
    }

    #endregion
}
