using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// "No order for D days" has no event: the schedule task finds the customers who became lapsed (issue 11)
/// </summary>
public class LapsedCustomerTests : PipelineTestBase
{
    private IcontactRule WinBack(RuleRemoval removal = RuleRemoval.Unsubscribe) => new()
    {
        Trigger = RuleTrigger.Customers, CustomerRoleIds = [RegisteredRoleId], LapsedDays = 180, ListId = VipListId, ListName = "Win-back",
        WhenNoLongerMatching = removal
    };

    private Order AddOrder(Customer customer, int daysAgo)
    {
        var order = new Order
        {
            CustomerId = customer.Id, StoreId = StoreId, OrderTotal = 10m, OrderStatus = OrderStatus.Complete, PaymentStatus = PaymentStatus.Paid,
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo)
        };
        Orders.InsertAsync(order).Wait();
        return order;
    }

    /// <summary>
    /// A lapse the task finds (subscribed), then a new order (the rule's removal unsubscribes), both delivered
    /// </summary>
    private async Task LapseThenOrderAsync(Customer customer)
    {
        AddOrder(customer, daysAgo: 200);
        await RunTaskAsync();
        await DeliverAllAsync();
        var order = AddOrder(customer, daysAgo: 0);
        //the platform saves the order before it publishes the event: what the event queues is stamped later
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Consumer().HandleEventAsync(new OrderPlacedEvent(order));
        await DeliverAllAsync();
    }

    /// <summary>
    /// Half a year on: the task finds the customer lapsed again, and delivery runs
    /// </summary>
    private async Task LapseAgainAsync()
    {
        Clock.Advance(TimeSpan.FromDays(181));
        await RunTaskAsync();
        await DeliverAllAsync();
    }

    private Task RunTaskAsync() =>
        new SynchronizationTask(Settings[StoreId], Resolve<InstallationGuard>(), Resolve<LapsedCustomerService>(), QueueAdmin(), Status(), Runner(), Clock, Reconciler())
            .ExecuteAsync();

    [Test]
    public async Task The_task_puts_customers_without_an_order_for_180_days_on_the_win_back_list()
    {
        //"no order for 180 days → Win-back"
        UseRules(WinBack());
        var lapsed = NewCustomer("ann@example.com");
        AddOrder(lapsed, daysAgo: 400);
        AddOrder(lapsed, daysAgo: 181);
        AddOrder(NewCustomer("bob@example.com"), daysAgo: 30);
        NewCustomer("cid@example.com");
        var otherStore = NewCustomer("dan@example.com");
        Orders.InsertAsync(new Order { CustomerId = otherStore.Id, StoreId = StoreId + 1, CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-300) }).Wait();

        await RunTaskAsync();
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("bob@example.com", VipListId), Is.Null, "ordered 30 days ago");
        Assert.That(StatusOn("cid@example.com", VipListId), Is.Null, "never ordered: not lapsed");
        Assert.That(StatusOn("dan@example.com", VipListId), Is.Null, "lapsed in another store");
    }

    [Test]
    public async Task A_customer_becomes_lapsed_once()
    {
        var rule = WinBack();
        UseRules(rule);
        AddOrder(NewCustomer("ann@example.com"), daysAgo: 200);
        await RunTaskAsync();
        await DeliverAllAsync();
        var queued = Queue.Items.Count;
        Assert.That(Resolve<LapsedCustomerService>().Candidates(rule, StoreId, 0).Count(), Is.Zero, "on the list: no longer a candidate");

        //the next runs (the check is due again after its period) find nobody new
        Clock.Advance(IcontactDefaults.LapsedCheckPeriod + TimeSpan.FromMinutes(1));
        await RunTaskAsync();
        Clock.Advance(IcontactDefaults.LapsedCheckPeriod + TimeSpan.FromMinutes(1));
        await RunTaskAsync();

        Assert.That(Queue.Items.Count, Is.EqualTo(queued));
    }

    [Test]
    public async Task A_customer_left_alone_in_iContact_is_not_queued_again_by_every_check()
    {
        UseRules(WinBack());
        UnsubscribedInIcontact("ann@example.com", VipListId);
        AddOrder(NewCustomer("ann@example.com"), daysAgo: 200);
        await RunTaskAsync();
        await DeliverAllAsync();
        Assert.That(Queue.Items.Single().State, Is.EqualTo(QueueItemState.LeftAlone));

        Clock.Advance(IcontactDefaults.LapsedCheckPeriod + TimeSpan.FromMinutes(1));
        await RunTaskAsync();

        Assert.That(Queue.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_new_order_ends_the_lapse_and_unsubscribes_and_a_later_lapse_subscribes_again()
    {
        UseRules(WinBack());
        var customer = NewCustomer("ann@example.com");
        AddOrder(customer, daysAgo: 200);
        await RunTaskAsync();
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));

        var order = AddOrder(customer, daysAgo: 0);
        await Consumer().HandleEventAsync(new OrderPlacedEvent(order));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("unsubscribed"));
        Assert.That(Subscribers.Items.Single().GetRemovedListIds(), Is.EqualTo(new[] { VipListId }), "the plugin remembers it took her off");

        await LapseAgainAsync();

        //queued again and subscribed again: iContact shows "unsubscribed", but the plugin remembers it took the contact off
        var relapse = Queue.Items.Where(item => item.Operation == QueueOperation.Subscribe).OrderBy(item => item.Id).Last();
        Assert.That(relapse.CreatedOnUtc, Is.GreaterThan(order.CreatedOnUtc));
        Assert.That(relapse.State, Is.EqualTo(QueueItemState.Done));
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
        Assert.That(Subscribers.Items.Single().GetRemovedListIds(), Is.Empty, "back on the list: no longer the plugin's removal");
    }

    [Test]
    public async Task A_later_lapse_subscribes_again_however_long_delivered_changes_are_kept()
    {
        //the plugin's unsubscribe (made after her order) stays in the queue's history for the retention: it is no
        //subscribe "already queued since the last order"
        Settings[StoreId].DoneRetentionDays = 400;
        UseRules(WinBack());
        await LapseThenOrderAsync(NewCustomer("ann@example.com"));
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("unsubscribed"));

        await LapseAgainAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Her_own_unsubscribe_in_iContact_is_left_alone_by_the_next_lapse_even_after_the_plugin_once_took_her_off_and_back()
    {
        UseRules(WinBack());
        var customer = NewCustomer("ann@example.com");
        await LapseThenOrderAsync(customer);
        await LapseAgainAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"), "the plugin took her off and put her back");

        //she unsubscribes herself (a campaign's link); then a new order makes the plugin unsubscribe her too
        var contactId = Subscribers.Items.Single().ContactId;
        using (var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/contacts/{contactId}/unsubscribe",
            new StringContent($"{{\"listId\":\"{VipListId}\"}}", System.Text.Encoding.UTF8, "application/json")))
            Assert.That(response.IsSuccessStatusCode);
        await Consumer().HandleEventAsync(new OrderPlacedEvent(AddOrder(customer, daysAgo: 0)));
        await DeliverAllAsync();
        Assert.That(Subscribers.Items.Single().GetRemovedListIds(), Is.Empty, "iContact showed her unsubscribed before the plugin's unsubscribe: hers");

        await LapseAgainAsync();

        var relapse = Queue.Items.Where(item => item.Operation == QueueOperation.Subscribe).OrderBy(item => item.Id).Last();
        Assert.That(relapse.State, Is.EqualTo(QueueItemState.LeftAlone));
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task After_an_email_change_what_the_plugin_took_the_old_address_off_does_not_resubscribe_the_new_one()
    {
        UseRules(WinBack());
        var customer = NewCustomer("ann@example.com");
        await LapseThenOrderAsync(customer);
        Assert.That(Subscribers.Items.Single().GetRemovedListIds(), Is.EqualTo(new[] { VipListId }));

        //her new address is a contact that unsubscribed from the list itself
        UnsubscribedInIcontact("ann.new@example.com", VipListId);
        customer.Email = "ann.new@example.com";
        await Consumer().HandleEventAsync(new Nop.Core.Events.EntityUpdatedEvent<Customer>(customer));
        await LapseAgainAsync();

        var relapse = Queue.Items.Where(item => item.Operation == QueueOperation.Subscribe).OrderBy(item => item.Id).Last();
        Assert.That(relapse.Email, Is.EqualTo("ann.new@example.com"));
        Assert.That(relapse.State, Is.EqualTo(QueueItemState.LeftAlone));
        Assert.That(StatusOn("ann.new@example.com", VipListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task Lapsed_customers_outside_the_rules_roles_are_not_queued()
    {
        var rule = WinBack();
        UseRules(rule);
        AddOrder(NewCustomer("vip@example.com", true, VipRoleId), daysAgo: 200);

        await RunTaskAsync();

        Assert.That(Queue.Items, Is.Empty);
        Assert.That(Resolve<LapsedCustomerService>().Candidates(rule, StoreId, 0).Count(), Is.Zero, "the query itself asks for the roles");
    }
}
