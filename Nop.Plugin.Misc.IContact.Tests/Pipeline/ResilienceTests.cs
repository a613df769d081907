using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// iContact down, throttling, revoked credentials, lists deleted under the plugin, nodes crashing: nothing is lost,
/// nothing is sent twice
/// </summary>
public class ResilienceTests : PipelineTestBase
{
    private async Task RegisterAsync(int count, string prefix = "c")
    {
        var consumer = Consumer();
        for (var i = 0; i < count; i++)
            await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer($"{prefix}{i}@example.com")));
    }

    [Test]
    public async Task A_thousand_registrations_during_an_outage_are_all_delivered_after_recovery()
    {
        Switch(s => s.Outage = true);
        await RegisterAsync(1_000);

        //a few passes during the outage: every batch fails and waits with back-off
        for (var pass = 0; pass < 3; pass++)
        {
            await Delivery().RunOnceAsync();
            Clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.That(Queue.Items.Count(i => i.State != QueueItemState.Done), Is.EqualTo(1_000));
        Assert.That(Queue.Items.Select(i => i.LastError).Distinct(), Has.Some.Contains("unavailable"));
        Assert.That(Queue.Items.Where(i => i.State == QueueItemState.Failed), Is.Empty);

        Switch(s => s.Outage = false);
        await DeliverAllAsync();

        var subscriptions = EmulatorSubscriptions();
        Assert.That(subscriptions, Has.Count.EqualTo(1_000));
        Assert.That(subscriptions.Select(s => s.Email), Is.Unique);
        lock (Emulator.State.Lock)
        {
            var emails = Emulator.State.Contacts.Values.Select(c => c.Email).ToList();
            Assert.That(emails, Has.Count.EqualTo(1_000));
            Assert.That(emails, Is.Unique);
        }
        Assert.That(Queue.Items.Select(i => i.State), Has.All.EqualTo(QueueItemState.Done));
    }

    [Test]
    public async Task Delivery_is_batched_not_one_call_per_customer()
    {
        await RegisterAsync(500);
        var before = RequestCount;

        await DeliverAllAsync();

        //per batch of 250: one contacts POST and one subscriptions POST, plus, once for all batches, one read of the lists
        //and one of the list's unsubscribed contacts (nobody who unsubscribed in iContact is subscribed again)
        Assert.That(RequestCount - before, Is.EqualTo(6));
    }

    [Test]
    public async Task A_batch_carries_whole_contacts_so_each_contact_is_sent_once_per_request()
    {
        var consumer = Consumer();
        for (var i = 0; i < 250; i++)
        {
            //two lists each: 500 changes for 250 contacts
            await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer($"vip{i}@example.com", true, RegisteredRoleId, VipRoleId)));
        }
        var before = RequestCount;

        await DeliverAllAsync();

        Assert.That(RequestCount - before, Is.EqualTo(5),
            "lists, one contacts POST for 250 contacts, each list's unsubscribed contacts (2), one subscriptions POST for their 500 memberships");
        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(500));
    }

    [Test]
    public async Task An_item_claimed_by_a_node_that_crashed_is_delivered_once_after_its_lease_expires()
    {
        await RegisterAsync(1);
        var claimed = await DeliveryQueue().ClaimAsync(StoreId, 10, "crashed-node", TimeSpan.FromMinutes(5));
        Assert.That(claimed.Items, Has.Count.EqualTo(1));

        var whileLeased = await Delivery().RunOnceAsync();
        Assert.That(whileLeased.Claimed, Is.Zero, "a live lease is respected");

        Clock.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await Delivery().RunOnceAsync();
        var again = await Delivery().RunOnceAsync();

        Assert.That(afterExpiry.Delivered, Is.EqualTo(1));
        Assert.That(again.Claimed, Is.Zero);
        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Re_delivering_after_a_crash_past_iContact_creates_no_duplicate()
    {
        await RegisterAsync(3);
        await DeliverAllAsync();

        //the node crashed after iContact accepted but before the outcome was saved: the items come back
        foreach (var item in Queue.Items)
        {
            item.State = QueueItemState.InFlight;
            item.LeaseExpiresOnUtc = Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        }
        await DeliverAllAsync();

        lock (Emulator.State.Lock)
        {
            Assert.That(Emulator.State.Contacts, Has.Count.EqualTo(3));
            Assert.That(Emulator.State.Subscriptions, Has.Count.EqualTo(3));
        }
    }

    [Test]
    public async Task Two_nodes_never_deliver_the_same_item()
    {
        await RegisterAsync(600);
        Settings[StoreId].BatchSize = 50;

        var nodeA = Task.Run(async () => { var total = DeliveryPassResult.None; for (var i = 0; i < 40; i++) total += await Delivery().RunOnceAsync(); return total; });
        var nodeB = Task.Run(async () => { var total = DeliveryPassResult.None; for (var i = 0; i < 40; i++) total += await Delivery().RunOnceAsync(); return total; });
        var results = await Task.WhenAll(nodeA, nodeB);
        await DeliverAllAsync();

        Assert.That(Queue.Items.Select(i => i.State), Has.All.EqualTo(QueueItemState.Done));
        Assert.That(results.Sum(r => r.Delivered), Is.LessThanOrEqualTo(600), "no item was delivered by both nodes");
        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(600));
    }

    [Test]
    public async Task A_small_request_budget_slows_delivery_which_finishes_without_exceeding_it()
    {
        Settings[StoreId].RequestsPerHour = 6;
        Settings[StoreId].BatchSize = 5;
        Switch(s => s.RequestsPerHour = 6); //iContact would refuse a seventh request within an hour
        await RegisterAsync(30);
        var start = Clock.GetUtcNow();

        await DeliverAllAsync();

        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(30));
        Assert.That(Queue.Items.Select(i => i.Attempts), Has.All.Zero, "waiting for the budget is not a failed attempt");
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.PeakRequestsPerHour, Is.LessThanOrEqualTo(6));
        Assert.That(Clock.GetUtcNow() - start, Is.GreaterThan(TimeSpan.FromHours(2)), "13 requests at 6 an hour need three hourly windows");
    }

    [Test]
    public async Task Stores_sharing_credentials_share_one_request_budget()
    {
        //neither store overrides the AppID: both use the shared one, so one budget counts for both
        const int otherStore = 2;
        SharedCredentialStores.Add(StoreId);
        SharedCredentialStores.Add(otherStore);
        Settings[otherStore] = Settings[StoreId];
        Settings[StoreId].RequestsPerHour = 6;
        Settings[StoreId].BatchSize = 5;
        Switch(s => s.RequestsPerHour = 6);
        var consumer = Consumer();
        for (var i = 0; i < 30; i++)
        {
            var customer = NewCustomer($"s{i}@example.com");
            customer.RegisteredInStoreId = i % 2 == 0 ? StoreId : otherStore;
            await consumer.HandleEventAsync(new CustomerRegisteredEvent(customer));
        }

        await DeliverAllAsync();

        Assert.That(Queue.Items.Select(i => i.StoreId).Distinct().Count(), Is.EqualTo(2));
        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(30));
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.PeakRequestsPerHour, Is.LessThanOrEqualTo(6), "one budget for one AppID");
        Assert.That(Queue.Items.Select(i => i.Attempts), Has.All.Zero);
    }

    [Test]
    public async Task Throttling_by_iContact_is_retried_later_not_failed()
    {
        //someone else used this AppID's hour at iContact
        Switch(s => { s.RequestsPerHour = 4; s.ThrottleStatusCode = 429; });
        for (var i = 0; i < 4; i++)
            await Client().GetAccountsAsync(Credentials());
        await RegisterAsync(2);

        await Delivery().RunOnceAsync();
        Assert.That(Queue.Items.Select(i => (i.State, i.Attempts)), Has.All.EqualTo((QueueItemState.Pending, 1)));
        Assert.That(Queue.Items.First().LastError, Does.Contain("request limit"));

        await DeliverAllAsync();

        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(2));
        Assert.That(Queue.Items.Select(i => i.State), Has.All.EqualTo(QueueItemState.Done));
    }

    [Test]
    public async Task Revoked_credentials_pause_the_store_until_they_are_fixed()
    {
        await RegisterAsync(2, "before");
        await DeliverAllAsync();
        lock (Emulator.State.Lock)
            Emulator.State.AppPassword = "rotated-by-owner";
        await RegisterAsync(3, "after");

        await Delivery().RunOnceAsync();
        var status = Statuses.Items.Single();
        Assert.That(status.PausedReason, Does.Contain("application password"));
        Assert.That(Queue.Items.Where(i => i.Email.StartsWith("after")).Select(i => (i.State, i.Attempts)),
            Has.All.EqualTo((QueueItemState.Pending, 0)));

        //no hammering while paused
        var requests = RequestCount;
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Delivery().RunOnceAsync();
        Assert.That(RequestCount, Is.EqualTo(requests));

        //the owner saves the new password: saving resumes delivery
        Settings[StoreId].EncryptedAppPassword = EncryptedPrefix + "rotated-by-owner";
        await Status().ResumeAsync(StoreId);
        await DeliverAllAsync();

        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(5));
        Assert.That(Statuses.Items.Single().PausedReason, Is.Null);
    }

    [Test]
    public async Task An_unpaid_bill_pauses_the_store()
    {
        Switch(s => s.Unpaid = true);
        await RegisterAsync(1);

        await Delivery().RunOnceAsync();

        Assert.That(Statuses.Items.Single().PausedReason, Does.Contain("unpaid"));
        Assert.That(Queue.Items.Single().State, Is.EqualTo(QueueItemState.Pending));
    }

    [Test]
    public async Task A_list_deleted_and_re_created_under_the_same_name_is_re_bound_and_delivered()
    {
        string recreated;
        lock (Emulator.State.Lock)
        {
            Emulator.State.DeleteList(long.Parse(CustomersListId));
            recreated = Emulator.State.AddList("Customers").ListId.ToString();
        }
        await RegisterAsync(2);

        await DeliverAllAsync();

        Assert.That(EmulatorSubscriptions().Select(s => s.ListId), Has.All.EqualTo(recreated));
        var rules = await Rules().GetRulesAsync(StoreId);
        Assert.That(rules.Single(r => r.Id == CustomersRule.Id).ListId, Is.EqualTo(recreated));
        Assert.That(Statuses.Items.Single().LastNotice, Does.Contain("Customers").And.Contain(recreated));
    }

    [Test]
    public async Task A_list_deleted_without_replacement_breaks_the_rule_and_keeps_its_items_waiting()
    {
        lock (Emulator.State.Lock)
            Emulator.State.DeleteList(long.Parse(CustomersListId));
        await RegisterAsync(2);

        for (var pass = 0; pass < 5; pass++)
        {
            await Delivery().RunOnceAsync();
            Clock.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.That(Queue.Items.Select(i => (i.State, i.Attempts)), Has.All.EqualTo((QueueItemState.Pending, 0)), "waiting, not failed");
        Assert.That(Queue.Items.First().LastError, Does.Contain("re-bind"));
        Assert.That(EmulatorSubscriptions(), Is.Empty);

        //the owner re-binds the rule to a new list: the items go out
        string replacement;
        lock (Emulator.State.Lock)
            replacement = Emulator.State.AddList("Customers 2026").ListId.ToString();
        await Rules().BindRuleAsync(StoreId, CustomersRule.Id, new Nop.Plugin.Misc.IContact.Api.IcontactList { ListId = replacement, Name = "Customers 2026" });
        await DeliveryQueue().RetargetAsync(StoreId, CustomersListId, replacement);
        await Cache.RemoveByPrefixAsync(IcontactDefaults.CachePrefix);
        await DeliverAllAsync();

        var delivered = EmulatorSubscriptions().Select(s => s.ListId).ToList();
        Assert.That(delivered, Has.Count.EqualTo(2));
        Assert.That(delivered, Has.All.EqualTo(replacement));
    }

    [Test]
    public async Task A_refused_address_fails_only_its_own_item()
    {
        var consumer = Consumer();
        await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("good@example.com")));
        await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("bad@@example.com")));
        Settings[StoreId].MaxAttempts = 2;

        await DeliverAllAsync();

        Assert.That(StatusOn("good@example.com", CustomersListId), Is.EqualTo("normal"));
        var bad = Queue.Items.Single(i => i.Email == "bad@@example.com");
        Assert.That(bad.State, Is.EqualTo(QueueItemState.Failed));
        Assert.That(bad.Attempts, Is.EqualTo(2));
        Assert.That(bad.LastError, Does.Contain("not valid"));
    }

    [Test]
    public async Task A_failed_item_can_be_retried_from_the_admin()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));
        Settings[StoreId].MaxAttempts = 1;
        Switch(s => s.ForceServerError = true);
        await Delivery().RunOnceAsync();
        var failed = Queue.Items.Single();
        Assert.That(failed.State, Is.EqualTo(QueueItemState.Failed));

        Switch(s => s.ForceServerError = false);
        await QueueAdmin().RetryFailedAsync(StoreId, [failed.Id]);
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }
}
