using Moq;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Services.Localization;
using Nop.Services.Plugins;
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
    /// The platform's plugin service over one in-memory descriptor (imitates 4.90.6
    /// <c>IPluginService.GetPluginDescriptorBySystemNameAsync&lt;TPlugin&gt;</c>: descriptors live in memory; with the default
    /// <c>LoadPluginsMode.InstalledOnly</c> a plugin that is not installed is not found). Flip <c>Installed</c> to uninstall.
    /// </summary>
    public static Mock<IPluginService> Plugins(PluginDescriptor descriptor)
    {
        var plugins = new Mock<IPluginService>();
        plugins.Setup(p => p.GetPluginDescriptorBySystemNameAsync<IPlugin>(It.IsAny<string>(), It.IsAny<LoadPluginsMode>(), It.IsAny<Nop.Core.Domain.Customers.Customer>(),
                It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync((string name, LoadPluginsMode mode, Nop.Core.Domain.Customers.Customer _, int _, string _) =>
                name == descriptor.SystemName && (mode == LoadPluginsMode.All || descriptor.Installed == (mode == LoadPluginsMode.InstalledOnly)) ? descriptor : null);
        return plugins;
    }

    /// <summary>
    /// The plugin's descriptor as the platform holds it after a successful install
    /// </summary>
    public static PluginDescriptor InstalledDescriptor() => new() { SystemName = IcontactDefaults.SystemName, Installed = true };

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
