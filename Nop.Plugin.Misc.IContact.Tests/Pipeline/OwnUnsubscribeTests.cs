using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// iContact shows only "unsubscribed", not who unsubscribed: delivery remembers the lists the plugin itself took a
/// contact off (IcontactSubscriber.RemovedListIds), and only a person's own unsubscribe is left alone and carried over
/// </summary>
public class OwnUnsubscribeTests : PipelineTestBase
{
    private async Task<Customer> DeliveredAsync(string email)
    {
        var customer = NewCustomer(email);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        return customer;
    }

    private Task TakeRegisteredRoleAsync(Customer customer)
    {
        Roles[customer.Id] = [GuestsRoleId];
        return Consumer().HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRoleId }));
    }

    private int SubscriptionLookups()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.RequestLog.Count(entry => entry.StartsWith("GET ") && entry.Contains("/subscriptions/"));
    }

    private IcontactSubscriber RecordOf(Customer customer) => Subscribers.Items.Single(s => s.CustomerId == customer.Id);

    [Test]
    public async Task A_batch_of_many_unsubscribes_tells_the_plugins_own_from_the_persons_by_the_lists_unsubscribed_contacts()
    {
        var customers = new List<Customer>();
        for (var i = 0; i <= IcontactDefaults.FreshUnsubscribeChecks; i++)
            customers.Add(await DeliveredAsync($"c{i}@example.com"));
        //the first one unsubscribes herself in iContact; the remembered unsubscribed contacts have expired since
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions.Values.Single(s => s.ContactId.ToString() == RecordOf(customers[0]).ContactId && s.ListId.ToString() == CustomersListId)
                .Status = "unsubscribed";
        Clock.Advance(TimeSpan.FromMinutes(IcontactDefaults.UnsubscribedCacheTime + 1));

        foreach (var customer in customers)
            await TakeRegisteredRoleAsync(customer);
        var lookups = SubscriptionLookups();
        await DeliverAllAsync();

        Assert.That(SubscriptionLookups(), Is.EqualTo(lookups), "more unsubscribes than are checked one by one: the list's unsubscribed contacts decide");
        Assert.That(RecordOf(customers[0]).GetRemovedListIds(), Is.Empty, "she had unsubscribed herself");
        Assert.That(customers.Skip(1).Select(c => RecordOf(c).GetRemovedListIds()), Has.All.EquivalentTo(new[] { CustomersListId }));
    }

    [Test]
    public async Task A_few_unsubscribes_are_checked_with_iContact_just_before_they_are_sent()
    {
        var ann = await DeliveredAsync("ann@example.com");
        var bob = await DeliveredAsync("bob@example.com");
        //remembered since the registrations' delivery: still shows nobody unsubscribed
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions.Values.Single(s => s.ContactId.ToString() == RecordOf(bob).ContactId && s.ListId.ToString() == CustomersListId)
                .Status = "unsubscribed";

        await TakeRegisteredRoleAsync(ann);
        await TakeRegisteredRoleAsync(bob);
        var lookups = SubscriptionLookups();
        await DeliverAllAsync();

        Assert.That(SubscriptionLookups() - lookups, Is.EqualTo(2), "one request per unsubscribe");
        Assert.That(RecordOf(ann).GetRemovedListIds(), Is.EquivalentTo(new[] { CustomersListId }));
        Assert.That(RecordOf(bob).GetRemovedListIds(), Is.Empty, "he unsubscribed himself moments before, which the remembered list did not show yet");
    }

    [Test]
    public async Task An_erasure_records_nothing_and_asks_iContact_nothing_about_its_unsubscribes()
    {
        var customer = await DeliveredAsync("ann@example.com");
        var lookups = SubscriptionLookups();

        await Resolve<CustomerErasureService>().EraseAsync(customer.Id, customer.Email);
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
        Assert.That(Subscribers.Items, Is.Empty);
        Assert.That(SubscriptionLookups(), Is.EqualTo(lookups));
    }

    [Test]
    public async Task The_periodic_carry_over_leaves_the_newsletter_of_a_customer_the_plugin_took_off_and_carries_a_persons_own()
    {
        Subscribe("ann@example.com");
        Subscribe("bob@example.com");
        var ann = await DeliveredAsync("ann@example.com");
        var bob = await DeliveredAsync("bob@example.com");
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"));

        //the plugin takes ann off both lists (her role is gone; her newsletter consent is not); bob leaves the newsletter himself
        await TakeRegisteredRoleAsync(ann);
        await DeliverAllAsync();
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions.Values.Single(s => s.ContactId.ToString() == RecordOf(bob).ContactId && s.ListId.ToString() == NewsletterListId)
                .Status = "unsubscribed";

        var deactivated = await Reconciler().ReconcileAsync(StoreId);

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(deactivated, Is.EqualTo(1));
        Assert.That(Newsletters.Single(n => n.Email == "ann@example.com").Active, Is.True, "she never asked to leave the newsletter");
        Assert.That(Newsletters.Single(n => n.Email == "bob@example.com").Active, Is.False);
        Assert.That(RecordOf(bob).GetListIds(), Does.Not.Contain(NewsletterListId));
    }

    [Test]
    public async Task The_preview_and_a_synchronisation_subscribe_again_whom_the_plugin_took_off_and_leave_alone_who_left_himself()
    {
        var ann = await DeliveredAsync("ann@example.com");
        var bob = await DeliveredAsync("bob@example.com");
        await TakeRegisteredRoleAsync(ann);
        await DeliverAllAsync();
        //her role comes back without an event (e.g. an import); bob leaves the list himself
        Roles[ann.Id] = [RegisteredRoleId];
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions.Values.Single(s => s.ContactId.ToString() == RecordOf(bob).ContactId && s.ListId.ToString() == CustomersListId)
                .Status = "unsubscribed";
        await Resolve<SubscriberService>().RemoveListAsync(RecordOf(bob), CustomersListId);
        Clock.Advance(TimeSpan.FromMinutes(IcontactDefaults.UnsubscribedCacheTime + 1));

        var preview = (await Preview().PreviewAsync(StoreId)).Single(p => p.Rule.ListId == CustomersListId);
        await Bulk().StartAsync(StoreId);
        await Runner().DrainAsync();

        Assert.That((preview.Subscribe, preview.LeftAloneUnsubscribedInIcontact), Is.EqualTo((1, 1)));
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("bob@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
    }
}
