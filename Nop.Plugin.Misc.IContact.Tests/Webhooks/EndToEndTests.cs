using System.Diagnostics;
using System.Text;
using IcontactEmulator;
using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Webhooks;

/// <summary>
/// An unsubscribe made in iContact (the emulator's campaign-unsubscribe control) travels through the registered hook
/// to the receiver hosted in Kestrel, is confirmed and carried over; a later bulk synchronisation leaves it alone
/// </summary>
public class EndToEndTests : WebhookTestBase
{
    private async Task<List<DeliveryRecord>> WaitForDeliveriesAsync(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            lock (Emulator.State.Lock)
            {
                var finished = Emulator.State.Deliveries.Where(d => d.State != DeliveryRecord.Pending).ToList();
                if (finished.Count >= count)
                    return finished;
            }
            await Task.Delay(50);
        }

        Assert.Fail("the emulator's hook calls did not finish within 10 s");
        return null;
    }

    [Test]
    public async Task A_campaign_unsubscribe_from_two_lists_reaches_the_newsletter_and_a_bulk_sync_does_not_resubscribe()
    {
        await HostStoreAsync();
        var (customer, contactId) = await DeliveredCustomerAsync("ann@example.com");
        var registration = await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);
        Assert.That(registration.State, Is.EqualTo(WebhookState.Registered));
        //the owner looked at the preview: the lists' unsubscribed contacts are remembered for a few minutes
        await Preview().PreviewAsync(StoreId);

        var watch = Stopwatch.StartNew();
        using (var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/contacts/{contactId}/unsubscribe",
            new StringContent("{}", Encoding.UTF8, "application/json")))
            Assert.That(response.IsSuccessStatusCode);
        var deliveries = await WaitForDeliveriesAsync(1);
        await Runner().DrainAsync();
        watch.Stop();
        TestContext.Out.WriteLine($"campaign unsubscribe -> newsletter inactive: {watch.ElapsedMilliseconds} ms");

        Assert.That(deliveries.Select(d => (d.State, d.StatusCode)), Is.All.EqualTo((DeliveryRecord.Delivered, (int?)200)));
        Assert.That(Newsletters.Single().Active, Is.False);
        Assert.That(Inbound.Select(i => i.ListId), Is.EquivalentTo(new[] { CustomersListId, NewsletterListId }));
        Assert.That(Inbound.All(i => i.State == QueueItemState.Done && i.SubscriptionStatus == "unsubscribed" && i.Email == "ann@example.com"));
        Assert.That(Subscribers.Items.Single(s => s.CustomerId == customer.Id).GetListIds(), Is.Empty);
        Assert.That((await Resolve<InboundQueue>().GetLastInboundOnUtcAsync(StoreId)), Is.Not.Null, "the status card shows the last call");

        await Bulk().StartAsync(StoreId);
        await Runner().DrainAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"), "the bulk run leaves the contact alone");
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(Queue.Items.Any(i => i.SyncRunId > 0 && i.State == QueueItemState.LeftAlone && i.ListId == CustomersListId));
    }

    [Test]
    public async Task When_iContact_stops_calling_polling_still_carries_the_unsubscribe_over()
    {
        await HostStoreAsync();
        await DeliveredCustomerAsync("ann@example.com");
        await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);
        Switch(s => s.WebhookDelivery = WebhookDeliveryMode.Drop);
        var contactId = Subscribers.Items.Single().ContactId;

        using (var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/contacts/{contactId}/unsubscribe",
            new StringContent("{}", Encoding.UTF8, "application/json")))
            Assert.That(response.IsSuccessStatusCode);
        await WaitForDeliveriesAsync(1);
        await Runner().DrainAsync();

        Assert.That(Inbound, Is.Empty);
        Assert.That(Newsletters.Single().Active, Is.True, "nothing arrived");
        await Reconciler().ReconcileDueAsync([StoreId]);
        Assert.That(Newsletters.Single().Active, Is.False);
    }

    [Test]
    public async Task The_echo_of_the_plugins_own_unsubscribe_keeps_the_newsletter_while_a_persons_own_unsubscribe_is_carried_over()
    {
        await HostStoreAsync();
        var (ann, _) = await DeliveredCustomerAsync("ann@example.com");
        var (_, bobContactId) = await DeliveredCustomerAsync("bob@example.com");
        await Resolve<WebhookRegistrationService>().RegisterAsync(StoreId);

        //the plugin takes ann off the Customers and Newsletter lists (her role is gone, her newsletter consent is not);
        //iContact announces that API change to the hook like any other unsubscribe
        Roles[ann.Id] = [GuestsRoleId];
        await Consumer().HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = ann.Id, CustomerRoleId = RegisteredRoleId }));
        await Runner().DrainAsync();
        await WaitForDeliveriesAsync(1);
        await Runner().DrainAsync();

        //bob leaves both lists himself, through a campaign's link
        using (var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/contacts/{bobContactId}/unsubscribe",
            new StringContent("{}", Encoding.UTF8, "application/json")))
            Assert.That(response.IsSuccessStatusCode);
        await WaitForDeliveriesAsync(2);
        await Runner().DrainAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(Newsletters.Single(n => n.Email == "ann@example.com").Active, Is.True, "she never asked to leave the newsletter");
        Assert.That(Newsletters.Single(n => n.Email == "bob@example.com").Active, Is.False);
        var echoes = Inbound.Where(i => i.Email == "ann@example.com").ToList();
        Assert.That(echoes.Select(i => i.ListId), Is.EquivalentTo(new[] { CustomersListId, NewsletterListId }));
        Assert.That(echoes.Select(i => i.LastError), Has.All.EqualTo("Confirmed by iContact: the plugin's own unsubscribe; nothing to carry over."));
        Assert.That(Inbound.Where(i => i.Email == "bob@example.com").Select(i => i.LastError), Has.All.StartWith("Confirmed by iContact: unsubscribed"));
    }
}
