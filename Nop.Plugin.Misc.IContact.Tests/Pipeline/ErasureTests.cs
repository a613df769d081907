using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Messages;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// A GDPR erasure takes the contact off iContact as the owner chose and leaves no personal data in the plugin (issue 9 #2)
/// </summary>
public class ErasureTests : PipelineTestBase
{
    /// <summary>
    /// Imitates GdprService.PermanentDeleteCustomerAsync of 4.90.6, which deletes nothing: within one request (or the
    /// DeleteInactiveCustomersTask), newsletter rows deleted (each raising EmailUnsubscribedEvent), the customer
    /// updated, Registered swapped for Guests, the address blanked with Active = false and Deleted = true, updated
    /// again, and last CustomerPermanentlyDeleted with the old address. EventPublisher.PublishAsync logs a consumer's
    /// exception and goes on. <paramref name="meanwhile"/> runs between the side events and the final event (the
    /// worker delivering what they queued).
    /// </summary>
    private async Task GdprEraseAsync(Customer customer, Func<Task> meanwhile = null)
    {
        var consumer = Consumer();
        var errors = new List<Exception>();
        async Task PublishAsync(Func<Task> handle)
        {
            try { await handle(); }
            catch (Exception exception) { errors.Add(exception); }
        }

        foreach (var subscription in Newsletters.Where(s => string.Equals(s.Email, customer.Email, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            Newsletters.Remove(subscription);
            await PublishAsync(() => consumer.HandleEventAsync(new EmailUnsubscribedEvent(subscription)));
        }

        await PublishAsync(() => consumer.HandleEventAsync(new EntityUpdatedEvent<Customer>(customer)));

        Roles[customer.Id] = Roles[customer.Id].Where(id => id != RegisteredRoleId).ToArray();
        await PublishAsync(() => consumer.HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRoleId })));
        Roles[customer.Id] = [.. Roles[customer.Id], GuestsRoleId];
        await PublishAsync(() => consumer.HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = GuestsRoleId })));

        var email = customer.Email;
        customer.Email = string.Empty;
        customer.Username = string.Empty;
        customer.Active = false;
        customer.Deleted = true;
        await PublishAsync(() => consumer.HandleEventAsync(new EntityUpdatedEvent<Customer>(customer)));

        if (meanwhile is not null)
            await meanwhile();

        await PublishAsync(() => consumer.HandleEventAsync(new CustomerPermanentlyDeleted(customer.Id, email)));
        Assert.That(errors, Is.Empty, "the publisher would only have logged these");
    }

    private async Task<Customer> DeliveredCustomerAsync()
    {
        var customer = NewCustomer("ann@example.com");
        Subscribe("ann@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
        return customer;
    }

    /// <summary>
    /// Every row of every plugin table, as text
    /// </summary>
    private string PluginRows() => JsonSerializer.Serialize(new object[] { Queue.Items, Subscribers.Items, Statuses.Items, Runs.Items, RequestCounts.Items });

    private void AssertNoPersonalData()
    {
        var rows = PluginRows();
        Assert.That(rows, Does.Not.Contain("ann@example.com").IgnoreCase);
        Assert.That(rows, Does.Not.Contain("Firstann"));
        Assert.That(Queue.Items.Where(item => item.CustomerId != 0), Is.Empty);
    }

    [Test]
    public async Task A_gdpr_erasure_unsubscribes_the_contact_and_leaves_no_personal_data()
    {
        var customer = await DeliveredCustomerAsync();

        await GdprEraseAsync(customer);

        Assert.That(Queue.Items.Where(item => item.State == QueueItemState.Pending).Select(item => item.ContactJson), Has.All.Not.Contain("Firstann"),
            "only the address waits for delivery");
        Assert.That(Subscribers.Items, Is.Empty);
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        AssertNoPersonalData();
    }

    [Test]
    public async Task A_gdpr_erasure_deletes_the_contact_when_the_owner_chose_deletion()
    {
        var customer = await DeliveredCustomerAsync();
        Settings[StoreId].DeleteContactOnCustomerErase = true;

        await GdprEraseAsync(customer);
        await DeliverAllAsync();

        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.Contacts.Values.Select(c => c.Email), Does.Not.Contain("ann@example.com"));
        AssertNoPersonalData();
    }

    [Test]
    public async Task What_the_side_events_of_an_erasure_queued_and_the_worker_delivered_is_purged_too()
    {
        var customer = await DeliveredCustomerAsync();
        Settings[StoreId].DeleteContactOnCustomerErase = true;

        await GdprEraseAsync(customer, meanwhile: async () =>
        {
            await DeliverAllAsync();
            Assert.That(Queue.Items.Where(item => item.Email == "ann@example.com" && item.State == QueueItemState.Done), Is.Not.Empty,
                "the side events' unsubscribes were delivered before the erasure event");
        });
        await DeliverAllAsync();

        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.Contacts.Values.Select(c => c.Email), Does.Not.Contain("ann@example.com"));
        AssertNoPersonalData();
    }

    [Test]
    public async Task An_erasure_whose_delivery_fails_keeps_only_the_address_until_it_is_delivered()
    {
        var customer = await DeliveredCustomerAsync();
        Settings[StoreId].DeleteContactOnCustomerErase = true;
        var erasure = Resolve<CustomerErasureService>();

        await erasure.EraseAsync(customer.Id, customer.Email);
        var waiting = Queue.Items.Single();
        Assert.That(waiting.Operation, Is.EqualTo(QueueOperation.DeleteContact));
        Assert.That(waiting.CustomerId, Is.Zero);
        Assert.That(waiting.ContactJson, Does.Not.Contain("Firstann"));

        //a purge of delivered items of the same address (another erasure path) must not lose it
        await erasure.ForgetDeliveredAsync(StoreId, [new IcontactQueueItem { Email = "ann@example.com", RuleId = IcontactDefaults.ErasureMark }]);
        Assert.That(Queue.Items, Has.Count.EqualTo(1));
    }
}
