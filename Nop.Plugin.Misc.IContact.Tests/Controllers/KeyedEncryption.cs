using System.Security.Cryptography;
using System.Text;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// Imitates nopCommerce 4.90.6 EncryptionService.EncryptText/DecryptText: the key defaults to the store's current
/// SecuritySettings.EncryptionKey; decrypting with another key than the one that encrypted throws
/// CryptographicException ("Padding is invalid…"), or, as happens about 1 time in 256, returns garbage without throwing
/// (<see cref="GarbageOnWrongKey"/>); text that is not base 64 throws FormatException.
/// </summary>
public class KeyedEncryption : IEncryptionService
{
    /// <summary>
    /// Gets or sets the store's current key (SecuritySettings.EncryptionKey)
    /// </summary>
    public string CurrentKey { get; set; } = "0123456789abcdef";

    /// <summary>
    /// Gets or sets a value indicating whether a wrong key decrypts to garbage instead of throwing
    /// </summary>
    public bool GarbageOnWrongKey { get; set; }

    public string EncryptText(string plainText, string encryptionPrivateKey = "")
    {
        var key = string.IsNullOrEmpty(encryptionPrivateKey) ? CurrentKey : encryptionPrivateKey;
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}|{plainText}"));
    }

    public string DecryptText(string cipherText, string encryptionPrivateKey = "")
    {
        if (string.IsNullOrEmpty(cipherText))
            return cipherText;
        var key = string.IsNullOrEmpty(encryptionPrivateKey) ? CurrentKey : encryptionPrivateKey;
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(cipherText));
        if (text.StartsWith(key + "|", StringComparison.Ordinal))
            return text[(key.Length + 1)..];
        if (GarbageOnWrongKey)
            return "\u7a3f\ue012\u0004\u9c21\ud7f0\u3b8e\u00e9";
        throw new CryptographicException("Padding is invalid and cannot be removed.");
    }
}
