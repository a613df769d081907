using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// The newest word wins across batches, back-off, crashed nodes and bulk runs: an item older than a newer change for the
/// same store, address and list is never sent (issue 14). Each test ends with iContact's (the emulator's) final state.
/// A claim holds its store under a lease row until the batch's outcomes are recorded (or the lease lapses: a crashed
/// node); the claimed rows stay waiting in the table, so an enqueue replaces them like any waiting row, and an older
/// change outlives a newer one in a store when it waits in back-off, failed, or was claimed by a node that crashed.
/// </summary>
public class OrderingTests : PipelineTestBase
{
    /// <summary>
    /// Another node claims what is due now (and then fails or crashes: the test decides)
    /// </summary>
    private async Task<QueueClaim> ClaimOnOtherNodeAsync(int batchSize = 100) =>
        await DeliveryQueue().ClaimAsync(StoreId, batchSize, "node-b", TimeSpan.FromMinutes(5));

    /// <summary>
    /// The other node's delivery failed (iContact unavailable): the items go back with a back-off of 30 s
    /// </summary>
    private async Task FailOnOtherNodeAsync(QueueClaim claim)
    {
        await DeliveryQueue().RetryAsync(claim.Items, "iContact unavailable", _ => Clock.GetUtcNow().UtcDateTime.AddSeconds(30), 10);
        await DeliveryQueue().EndClaimAsync(claim);
    }

    private async Task<Customer> RegisteredAndDeliveredAsync(string email = "ann@example.com")
    {
        var customer = NewCustomer(email);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        Assert.That(StatusOn(email, CustomersListId), Is.EqualTo("normal"));
        return customer;
    }

    private Task GiveVipAsync(Customer customer)
    {
        Roles[customer.Id] = [RegisteredRoleId, VipRoleId];
        return Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
    }

    private Task TakeVipAsync(Customer customer)
    {
        Roles[customer.Id] = [RegisteredRoleId];
        return Consumer().HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
    }

    private Task TakeRegisteredAsync(Customer customer)
    {
        Roles[customer.Id] = [GuestsRoleId];
        return Consumer().HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = RegisteredRoleId }));
    }

    private IcontactQueueItem ItemOf(string email, string listId, QueueOperation operation) =>
        Queue.Items.Single(i => i.Email == email && i.ListId == listId && i.Operation == operation);

    [Test]
    public async Task A_subscribe_in_back_off_is_never_sent_after_a_later_unsubscribe()
    {
        var ann = await RegisteredAndDeliveredAsync();
        await GiveVipAsync(ann);
        var claimed = await ClaimOnOtherNodeAsync();
        await TakeVipAsync(ann);
        await FailOnOtherNodeAsync(claimed);

        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.Null.Or.EqualTo("unsubscribed"), "the unsubscribe is the last word");
        Assert.That(Queue.Items.Where(i => i.Email == "ann@example.com" && i.ListId == VipListId && i.Operation == QueueOperation.Subscribe), Is.Empty,
            "replaced when the unsubscribe was queued; the failed attempt's outcome changed nothing");
    }

    [Test]
    public async Task Changes_claimed_in_different_batches_behind_a_long_queue_end_with_the_newest()
    {
        Settings[StoreId].BatchSize = 2;
        var ann = NewCustomer("ann@example.com");
        var consumer = Consumer();
        await consumer.HandleEventAsync(new CustomerRegisteredEvent(ann));
        for (var i = 0; i < 10; i++)
            await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer($"c{i}@example.com")));

        //a node claims the first batch (ann's subscribe among it) and crashes; the unsubscribe queues behind ten others
        var claimed = await ClaimOnOtherNodeAsync(batchSize: 2);
        Assert.That(claimed.Items.Select(i => i.Email), Does.Contain("ann@example.com"));
        await TakeRegisteredAsync(ann);

        //the store's batches wait for the crashed claim, whose lease then expires; then they go out two contacts at a time
        Assert.That((await Delivery().RunOnceAsync()).Claimed, Is.Zero, "a live claim holds the store");
        Clock.Advance(TimeSpan.FromMinutes(6));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.Null.Or.EqualTo("unsubscribed"));
        Assert.That(Enumerable.Range(0, 10).Select(i => StatusOn($"c{i}@example.com", CustomersListId)), Has.All.EqualTo("normal"));
    }

    [Test]
    public async Task Subscribe_unsubscribe_subscribe_ends_subscribed()
    {
        var ann = await RegisteredAndDeliveredAsync();
        await GiveVipAsync(ann);
        var first = await ClaimOnOtherNodeAsync();
        await TakeVipAsync(ann);
        await FailOnOtherNodeAsync(first);

        //the node then claims the unsubscribe (the subscribe waits in back-off), the customer is given VIP again, and the node crashes
        var second = await ClaimOnOtherNodeAsync();
        Assert.That(second.Items.Select(i => i.Operation), Is.EqualTo(new[] { QueueOperation.Unsubscribe }));
        await GiveVipAsync(ann);

        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("pending"), "the VIP rule's status, the newest word");
        Assert.That(Queue.Items.Where(i => i.ListId == VipListId).Select(i => i.State), Has.All.EqualTo(QueueItemState.Done));
    }

    [Test]
    public async Task A_bulk_sync_subscribe_never_overrides_a_later_live_unsubscribe()
    {
        for (var i = 0; i < 5; i++)
            NewCustomer($"c{i}@example.com");
        await Bulk().StartAsync(StoreId);
        await Bulk().StepAllAsync();
        Assert.That(Queue.Items.Count(i => i.SyncRunId > 0), Is.EqualTo(5));

        //a node claims the run's page and fails; meanwhile c3 loses the role in the admin
        var claimed = await ClaimOnOtherNodeAsync();
        await TakeRegisteredAsync(Customers.Values.Single(c => c.Email == "c3@example.com"));
        await FailOnOtherNodeAsync(claimed);

        for (var round = 0; round < 20 && Runs.Items.Single().State != SyncRunState.Completed; round++)
        {
            await Bulk().StepAllAsync();
            await DeliverAllAsync();
        }

        Assert.That(StatusOn("c3@example.com", CustomersListId), Is.Null.Or.EqualTo("unsubscribed"));
        Assert.That(new[] { 0, 1, 2, 4 }.Select(i => StatusOn($"c{i}@example.com", CustomersListId)), Has.All.EqualTo("normal"));
    }

    [Test]
    public async Task A_newer_change_waits_while_an_older_one_is_in_flight_on_a_live_lease()
    {
        var ann = await RegisteredAndDeliveredAsync();
        await GiveVipAsync(ann);
        var claimed = await ClaimOnOtherNodeAsync();
        await TakeVipAsync(ann);

        //the other node is still sending the subscribe: the unsubscribe must not overtake it
        var pass = await Delivery().RunOnceAsync();
        Assert.That(pass.Claimed, Is.Zero);
        Assert.That(ItemOf("ann@example.com", VipListId, QueueOperation.Unsubscribe).State, Is.EqualTo(QueueItemState.Pending));

        //it finishes (delivered); then the unsubscribe goes out
        await DeliveryQueue().CompleteAsync(claimed.Items);
        await DeliveryQueue().EndClaimAsync(claimed);
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.Null.Or.EqualTo("unsubscribed"));
    }
}
