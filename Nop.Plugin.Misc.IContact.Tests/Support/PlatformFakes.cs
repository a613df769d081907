using Moq;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// Platform services every harness needs in the same shape: the plugin's English resources and a visible "encryption"
/// </summary>
public static class PlatformFakes
{
    /// <summary>
    /// What the fake encryption puts before a value, so tests can see that a value was encrypted
    /// </summary>
    public const string EncryptedPrefix = "encrypted:";

    /// <summary>
    /// A localization service answering with the plugin's English resources (unknown keys come back as themselves)
    /// </summary>
    public static Mock<ILocalizationService> EnglishResources()
    {
        var resources = IcontactLocales.All;
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => resources.TryGetValue(key, out var value) ? value : key);
        return localization;
    }

    /// <summary>
    /// An encryption service that prefixes on the way in and strips on the way out
    /// </summary>
    public static Mock<IEncryptionService> Encryption()
    {
        var encryption = new Mock<IEncryptionService>();
        encryption.Setup(e => e.EncryptText(It.IsAny<string>(), It.IsAny<string>())).Returns((string text, string _) => EncryptedPrefix + text);
        encryption.Setup(e => e.DecryptText(It.IsAny<string>(), It.IsAny<string>())).Returns((string text, string _) => text[EncryptedPrefix.Length..]);
        return encryption;
    }
}
