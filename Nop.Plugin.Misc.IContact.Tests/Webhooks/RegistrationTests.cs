using IcontactEmulator;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Webhooks;

/// <summary>
/// Registration against the emulator's web hooks resource: one hook per event for the store's URL, own hooks that
/// point elsewhere replaced, other hooks untouched, a refusal shown as polling
/// </summary>
public class RegistrationTests : WebhookTestBase
{
    private List<WebhookRecord> Hooks()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.Webhooks.Values.ToList();
    }

    private Task<long> ForeignHookAsync(string url)
    {
        lock (Emulator.State.Lock)
        {
            //far above the ids the emulator hands out, which only grow
            var id = 900_000L + Emulator.State.Webhooks.Count;
            Emulator.State.Webhooks[id] = new WebhookRecord { WebhookId = id, ClientFolderId = Emulator.Options.ClientFolderId, Url = url, EventId = "contact_unsubscribed" };
            return Task.FromResult(id);
        }
    }

    [Test]
    public async Task Registration_creates_one_hook_per_event_once_and_leaves_other_hooks_alone()
    {
        var foreign = await ForeignHookAsync("https://zapier.example.com/hooks/1");
        var otherStore = await ForeignHookAsync($"https://other.example.com/{IcontactDefaults.WebhookPath}/2/abc");

        var result = await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);
        var again = await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);

        var secret = await SecretAsync();
        var own = Hooks().Where(h => h.WebhookId != foreign && h.WebhookId != otherStore).ToList();
        Assert.That(result.State, Is.EqualTo(WebhookState.Registered));
        Assert.That(again.State, Is.EqualTo(WebhookState.Registered));
        Assert.That(own.Select(h => h.EventId), Is.EquivalentTo(new[] { "contact_unsubscribed", "contact_subscribed" }), "registering twice adds nothing");
        Assert.That(own.Select(h => h.Url).Distinct().Single(), Is.EqualTo($"https://shop.example.com/{IcontactDefaults.WebhookPath}/{StoreId}/{secret}"));
        Assert.That(Hooks().Select(h => h.WebhookId), Does.Contain(foreign).And.Contain(otherStore));
        Assert.That(result.Message, Does.Not.Contain(secret), "the secret is never shown");
        Assert.That(Settings[StoreId].WebhookStateId, Is.EqualTo((int)WebhookState.Registered));
        Assert.That(result.Warning, Is.Null, "a public https URL raises no warning");
    }

    [Test]
    public async Task After_a_domain_change_the_old_hooks_are_replaced()
    {
        await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);
        var oldIds = Hooks().Select(h => h.WebhookId).ToList();
        var foreign = await ForeignHookAsync("https://zapier.example.com/hooks/1");

        Stores[StoreId] = new Store { Id = StoreId, Url = "https://new-domain.example.org/" };
        await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);

        var hooks = Hooks();
        Assert.That(hooks.Select(h => h.WebhookId), Does.Not.Contain(oldIds[0]).And.Not.Contain(oldIds[1]));
        Assert.That(hooks.Where(h => h.WebhookId != foreign).Select(h => h.Url),
            Is.All.StartsWith($"https://new-domain.example.org/{IcontactDefaults.WebhookPath}/{StoreId}/"));
        Assert.That(hooks.Count(h => h.WebhookId != foreign), Is.EqualTo(2));
        Assert.That(hooks.Select(h => h.WebhookId), Does.Contain(foreign));
    }

    [Test]
    public async Task A_refusal_is_shown_as_polling_on_the_status_card()
    {
        Switch(s => s.WebhooksRefused = true);

        var result = await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);
        var model = await Resolve<WebhookModelFactory>().PrepareWebhookModelAsync(Settings[StoreId], StoreId);

        Assert.That(result.State, Is.EqualTo(WebhookState.Refused));
        Assert.That(result.Message, Does.Contain("unsubscribes made in iContact reach the store by polling").IgnoreCase);
        Assert.That(model.State, Is.EqualTo("Refused by iContact: unsubscribes arrive by polling"));
        Assert.That(model.Note, Is.EqualTo(result.Message));
        Assert.That(model.LastReceivedOnUtc, Is.Null);
        Assert.That(Hooks(), Is.Empty);
    }

    [Test]
    public async Task A_local_store_url_is_registered_with_a_warning()
    {
        Stores[StoreId] = new Store { Id = StoreId, Url = "http://localhost:15536/" };

        var result = await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);

        Assert.That(result.State, Is.EqualTo(WebhookState.Registered));
        Assert.That(result.Warning, Does.Contain("http://localhost:15536/").And.Contain("not reachable from the internet"));
    }
}
