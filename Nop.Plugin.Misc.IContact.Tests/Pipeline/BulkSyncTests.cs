using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Existing customers reach iContact under the rules, in pages, resumably, without re-subscribing anyone who left
/// </summary>
public class BulkSyncTests : PipelineTestBase
{
    /// <summary>
    /// What the worker does: a step of every run, then delivery, until neither moves (the clock jumps over waits)
    /// </summary>
    private async Task RunToCompletionAsync(int maxRounds = 1_000)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            var stepped = await Bulk().StepAllAsync();
            var delivered = await Delivery().RunOnceAsync();
            if (Runs.Items.All(r => r.State == SyncRunState.Completed))
                return;
            if (!stepped && delivered.Claimed == 0)
            {
                var waiting = Queue.Items.Where(i => i.State == QueueItemState.Pending).ToList();
                if (waiting.Count > 0)
                    Clock.MoveTo(waiting.Min(i => i.NextAttemptOnUtc).AddSeconds(1));
            }
        }

        Assert.Fail("the run did not complete");
    }

    private void SeedStore(int registered)
    {
        for (var i = 0; i < registered; i++)
            NewCustomer($"c{i}@example.com");
    }

    /// <summary>
    /// A rule that names no role ("spent 500 or more → VIP") is about every customer: a run reads every customer, not
    /// only those in the roles other rules name (or none at all when no rule names a role)
    /// </summary>
    [TestCase(false, TestName = "A_rule_without_roles_covers_every_customer_in_a_run")]
    [TestCase(true, TestName = "A_rule_without_roles_covers_every_customer_beside_a_rule_with_roles")]
    public async Task RuleWithoutRoles(bool withRoleRule)
    {
        var vip = new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinTotalSpent = 500m, ListId = VipListId, ListName = "VIP" };
        UseRules(withRoleRule ? [new IcontactRule { CustomerRoleIds = [RegisteredRoleId], ListId = CustomersListId, ListName = "Customers" }, vip] : [vip]);
        const int noRuleRole = 99;
        var big = NewCustomer("big@example.com", true, noRuleRole);
        var small = NewCustomer("small@example.com");
        foreach (var (customer, total) in new[] { (big, 600m), (small, 100m) })
            await Orders.InsertAsync(new Order
            {
                CustomerId = customer.Id, StoreId = StoreId, OrderTotal = total, CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-3),
                OrderStatus = OrderStatus.Complete, PaymentStatus = PaymentStatus.Paid
            });

        await Bulk().StartAsync(StoreId);
        await RunToCompletionAsync();

        Assert.That(Runs.Items.Single().TotalCustomers, Is.EqualTo(2));
        Assert.That(StatusOn("big@example.com", VipListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("small@example.com", VipListId), Is.Null);
        Assert.That(StatusOn("small@example.com", CustomersListId), Is.EqualTo(withRoleRule ? "normal" : null));
    }

    [Test]
    public async Task Preview_counts_what_each_rule_would_do_without_changing_anything()
    {
        NewCustomer("ready@example.com");
        NewCustomer("consent@example.com"); Subscribe("consent@example.com");
        NewCustomer("withdrew@example.com"); Subscribe("withdrew@example.com", active: false);
        NewCustomer("inactive@example.com", active: false);
        NewCustomer("", true);
        NewCustomer("vip@example.com", true, RegisteredRoleId, VipRoleId);
        int requests;
        lock (Emulator.State.Lock)
            requests = Emulator.State.RequestLog.Count;

        var previews = await Preview().PreviewAsync(StoreId);

        var customers = previews.Single(p => p.Rule.ListId == CustomersListId);
        var newsletter = previews.Single(p => p.Rule.ListId == NewsletterListId);
        var vip = previews.Single(p => p.Rule.ListId == VipListId);
        Assert.Multiple(() =>
        {
            Assert.That(customers.Subscribe, Is.EqualTo(4));
            Assert.That(customers.SkippedInactive, Is.EqualTo(1));
            Assert.That(customers.SkippedNoEmail, Is.EqualTo(1));
            Assert.That(newsletter.Subscribe, Is.EqualTo(1));
            Assert.That(newsletter.LeftAloneUnsubscribedInStore, Is.EqualTo(1));
            Assert.That(newsletter.SkippedNoConsent, Is.EqualTo(2));
            Assert.That(vip.Subscribe, Is.EqualTo(1));
        });
        Assert.That(Queue.Items, Is.Empty);
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.RequestLog.Skip(requests), Has.All.StartsWith("GET "), "a preview only reads from iContact");
    }

    [Test]
    public async Task Preview_counts_contacts_unsubscribed_in_iContact_as_left_alone()
    {
        NewCustomer("stay@example.com");
        NewCustomer("left@example.com");
        UnsubscribedInIcontact("left@example.com", CustomersListId);

        var unsubscribed = await Reconciler().UnsubscribedEmailsAsync(StoreId, [CustomersListId]);
        var preview = (await Preview().PreviewAsync(StoreId)).Single(p => p.Rule.ListId == CustomersListId);

        Assert.That(unsubscribed[CustomersListId], Is.EquivalentTo(new[] { "left@example.com" }));
        Assert.That(preview.LeftAloneUnsubscribedInIcontact, Is.EqualTo(1));
        Assert.That(preview.Subscribe, Is.EqualTo(1));
    }

    [Test]
    public async Task A_run_reads_customers_page_by_page_and_reaches_100_percent()
    {
        SeedStore(1_200);

        var run = await Bulk().StartAsync(StoreId);
        Assert.That(run.TotalCustomers, Is.EqualTo(1_200));
        await RunToCompletionAsync();

        var progress = await Bulk().GetProgressAsync(Runs.Items.Single());
        Assert.That(progress.Percent, Is.EqualTo(100));
        Assert.That(progress.Delivered, Is.EqualTo(1_200));
        Assert.That(progress.Waiting, Is.Zero);
        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(1_200));
        //3 pages of 500 by key, then the empty read that ends the reading
        Assert.That(Runs.Items.Single().NextPageIndex, Is.EqualTo(3), "paging stops at the last page");
        Assert.That(Runs.Items.Single().LastCustomerId, Is.EqualTo(Customers.Keys.Max()));
        Assert.That(Queue.Items, Is.Empty, "a run's delivered changes leave the queue");
    }

    [Test]
    public async Task The_queue_stays_small_while_a_run_reads()
    {
        SeedStore(2_000);
        await Bulk().StartAsync(StoreId);
        var peak = 0;

        for (var round = 0; round < 200 && Runs.Items.Single().State != SyncRunState.Completed; round++)
        {
            await Bulk().StepAllAsync();
            peak = Math.Max(peak, Queue.Items.Count(i => i.State == QueueItemState.Pending));
            await Delivery().RunOnceAsync();
        }

        Assert.That(Runs.Items.Single().State, Is.EqualTo(SyncRunState.Completed));
        Assert.That(peak, Is.LessThanOrEqualTo(2 * 250 + 500), "at most two batches waiting plus one page read");
    }

    [Test]
    public async Task A_restart_resumes_the_run_without_repeating_delivered_work()
    {
        SeedStore(1_000);
        await Bulk().StartAsync(StoreId);
        //a few rounds, then the store restarts: every service is new, only the database (the fakes) survives
        for (var round = 0; round < 3; round++)
        {
            await Bulk().StepAllAsync();
            await Delivery().RunOnceAsync();
        }
        var deliveredBefore = EmulatorSubscriptions().Count;
        var postsBefore = ContactPosts();
        Assert.That(deliveredBefore, Is.GreaterThan(0).And.LessThan(1_000));

        await RunToCompletionAsync();

        Assert.That(EmulatorSubscriptions(), Has.Count.EqualTo(1_000));
        Assert.That((await Bulk().GetProgressAsync(Runs.Items.Single())).Delivered, Is.EqualTo(1_000), "every customer once");
        Assert.That(Runs.Items.Single().ItemsQueued, Is.EqualTo(1_000));
        var contactsSentAfter = (ContactPosts() - postsBefore) * 250;
        Assert.That(contactsSentAfter, Is.LessThanOrEqualTo(1_000 - deliveredBefore + 250), "delivered customers were not sent again");
    }

    private int ContactPosts()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.RequestLog.Count(r => r.StartsWith("POST") && r.EndsWith("/contacts"));
    }

    [Test]
    public async Task Customers_already_delivered_are_not_queued_again()
    {
        SeedStore(10);
        await Bulk().StartAsync(StoreId);
        await RunToCompletionAsync();
        var posts = ContactPosts();

        var second = await Bulk().StartAsync(StoreId);
        await RunToCompletionAsync();

        Assert.That(Runs.Items.Single(run => run.Id == second.Id).AlreadySubscribed, Is.EqualTo(10));
        Assert.That(Runs.Items.Single(run => run.Id == second.Id).ItemsQueued, Is.Zero);
        Assert.That(ContactPosts(), Is.EqualTo(posts), "nothing sent again");
    }

    [Test]
    public async Task No_one_unsubscribed_in_iContact_is_subscribed_again()
    {
        SeedStore(5);
        var contactId = UnsubscribedInIcontact("c3@example.com", CustomersListId);

        await Bulk().StartAsync(StoreId);
        await RunToCompletionAsync();

        Assert.That(StatusOn("c3@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
        Assert.That(EmulatorSubscriptions().Count(s => s.Status == "normal"), Is.EqualTo(4));
        var progress = await Bulk().GetProgressAsync(Runs.Items.Single());
        Assert.That(progress.LeftAlone, Is.EqualTo(1));
    }

    [Test]
    public async Task Unsubscribes_in_iContact_are_carried_over_to_the_store_newsletter()
    {
        var customer = NewCustomer("ann@example.com");
        Subscribe("ann@example.com");
        await Consumer().HandleEventAsync(new Nop.Core.Domain.Customers.CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions.Values.Single(s => s.ListId.ToString() == NewsletterListId).Status = "unsubscribed";

        var deactivated = await Reconciler().ReconcileAsync(StoreId);

        Assert.That(deactivated, Is.EqualTo(1));
        Assert.That(Newsletters.Single().Active, Is.False);
        Assert.That(Subscribers.Items.Single().GetListIds(), Does.Not.Contain(NewsletterListId));
        Assert.That(Statuses.Items.Single().LastReconciledOnUtc, Is.Not.Null);
    }

    [Test]
    public async Task The_simulator_explains_each_rule()
    {
        NewCustomer("ann@example.com");

        var verdicts = await Preview().SimulateAsync(StoreId, "ANN@example.com");

        var customers = verdicts!.Single(v => v.Rule.ListId == CustomersListId);
        var newsletter = verdicts.Single(v => v.Rule.ListId == NewsletterListId);
        var vip = verdicts.Single(v => v.Rule.ListId == VipListId);
        Assert.That((customers.Joins, customers.ReasonKey), Is.EqualTo((true, "Plugins.Misc.IContact.Simulator.Joins")));
        Assert.That(customers.RoleIds, Is.EqualTo(new[] { RegisteredRoleId }));
        Assert.That((newsletter.Joins, newsletter.ReasonKey), Is.EqualTo((false, "Plugins.Misc.IContact.Simulator.NoConsent")));
        Assert.That((vip.Joins, vip.ReasonKey), Is.EqualTo((false, "Plugins.Misc.IContact.Simulator.NoRole")));
        Assert.That(vip.RoleIds, Is.EqualTo(new[] { VipRoleId }), "the roles travel as ids, not as joined text");
        Assert.That(await Preview().SimulateAsync(StoreId, "nobody@example.com"), Is.Null);
    }
}
