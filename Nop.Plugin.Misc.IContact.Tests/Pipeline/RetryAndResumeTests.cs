using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Issue 14: back-off growth and cap, bulk-sync resume with one service instance and after a restart, re-binding and
/// left-alone contacts where a regression would differ
/// </summary>
public class RetryAndResumeTests : PipelineTestBase
{
    [Test]
    public void The_back_off_doubles_from_30_seconds_within_its_jitter_and_never_exceeds_an_hour()
    {
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var nominal = Math.Min(30 * Math.Pow(2, attempt - 1), 3600);
            Assert.That(DeliveryService.BackoffDelay(attempt, 0).TotalSeconds, Is.EqualTo(nominal * 0.8).Within(0.001), $"attempt {attempt}, lowest");
            Assert.That(DeliveryService.BackoffDelay(attempt, 0.999).TotalSeconds, Is.EqualTo(Math.Min(nominal * 1.1996, 3600)).Within(0.01), $"attempt {attempt}, highest");
        }
    }

    [Test]
    public async Task Delays_between_real_failures_grow_and_stop_at_an_hour_and_each_failure_counts_once()
    {
        Settings[StoreId].MaxAttempts = 20;
        Switch(s => s.Outage = true);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

        for (var failure = 1; failure <= 10; failure++)
        {
            await Delivery().RunOnceAsync();
            var item = Queue.Items.Single();
            var delay = (item.NextAttemptOnUtc - Clock.GetUtcNow().UtcDateTime).TotalSeconds;
            var nominal = Math.Min(30 * Math.Pow(2, failure - 1), 3600);
            Assert.That(item.Attempts, Is.EqualTo(failure));
            Assert.That(delay, Is.InRange(nominal * 0.8 - 1, Math.Min(nominal * 1.2, 3600) + 1), $"failure {failure}");

            //a pass before the back-off ends neither tries nor counts
            await Delivery().RunOnceAsync();
            Assert.That(Queue.Items.Single().Attempts, Is.EqualTo(failure));
            Clock.MoveTo(item.NextAttemptOnUtc.AddSeconds(1));
        }

        Switch(s => s.Outage = false);
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    private void SeedStore(int registered)
    {
        for (var i = 0; i < registered; i++)
            NewCustomer($"c{i}@example.com");
    }

    private async Task RunAsync(BulkSyncService bulk, DeliveryService delivery, int maxRounds)
    {
        for (var round = 0; round < maxRounds && Runs.Items.Single().State != SyncRunState.Completed; round++)
        {
            await bulk.StepAllAsync();
            await delivery.RunOnceAsync();
        }
    }

    private void AssertEveryCustomerReadQueuedAndDeliveredOnce(string because)
    {
        Assert.That(Runs.Items.Single().State, Is.EqualTo(SyncRunState.Completed));
        Assert.That(Runs.Items.Single().ItemsQueued, Is.EqualTo(1_000), $"every customer queued {because}");
        Assert.That(Queue.Items, Is.Empty, "a run's delivered changes leave the queue");
        Assert.That(Runs.Items.Single().CustomersRead, Is.EqualTo(1_000), $"every customer read {because}");
        Assert.That(Runs.Items.Single().NextPageIndex, Is.EqualTo(2));
        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(1_000));
    }

    [Test]
    public async Task One_service_instance_keeps_its_place_across_steps()
    {
        SeedStore(1_000);
        var bulk = Bulk();
        var delivery = Delivery();
        await bulk.StartAsync(StoreId);

        await RunAsync(bulk, delivery, 100);

        AssertEveryCustomerReadQueuedAndDeliveredOnce("once, two pages of 500 by key");
    }

    [Test]
    public async Task A_restart_mid_run_resumes_from_the_stored_position_only()
    {
        SeedStore(1_000);
        await Bulk().StartAsync(StoreId);
        var bulk = Bulk();
        var delivery = Delivery();
        await RunAsync(bulk, delivery, 1);
        Assert.That(Runs.Items.Single().NextPageIndex, Is.EqualTo(1));

        //the store restarts: new services, new node-local caches and signal; only the tables survive
        DisposeProvider();
        await RunAsync(Bulk(), Delivery(), 100);

        AssertEveryCustomerReadQueuedAndDeliveredOnce("no page read again after the restart");
    }

    [Test]
    public async Task A_run_whose_lease_another_runner_holds_is_not_stepped_until_it_is_given_back()
    {
        SeedStore(600);
        var run = await Bulk().StartAsync(StoreId);
        var leases = Resolve<IcontactLeaseService>();
        var name = $"{IcontactDefaults.SystemName}.Bulk.{run.Id}";
        var other = await leases.TryAcquireAsync(name, TimeSpan.FromMinutes(5));

        var stepped = await Bulk().StepAllAsync();

        Assert.That(stepped, Is.False);
        Assert.That(Queue.Items, Is.Empty, "another node (the worker, the task) is stepping this run");
        await leases.ReleaseAsync(name, other);
        Assert.That(await Bulk().StepAllAsync(), Is.True);
        Assert.That(Queue.Items, Has.Count.EqualTo(IcontactDefaults.BulkPageSize));
    }

    [Test]
    public async Task A_deleted_list_is_not_re_bound_when_two_lists_now_carry_its_name()
    {
        lock (Emulator.State.Lock)
        {
            Emulator.State.DeleteList(long.Parse(CustomersListId));
            Emulator.State.AddList("Customers");
            Emulator.State.AddList("Customers");
        }
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

        await Delivery().RunOnceAsync();

        Assert.That(EmulatorSubscriptions(), Is.Empty, "no guess between two lists");
        Assert.That(Queue.Items.Single().State, Is.EqualTo(QueueItemState.Pending));
        Assert.That((await Resolve<IcontactRuleService>().GetRulesAsync(StoreId)).Single(r => r.Id == CustomersRule.Id).ListId, Is.EqualTo(CustomersListId));
    }

    [Test]
    public async Task A_later_live_event_never_re_subscribes_a_contact_who_unsubscribed_in_iContact()
    {
        var ann = NewCustomer("ann@example.com");
        UnsubscribedInIcontact("ann@example.com", CustomersListId);

        //not a bulk run: the shopper's own registration (or any later customer event) queues the subscribe
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(ann));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
        Assert.That(Queue.Items.Single(item => item.ListId == CustomersListId).State, Is.EqualTo(QueueItemState.LeftAlone));
    }

    [Test]
    public async Task A_contact_unsubscribed_from_one_list_is_left_alone_there_and_still_joins_another()
    {
        NewCustomer("ann@example.com", true, RegisteredRoleId, VipRoleId);
        UnsubscribedInIcontact("ann@example.com", CustomersListId);

        await Bulk().StartAsync(StoreId);
        for (var round = 0; round < 20 && Runs.Items.Single().State != SyncRunState.Completed; round++)
        {
            await Bulk().StepAllAsync();
            await DeliverAllAsync();
        }

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"), "left alone");
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("pending"), "the other list is not hers to refuse");
    }
}
