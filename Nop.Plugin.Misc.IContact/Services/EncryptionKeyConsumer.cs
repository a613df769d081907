using Nop.Core.Domain.Security;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Services.Configuration;
using Nop.Services.Events;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Re-encrypts the stored application password of every store scope when the owner changes the store's encryption key
/// (the platform re-encrypts only its own secrets, then publishes <see cref="SecuritySettingsChangedEvent"/>)
/// </summary>
public class EncryptionKeyConsumer : IConsumer<SecuritySettingsChangedEvent>
{
    #region Fields

    protected readonly IcontactConnectionService _connectionService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreService _storeService;

    #endregion

    #region Ctor

    public EncryptionKeyConsumer(IcontactConnectionService connectionService, ISettingService settingService, IStoreService storeService)
    {
        _connectionService = connectionService;
        _settingService = settingService;
        _storeService = storeService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handles the change of the encryption key
    /// </summary>
    /// <param name="eventMessage">The new security settings and the old key</param>
    public virtual async Task HandleEventAsync(SecuritySettingsChangedEvent eventMessage)
    {
        var oldKey = eventMessage.OldEncryptionPrivateKey;
        var newKey = eventMessage.SecuritySettings?.EncryptionKey;
        if (string.IsNullOrEmpty(newKey) || newKey == oldKey)
            return;

        var changed = false;
        foreach (var storeId in (await _storeService.GetAllStoresAsync()).Select(store => store.Id).Prepend(0))
        {
            var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
            //a store without its own password inherits the shared one, re-encrypted once for store 0
            if (string.IsNullOrEmpty(settings.EncryptedAppPassword)
                || (storeId > 0 && !await _settingService.SettingExistsAsync(settings, s => s.EncryptedAppPassword, storeId)))
                continue;

            string password;
            try
            {
                password = _connectionService.DecryptPassword(settings.EncryptedAppPassword, oldKey);
            }
            catch (IcontactApiException)
            {
                continue; //unreadable before the change too: the configure page asks the owner to enter it again
            }

            settings.EncryptedAppPassword = _connectionService.EncryptPassword(password, newKey);
            await _settingService.SaveSettingAsync(settings, s => s.EncryptedAppPassword, storeId, false);
            changed = true;
        }

        if (changed)
            await _settingService.ClearCacheAsync();
    }

    #endregion
}
