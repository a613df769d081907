using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Consent, roles, addresses and erasure change what iContact holds; the latest word wins, an unsubscribe above all
/// </summary>
public class MembershipTests : PipelineTestBase
{
    private async Task<Customer> SubscribedCustomerAsync(string email = "ann@example.com")
    {
        var customer = NewCustomer(email);
        Subscribe(email);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        Assert.That(StatusOn(email, NewsletterListId), Is.EqualTo("normal"));
        return customer;
    }

    [Test]
    public async Task Unsubscribing_after_a_delivered_subscribe_ends_unsubscribed()
    {
        await SubscribedCustomerAsync();

        Newsletters.Single().Active = false;
        await Consumer().HandleEventAsync(new EmailUnsubscribedEvent(Newsletters.Single()));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"), "lists without a consent condition are kept");
    }

    [Test]
    public async Task An_unsubscribe_wins_over_a_subscribe_still_waiting()
    {
        var customer = NewCustomer("ann@example.com");
        Subscribe("ann@example.com");
        await Consumer().HandleEventAsync(new EmailSubscribedEvent(Newsletters.Single()));

        Newsletters.Single().Active = false;
        await Consumer().HandleEventAsync(new EmailUnsubscribedEvent(Newsletters.Single()));
        await DeliverAllAsync();

        Assert.That(StatusOn(customer.Email, NewsletterListId), Is.Null.Or.EqualTo("unsubscribed"));
        Assert.That(StatusOn(customer.Email, CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Subscribing_to_the_newsletter_later_adds_the_consent_list()
    {
        var customer = NewCustomer("ann@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.Null);

        Subscribe("ann@example.com");
        await Consumer().HandleEventAsync(new EmailSubscribedEvent(Newsletters.Single()));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task An_email_change_moves_the_memberships_to_the_new_address()
    {
        var customer = await SubscribedCustomerAsync();

        customer.Email = "ann.new@example.com";
        Newsletters.Single().Email = "ann.new@example.com";
        await Consumer().HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann.new@example.com", CustomersListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("ann.new@example.com", NewsletterListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(Subscribers.Items.Single().Email, Is.EqualTo("ann.new@example.com"));
    }

    [Test]
    public async Task A_removed_role_unsubscribes_from_lists_no_remaining_role_maps_to()
    {
        var customer = NewCustomer("vip@example.com", true, RegisteredRoleId, VipRoleId);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        Roles[customer.Id] = [RegisteredRoleId];
        await Consumer().HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("vip@example.com", VipListId), Is.EqualTo("unsubscribed"));
        Assert.That(StatusOn("vip@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_new_role_subscribes_to_its_list()
    {
        var customer = NewCustomer("ann@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        Roles[customer.Id] = [RegisteredRoleId, VipRoleId];
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("pending"));
    }

    [Test]
    public async Task An_erased_customer_is_unsubscribed_from_the_plugins_lists()
    {
        var customer = await SubscribedCustomerAsync();

        customer.Deleted = true;
        customer.Email += "-DELETED";
        await Consumer().HandleEventAsync(new EntityDeletedEvent<Customer>(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task An_erased_customer_is_deleted_when_the_owner_chose_deletion()
    {
        var customer = await SubscribedCustomerAsync();
        Settings[StoreId].DeleteContactOnCustomerErase = true;

        customer.Deleted = true;
        await Consumer().HandleEventAsync(new EntityDeletedEvent<Customer>(customer));
        await DeliverAllAsync();

        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.Contacts.Values.Select(c => c.Email), Does.Not.Contain("ann@example.com"));
        Assert.That(Subscribers.Items, Is.Empty);
    }

    [Test]
    public async Task A_confirmed_double_opt_in_is_not_reset_to_pending_by_later_events()
    {
        var customer = NewCustomer("vip@example.com", true, RegisteredRoleId, VipRoleId);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions[$"{VipListId}_{Emulator.State.Contacts.Values.Single().ContactId}"].Status = "normal";

        await Consumer().HandleEventAsync(new CustomerActivatedEvent(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("vip@example.com", VipListId), Is.EqualTo("normal"));
    }
}
