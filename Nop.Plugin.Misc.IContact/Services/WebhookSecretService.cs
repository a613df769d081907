using System.Net;
using System.Security.Cryptography;
using System.Text;
using Nop.Services.Configuration;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Owns the secret in a store's web hook URL: creates it, rotates it, checks it in constant time, and builds the URL
/// (iContact signs nothing, so the URL's secret is all that tells the receiver a call is meant for the store)
/// </summary>
public class WebhookSecretService
{
    #region Fields

    protected readonly IEncryptionService _encryptionService;
    protected readonly ISettingService _settingService;

    #endregion

    #region Ctor

    public WebhookSecretService(IEncryptionService encryptionService, ISettingService settingService)
    {
        _encryptionService = encryptionService;
        _settingService = settingService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets whether a secret from a URL is the store's, comparing in constant time
    /// </summary>
    public virtual async Task<bool> IsValidAsync(int storeId, string secret)
    {
        if (storeId < 0 || string.IsNullOrEmpty(secret) || secret.Length > 128)
            return false;

        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        if (string.IsNullOrEmpty(settings.EncryptedWebhookSecret))
            return false;

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(_encryptionService.DecryptText(settings.EncryptedWebhookSecret)));
        return CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>
    /// Gets the store's secret, creating it the first time
    /// </summary>
    public virtual async Task<string> GetOrCreateAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        return string.IsNullOrEmpty(settings.EncryptedWebhookSecret) ? await RotateAsync(storeId) : _encryptionService.DecryptText(settings.EncryptedWebhookSecret);
    }

    /// <summary>
    /// Replaces the store's secret: the old URL answers 404 from now on
    /// </summary>
    /// <returns>The new secret</returns>
    public virtual async Task<string> RotateAsync(int storeId)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        settings.EncryptedWebhookSecret = _encryptionService.EncryptText(secret);
        await _settingService.SaveSettingAsync(settings, s => s.EncryptedWebhookSecret, storeId);
        return secret;
    }

    /// <summary>
    /// Builds the receiver URL of a store
    /// </summary>
    /// <param name="storeUrl">The store's configured URL, e.g. https://shop.example/</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="secret">The secret; null for the URL shown to the owner</param>
    public static string BuildUrl(string storeUrl, int storeId, string secret) =>
        $"{storeUrl.TrimEnd('/')}/{IcontactDefaults.WebhookPath}/{storeId}/{secret ?? "…"}";

    /// <summary>
    /// Gets whether a hook's URL is one of the plugin's for a store (whatever host or secret it has)
    /// </summary>
    public static bool IsOwn(string hookUrl, int storeId) =>
        Uri.TryCreate(hookUrl, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.Contains($"/{IcontactDefaults.WebhookPath}/{storeId}/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Gets whether iContact can probably not reach a store URL from the internet (not https, localhost, a private or
    /// loopback address, a host without a dot)
    /// </summary>
    public static bool LooksUnreachable(string storeUrl)
    {
        if (!Uri.TryCreate(storeUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.IsLoopback || !uri.Host.Contains('.'))
            return true;
        if (!IPAddress.TryParse(uri.Host, out var address))
            return uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || bytes.Length == 4
            && (bytes[0] == 10 || bytes[0] == 172 && bytes[1] is >= 16 and <= 31 || bytes[0] == 192 && bytes[1] == 168 || bytes[0] == 169 && bytes[1] == 254);
    }

    #endregion
}
