using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Webhooks;

/// <summary>
/// The public receiver: only the store's secret opens it, bodies are bounded and must be iContact's JSON array, and
/// nothing it reports changes the store before iContact confirms it
/// </summary>
public class ReceiverTests : WebhookTestBase
{
    [Test]
    public async Task A_forged_secret_or_another_store_gets_404_and_records_nothing()
    {
        var (_, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var secret = await SecretAsync();

        Assert.That(await PostAsync(StoreId, secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a'), Body(contactId, NewsletterListId)), Is.EqualTo(404));
        Assert.That(await PostAsync(StoreId, "", Body(contactId, NewsletterListId)), Is.EqualTo(404));
        Assert.That(await PostAsync(2, secret, Body(contactId, NewsletterListId)), Is.EqualTo(404), "store 2 has no secret of its own: the shared one is empty");
        Assert.That(Inbound, Is.Empty);

        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        Assert.That(Inbound, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Oversized_malformed_or_non_json_bodies_are_refused_and_record_nothing()
    {
        var (_, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var secret = await SecretAsync();
        var oversized = Body(contactId, NewsletterListId).TrimEnd(']') + "," + new string(' ', IcontactDefaults.WebhookMaxBodyBytes) + "{}]";

        Assert.That(await PostAsync(StoreId, secret, oversized), Is.EqualTo(413));
        Assert.That(await PostAsync(StoreId, secret, oversized, contentLength: null), Is.EqualTo(413), "a chunked body is cut at the limit too");
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId), contentLength: IcontactDefaults.WebhookMaxBodyBytes + 1),
            Is.EqualTo(413), "a declared length above the limit is refused before reading");
        Assert.That(await PostAsync(StoreId, secret, "[{\"contact\":"), Is.EqualTo(400));
        Assert.That(await PostAsync(StoreId, secret, "{\"contact\":{\"contactId\":\"1\"}}"), Is.EqualTo(400), "iContact sends an array");
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId), "text/plain"), Is.EqualTo(415));
        Assert.That(Inbound, Is.Empty);

        //unknown fields are ignored, not refused
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId).Replace("\"name\":\"L\"", "\"name\":\"L\",\"extra\":{\"a\":[1]}")), Is.EqualTo(200));
        Assert.That(Inbound, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_unsubscribe_iContact_does_not_confirm_changes_nothing()
    {
        var (customer, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var secret = await SecretAsync();

        //the body claims an unsubscribe; in iContact the contact is still subscribed
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        await Runner().DrainAsync();

        Assert.That(Newsletters.Single().Active, Is.True);
        Assert.That(Subscribers.Items.Single(s => s.CustomerId == customer.Id).GetListIds(), Does.Contain(NewsletterListId));
        var item = Inbound.Single();
        Assert.That(item.State, Is.EqualTo(QueueItemState.Done));
        Assert.That(item.SubscriptionStatus, Is.EqualTo("normal"));
        //the body names no event: what iContact says is all that counts (here: still subscribed)
        Assert.That(item.LastError, Does.StartWith("Confirmed by iContact: subscribed"));
    }

    [Test]
    public async Task A_confirmed_unsubscribe_deactivates_the_newsletter_and_a_replay_is_harmless()
    {
        var (customer, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var secret = await SecretAsync();
        SetStatusInEmulator(contactId, NewsletterListId, "unsubscribed");

        //iContact documents no retry policy: the same call may arrive twice, before and after it was handled
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        Assert.That(Inbound, Has.Count.EqualTo(1), "a change still waiting is not recorded twice");
        await Runner().DrainAsync();

        Assert.That(Newsletters.Single().Active, Is.False);
        Assert.That(Subscribers.Items.Single(s => s.CustomerId == customer.Id).GetListIds(), Does.Not.Contain(NewsletterListId));
        Assert.That(Inbound.Single().LastError, Does.Contain("1 newsletter subscription"));

        var before = EmulatorSubscriptions();
        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        await Runner().DrainAsync();

        Assert.That(Inbound, Has.Count.EqualTo(2));
        Assert.That(Inbound.All(i => i.State == QueueItemState.Done));
        Assert.That(Inbound.Last().LastError, Does.Contain("0 newsletter subscription"));
        Assert.That(Newsletters.Single().Active, Is.False);
        Assert.That(EmulatorSubscriptions(), Is.EquivalentTo(before), "handling an inbound change sends nothing back");
        Assert.That(Queue.Items.Where(i => i.Operation != QueueOperation.InboundCheck).All(i => i.State == QueueItemState.Done));
    }

    [Test]
    public async Task A_hook_of_the_all_stores_scope_of_a_single_store_install_acts_on_its_store()
    {
        //the storefront delivered under the real store id; the owner's only scope (all stores) registered the hook at /0/
        var (customer, contactId) = await DeliveredCustomerAsync("ann@example.com");
        Settings[0] = Settings[StoreId];
        var secret = await Resolve<WebhookSecretService>().GetOrCreateAsync(0);
        SetStatusInEmulator(contactId, NewsletterListId, "unsubscribed");

        Assert.That(await PostAsync(0, secret, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        await Runner().DrainAsync();

        Assert.That(Inbound.Single().StoreId, Is.EqualTo(StoreId), "queued under the store, where its records are");
        var card = await Resolve<Factories.WebhookModelFactory>().PrepareWebhookModelAsync(Settings[0], 0);
        Assert.That(card.LastReceivedOnUtc, Is.Not.Null, "the status card of the all-stores scope shows the call");
        Assert.That(Newsletters.Single().Active, Is.False);
        Assert.That(Subscribers.Items.Single(s => s.CustomerId == customer.Id).GetListIds(), Does.Not.Contain(NewsletterListId));
    }

    [Test]
    public async Task A_confirmed_subscribe_of_a_known_contact_updates_its_record()
    {
        var (customer, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var secret = await SecretAsync();
        var record = Subscribers.Items.Single(s => s.CustomerId == customer.Id);
        record.SetListIds(record.GetListIds().Where(id => id != NewsletterListId));

        Assert.That(await PostAsync(StoreId, secret, Body(contactId, NewsletterListId, "999999")), Is.EqualTo(200));
        await Runner().DrainAsync();

        Assert.That(Subscribers.Items.Single(s => s.CustomerId == customer.Id).GetListIds(), Does.Contain(NewsletterListId));
        Assert.That(Inbound.Single(i => i.ListId == "999999").LastError, Does.StartWith("Not confirmed"), "a list the contact is not on confirms nothing");
    }

    [Test]
    public async Task A_rotated_secret_closes_the_old_url()
    {
        var (_, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var old = await SecretAsync();
        var rotated = await Resolve<WebhookSecretService>().RotateAsync(StoreId);

        Assert.That(rotated, Is.Not.EqualTo(old));
        Assert.That(await PostAsync(StoreId, old, Body(contactId, NewsletterListId)), Is.EqualTo(404));
        Assert.That(await PostAsync(StoreId, rotated, Body(contactId, NewsletterListId)), Is.EqualTo(200));
        Assert.That(Settings[StoreId].EncryptedWebhookSecret, Does.Not.Contain(rotated.Substring(8)).Or.StartWith(EncryptedPrefix),
            "stored through the platform's encryption");
    }
}
