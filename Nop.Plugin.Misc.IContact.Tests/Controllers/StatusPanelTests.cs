using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// The status panel shows what delivery reports: delivery records under real store ids, while the page of a
/// single-store install is always in scope 0 (WebStoreContext.GetActiveStoreScopeConfigurationAsync, nopCommerce 4.90.6)
/// </summary>
public class StatusPanelTests : ConfigurationControllerTestBase
{
    private const string Notice = "List 'Newsletter' no longer exists; its rule now uses the list of the same name.";

    [SetUp]
    public void Configured() => StoredSettings[0] = ConfiguredSettings();

    private async Task RecordAsync(Func<StatusService, Task> record)
    {
        using var services = CreateServices();
        using var scope = services.CreateScope();
        await record(scope.ServiceProvider.GetRequiredService<StatusService>());
    }

    private async Task<StatusModel> PanelAsync(int scope)
    {
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(scope);
        return ((ConfigurationModel)((ViewResult)await CreateController().Configure()).Model).Status;
    }

    [Test]
    public async Task A_single_store_owner_sees_delivery_s_notice_and_no_old_error_as_current()
    {
        //delivery for store 1: a re-binding notice, an error, then a success
        await RecordAsync(async status =>
        {
            await status.RecordNoticeAsync(1, Notice);
            await status.RecordErrorAsync(1, "iContact is unavailable.");
            await status.RecordSuccessAsync(1);
        });

        var store = (await PanelAsync(0)).Stores.Single();

        Assert.That(store.LastNotice, Is.EqualTo(Notice));
        Assert.That(store.LastError, Is.EqualTo("iContact is unavailable."));
        Assert.That(store.ErrorResolved, Is.True, "a later success resolves it");
    }

    [Test]
    public async Task An_error_after_the_last_success_is_current()
    {
        await RecordAsync(async status =>
        {
            await status.RecordSuccessAsync(1);
            await status.RecordErrorAsync(1, "iContact is unavailable.");
        });
        Switch(s => s.Outage = true); //the page's own list request fails too, under scope 0

        var store = (await PanelAsync(0)).Stores.Single();

        Assert.That(store.ErrorResolved, Is.False);
        Assert.That(store.LastError, Is.EqualTo(English("Plugins.Misc.IContact.Errors.Unavailable")), "the latest error of the store and its scope");
    }

    [Test]
    public async Task A_paused_store_shows_its_reason_in_scope_0_and_verifying_there_resumes_it()
    {
        await RecordAsync(status => status.PauseAsync(1, "iContact rejected the application password."));

        Assert.That((await PanelAsync(0)).Stores.Single().PausedReason, Is.EqualTo("iContact rejected the application password."));

        await CreateController().Configure(new ConfigurationModel
        {
            Username = Emulator.Options.Username, AppId = Emulator.Options.AppId, ApiBaseUrl = Emulator.ApiBaseUrl,
            ClientFolderId = Emulator.Options.ClientFolderId, BatchSize = 250, RequestsPerHour = 9000, RequestsPerDay = 63000,
            MaxAttempts = 10, RequestTimeoutSeconds = 10, DoneRetentionDays = 30
        });

        Assert.That(StatusRepository.Items.Single(s => s.StoreId == 1).PausedReason, Is.Null, "saving working shared credentials resumes the store");
    }

    [Test]
    public async Task All_stores_of_a_multi_store_install_show_each_store_and_a_store_scope_its_own()
    {
        Stores.Add(new Store { Id = 2, Name = "Outlet" });
        await RecordAsync(async status =>
        {
            await status.RecordErrorAsync(2, "Store 2 failed.");
            await status.RecordNoticeAsync(1, Notice);
        });

        var all = await PanelAsync(0);
        var outlet = await PanelAsync(2);

        Assert.That(all.Stores.Select(s => s.StoreName), Is.EqualTo(new[] { English("Plugins.Misc.IContact.Status.AllStores"), "Shop", "Outlet" }));
        Assert.That(all.Stores.Single(s => s.StoreName == "Shop").LastNotice, Is.EqualTo(Notice));
        Assert.That(all.Stores.Single(s => s.StoreName == "Outlet").LastError, Is.EqualTo("Store 2 failed."));
        Assert.That(outlet.Stores.Single().LastError, Is.EqualTo("Store 2 failed."));
        Assert.That(outlet.Stores.Single().LastNotice, Is.Null);
    }
}
