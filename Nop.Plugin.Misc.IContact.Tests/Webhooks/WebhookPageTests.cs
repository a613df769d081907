using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Tests.Controllers;

namespace Nop.Plugin.Misc.IContact.Tests.Webhooks;

/// <summary>
/// The configure page: Save registers the store's hooks, the status card shows their health, the buttons register
/// again and rotate the secret
/// </summary>
public class WebhookPageTests : ConfigurationControllerTestBase
{
    private ConfigurationModel ValidForm() => new()
    {
        Username = Emulator.Options.Username,
        AppId = Emulator.Options.AppId,
        AppPassword = Emulator.Options.AppPassword,
        ApiBaseUrl = Emulator.ApiBaseUrl,
        BatchSize = 250, RequestsPerHour = 9000, RequestsPerDay = 63000, MaxAttempts = 10, RequestTimeoutSeconds = 10, DoneRetentionDays = 30
    };

    private List<string> HookUrls()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.Webhooks.Values.Select(h => h.Url).ToList();
    }

    [Test]
    public async Task Save_registers_the_hooks_and_the_status_card_shows_them()
    {
        var page = (ConfigurationModel)((ViewResult)await CreateController().Configure(ValidForm())).Model!;

        Assert.That(HookUrls(), Has.Count.EqualTo(2));
        Assert.That(HookUrls(), Is.All.StartsWith($"https://shop.example.com/{IcontactDefaults.WebhookPath}/0/"));
        Assert.That(Shown, Does.Contain(("success", English("Plugins.Misc.IContact.Webhooks.Registered", $"https://shop.example.com/{IcontactDefaults.WebhookPath}/0/…"))));
        Assert.That(page.Webhooks.State, Is.EqualTo(English("Plugins.Misc.IContact.Webhooks.State.Registered")));
        Assert.That(page.Webhooks.LastReceivedOnUtc, Is.Null, "never received");
        Assert.That(page.Webhooks.Url, Does.EndWith("/0/…"), "the secret is not on the page");
    }

    [Test]
    public async Task A_new_secret_replaces_the_registered_url()
    {
        await CreateController().Configure(ValidForm());
        var before = HookUrls();

        var result = await Create<Nop.Plugin.Misc.IContact.Controllers.IcontactWebhooksController>().RotateSecret();

        Assert.That(result, Is.InstanceOf<RedirectToActionResult>());
        Assert.That(HookUrls(), Has.Count.EqualTo(2));
        Assert.That(HookUrls().Intersect(before), Is.Empty);
    }

    [Test]
    public async Task A_localhost_store_is_registered_with_a_warning()
    {
        StoreUrl = "http://localhost:5000/";

        await CreateController().Configure(ValidForm());

        Assert.That(Shown, Does.Contain(("warning", English("Plugins.Misc.IContact.Webhooks.Unreachable", "http://localhost:5000/"))));
    }
}
