using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Security;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// A stored password that no longer decrypts (the store's encryption key changed) is an owner action, not a crash;
/// a key change made through nopCommerce re-encrypts it so that it never gets there
/// </summary>
public class UnreadablePasswordTests : ConfigurationControllerTestBase
{
    private const string NewKey = "fedcba9876543210";
    private KeyedEncryption _encryption;

    [SetUp]
    public void PasswordEncryptedWithTheOldKey()
    {
        _encryption = new KeyedEncryption();
        Encryption = _encryption;
        StoredSettings[0] = ConfiguredSettings();
        StoredSettings[0].EncryptedAppPassword = _encryption.EncryptText(Emulator.Options.AppPassword);
    }

    private string Unreadable => English("Plugins.Misc.IContact.Errors.PasswordUnreadable");

    private static ConfigurationModel ModelOf(IActionResult result) => (ConfigurationModel)((ViewResult)result).Model;

    private ConfigurationModel NewPasswordForm() => new()
    {
        Username = Emulator.Options.Username, AppId = Emulator.Options.AppId, AppPassword = Emulator.Options.AppPassword,
        ApiBaseUrl = Emulator.ApiBaseUrl, ClientFolderId = Emulator.Options.ClientFolderId,
        BatchSize = 250, RequestsPerHour = 9000, RequestsPerDay = 63000, MaxAttempts = 10, RequestTimeoutSeconds = 10, DoneRetentionDays = 30
    };

    [TestCase(false, TestName = "The page renders and asks for the password when decryption throws")]
    [TestCase(true, TestName = "The page renders and asks for the password when decryption returns garbage")]
    public async Task The_page_asks_for_the_password(bool garbage)
    {
        _encryption.GarbageOnWrongKey = garbage;
        _encryption.CurrentKey = NewKey;

        var model = ModelOf(await CreateController().Configure());

        Assert.That(model.AppPasswordUnreadable, Is.True);
        Assert.That(Shown.Where(s => s.Type == "warning").Select(s => s.Message), Has.Some.Contains(Unreadable));
    }

    [Test]
    public async Task A_readable_password_is_not_reported()
    {
        var model = ModelOf(await CreateController().Configure());

        Assert.That(model.AppPasswordUnreadable, Is.False);
        Assert.That(Shown, Is.Empty);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Delivery_pauses_with_the_reason_and_a_new_password_resumes_it(bool garbage)
    {
        _encryption.GarbageOnWrongKey = garbage;
        _encryption.CurrentKey = NewKey;
        var item = new IcontactQueueItem
        {
            StoreId = 0, CustomerId = 7, Email = "a@example.com", ListId = "1", Operation = QueueOperation.Subscribe,
            State = QueueItemState.Pending, NextAttemptOnUtc = DateTime.UtcNow.AddMinutes(-1), CreatedOnUtc = DateTime.UtcNow
        };
        await QueueRepository.InsertAsync(item, false);
        using var services = CreateServices();
        using (var scope = services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DeliveryService>().RunOnceAsync();

        var status = StatusRepository.Items.Single();
        Assert.That(status.PausedReason, Is.EqualTo(Unreadable));
        Assert.That(item.State, Is.EqualTo(QueueItemState.Pending), "given back at once, not left in flight until its lease expires");
        Assert.That(item.LeaseExpiresOnUtc, Is.Null);

        await CreateController().Configure(NewPasswordForm());

        Assert.That(StatusRepository.Items.Single().PausedReason, Is.Null);
        Assert.That(_encryption.DecryptText(StoredSettings[0].EncryptedAppPassword), Is.EqualTo(Emulator.Options.AppPassword));
    }

    [Test]
    public async Task Changing_the_key_re_encrypts_the_password_of_every_scope_that_has_one()
    {
        const int ownPassword = 2, sharedPassword = 3;
        StoredSettings[ownPassword] = ConfiguredSettings();
        StoredSettings[ownPassword].EncryptedAppPassword = _encryption.EncryptText("store-2-password");
        SettingService.Setup(s => s.SettingExistsAsync(It.IsAny<IcontactSettings>(),
            It.Is<Expression<Func<IcontactSettings, string>>>(e => e.ToString() == "s => s.EncryptedAppPassword"), ownPassword)).ReturnsAsync(true);
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1 }, new() { Id = ownPassword }, new() { Id = sharedPassword } });
        var oldKey = _encryption.CurrentKey;
        //like SettingService.LoadSettingAsync (4.90.6): a new instance per call, a store without its own row gets the
        //shared values, and a save with clearCache: false leaves later loads reading the cached (old) values
        var rows = StoredSettings.ToDictionary(pair => pair.Key, pair => pair.Value.EncryptedAppPassword);
        SettingService.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>())).ReturnsAsync((int storeId) =>
            new IcontactSettings { EncryptedAppPassword = rows.GetValueOrDefault(storeId, rows[0]) });
        SettingService.Setup(s => s.SaveSettingAsync(It.IsAny<IcontactSettings>(), It.IsAny<Expression<Func<IcontactSettings, string>>>(), It.IsAny<int>(), false))
            .Callback((IcontactSettings settings, Expression<Func<IcontactSettings, string>> _, int storeId, bool _) =>
                StoredSettings[storeId] = new IcontactSettings { EncryptedAppPassword = settings.EncryptedAppPassword });

        //the platform saves the new key, then publishes the event (SettingController.ChangeEncryptionKey)
        _encryption.CurrentKey = NewKey;
        await new EncryptionKeyConsumer(new IcontactConnectionService(_encryption), SettingService.Object, stores.Object)
            .HandleEventAsync(new SecuritySettingsChangedEvent(new SecuritySettings { EncryptionKey = NewKey }, oldKey));

        Assert.That(_encryption.DecryptText(StoredSettings[0].EncryptedAppPassword), Is.EqualTo(Emulator.Options.AppPassword));
        Assert.That(_encryption.DecryptText(StoredSettings[ownPassword].EncryptedAppPassword), Is.EqualTo("store-2-password"));
        SettingService.Verify(s => s.SaveSettingAsync(It.IsAny<IcontactSettings>(), It.IsAny<Expression<Func<IcontactSettings, string>>>(), It.IsAny<int>(), false), Times.Exactly(2));
        Assert.That(StoredSettings.Keys, Is.EquivalentTo(new[] { 0, ownPassword }), "no store got a password row of its own");
    }
}
