using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Every way a customer becomes active ends with the customer on the rule's lists, once
/// </summary>
public class RegistrationTests : PipelineTestBase
{
    [Test]
    public async Task A_registered_customer_in_a_mapped_role_ends_up_on_the_list()
    {
        var customer = NewCustomer("ann@example.com");

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
        lock (Emulator.State.Lock)
        {
            var contact = Emulator.State.Contacts.Values.Single();
            Assert.That(contact.Fields["firstName"], Is.EqualTo("Firstann"));
            Assert.That(contact.Fields["business"], Is.EqualTo("Shop Ltd"));
            Assert.That(contact.Fields["city"], Is.EqualTo("Springfield"));
        }
        Assert.That(Subscribers.Items.Single().GetListIds(), Is.EquivalentTo(new[] { CustomersListId }));
    }

    [Test]
    public async Task The_customer_id_reaches_the_configured_custom_field()
    {
        await Client().CreateCustomFieldAsync(Folder(), "nop_customer_id", "Customer ID");
        Settings[StoreId].CustomerIdCustomField = "nop_customer_id";
        var customer = NewCustomer("ann@example.com");

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.Contacts.Values.Single().Fields["nop_customer_id"], Is.EqualTo(customer.Id.ToString()));
    }

    [Test]
    public async Task A_double_opt_in_rule_leaves_the_subscription_pending()
    {
        var customer = NewCustomer("vip@example.com", true, RegisteredRoleId, VipRoleId);

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("vip@example.com", VipListId), Is.EqualTo("pending"));
        Assert.That(StatusOn("vip@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_customer_in_no_mapped_role_produces_nothing()
    {
        var customer = NewCustomer("admin@example.com", true, 1);

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));

        Assert.That(Queue.Items, Is.Empty);
    }

    [Test]
    public async Task A_consent_rule_without_an_active_newsletter_subscription_produces_nothing_for_its_list()
    {
        var customer = NewCustomer("ann@example.com");
        Subscribe("ann@example.com", active: false);

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));

        Assert.That(Queue.Items.Select(i => i.ListId), Is.EqualTo(new[] { CustomersListId }));
    }

    [Test]
    public async Task A_consent_rule_with_an_active_newsletter_subscription_subscribes()
    {
        var customer = NewCustomer("ann@example.com");
        Subscribe("ann@example.com");

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"));
    }

    [TestCase(0)]
    [TestCase(2_000)]
    public async Task The_registration_handler_makes_no_call_to_iContact(int latencyMs)
    {
        Switch(s => { s.LatencyMs = latencyMs; s.Outage = latencyMs == 0; });
        var before = RequestCount;

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

        Assert.That(RequestCount, Is.EqualTo(before));
        Assert.That(Queue.Items.Single().State, Is.EqualTo(QueueItemState.Pending));
    }

    [Test]
    public async Task Enqueueing_wakes_the_delivery_worker()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

        Assert.That(await Signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task Email_validation_path_subscribes_on_activation_not_before()
    {
        var customer = NewCustomer("ann@example.com", active: false);

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        Assert.That(Queue.Items, Is.Empty, "an inactive customer is not sent");

        customer.Active = true;
        await Consumer().HandleEventAsync(new CustomerActivatedEvent(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Admin_approval_path_subscribes_on_the_customer_update()
    {
        var customer = NewCustomer("ann@example.com", active: false);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));

        //approval raises no activation event: only the customer update
        customer.Active = true;
        await Consumer().HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_customer_created_by_an_administrator_is_subscribed_through_the_role_mapping()
    {
        var customer = NewCustomer("ann@example.com");

        //admin-created customers raise no registration event
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_guest_visitor_costs_no_customer_lookup()
    {
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = 5, CustomerRoleId = GuestsRoleId }));

        CustomerService.Verify(c => c.GetCustomerByIdAsync(It.IsAny<int>()), Times.Never);
        Assert.That(Queue.Items, Is.Empty);
    }

    [Test]
    public async Task The_registration_flow_events_together_deliver_one_contact_and_one_subscription()
    {
        //what nopCommerce raises for one standard registration
        var customer = NewCustomer("ann@example.com");
        var consumer = Consumer();
        await consumer.HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRoleId }));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));
        await consumer.HandleEventAsync(new CustomerRegisteredEvent(customer));
        await consumer.HandleEventAsync(new CustomerActivatedEvent(customer));

        Assert.That(Queue.Items.Count(i => i.State == QueueItemState.Pending), Is.EqualTo(1), "later events supersede earlier identical ones");
        await DeliverAllAsync();

        lock (Emulator.State.Lock)
        {
            Assert.That(Emulator.State.Contacts, Has.Count.EqualTo(1));
            Assert.That(Emulator.State.Subscriptions, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task A_noisy_update_of_a_delivered_customer_does_nothing_beyond_the_comparison()
    {
        var customer = NewCustomer("ann@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        CustomerService.Invocations.Clear();
        var queued = Queue.Items.Count;

        customer.LastName = "Logged in again";
        await Consumer().HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));

        Assert.That(Queue.Items, Has.Count.EqualTo(queued));
        CustomerService.Verify(c => c.GetCustomerRoleIdsAsync(It.IsAny<Customer>(), It.IsAny<bool>()), Times.Never);
    }

    [Test]
    public async Task An_active_customer_no_rule_covers_costs_one_comparison_per_update()
    {
        var customer = NewCustomer("admin@example.com", true, 1);
        await Consumer().HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));
        CustomerService.Invocations.Clear();

        for (var i = 0; i < 3; i++)
            await Consumer().HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));

        CustomerService.Verify(c => c.GetCustomerRoleIdsAsync(It.IsAny<Customer>(), It.IsAny<bool>()), Times.Never);
        Assert.That(Queue.Items, Is.Empty);
    }

    [Test]
    public async Task A_customer_remembered_as_uncovered_still_joins_when_given_a_mapped_role()
    {
        var customer = NewCustomer("admin@example.com", true, 1);
        await Consumer().HandleEventAsync(new EntityUpdatedEvent<Customer>(customer));

        Roles[customer.Id] = [1, RegisteredRoleId];
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("admin@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_store_without_configuration_queues_nothing()
    {
        Settings[StoreId].AccountId = null;

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

        Assert.That(Queue.Items, Is.Empty);
    }
}
