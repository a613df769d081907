using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Orders put customers on lists (issue 11). The events arrive as OrderProcessingService (4.90.6) publishes them:
/// PlaceOrderAsync publishes OrderPlacedEvent, then its status check (OrderStatusChangedEvent when the status moves),
/// then OrderPaidEvent for an order paid at once, all in the shopper's request; refunds publish OrderRefundedEvent after
/// updating the order, a cancellation OrderStatusChangedEvent (the tests save a changed order before its event, as the
/// platform does: the repository hands out copies)
/// </summary>
public class OrderRuleTests : PipelineTestBase
{
    private const int CoffeeCategoryId = 5;
    private const int CoffeeProductId = 50;
    private const int TeaProductId = 60;

    private IcontactRule Rule(RuleTrigger trigger, string listId, string name) => new() { Trigger = trigger, ListId = listId, ListName = name };

    private Order AddOrder(Customer customer, decimal total, PaymentStatus payment = PaymentStatus.Paid, DateTime? createdOnUtc = null, params int[] productIds)
    {
        var order = new Order
        {
            CustomerId = customer.Id, StoreId = StoreId, OrderTotal = total, OrderGuid = Guid.NewGuid(),
            OrderStatus = payment == PaymentStatus.Paid ? OrderStatus.Processing : OrderStatus.Pending, PaymentStatus = payment,
            CreatedOnUtc = createdOnUtc ?? Clock.GetUtcNow().UtcDateTime
        };
        Orders.InsertAsync(order).Wait();
        foreach (var productId in productIds)
            OrderItems.InsertAsync(new OrderItem { OrderId = order.Id, ProductId = productId, Quantity = 1, PriceInclTax = total }).Wait();
        return order;
    }

    /// <summary>
    /// The events of a checkout, in the platform's order: placed, the status check, paid (for an order paid at once)
    /// </summary>
    private async Task CheckoutAsync(Order order)
    {
        var consumer = Consumer();
        await consumer.HandleEventAsync(new OrderPlacedEvent(order));
        if (order.PaymentStatus != PaymentStatus.Paid)
            return;
        await consumer.HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));
        await consumer.HandleEventAsync(new OrderPaidEvent(order));
    }

    [Test]
    public async Task Placing_an_order_puts_the_customer_on_the_buyers_list()
    {
        UseRules(Rule(RuleTrigger.OrderPlaced, CustomersListId, "Customers"));
        var customer = NewCustomer("ann@example.com");

        await CheckoutAsync(AddOrder(customer, 20m, PaymentStatus.Pending));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Placed_status_and_paid_in_one_request_leave_one_change_per_list()
    {
        UseRules(Rule(RuleTrigger.OrderPlaced, CustomersListId, "Customers"), Rule(RuleTrigger.OrderPaid, VipListId, "VIP"),
            Rule(RuleTrigger.OrderPaid, CustomersListId, "Customers"));
        var customer = NewCustomer("ann@example.com");

        await CheckoutAsync(AddOrder(customer, 20m));

        var waiting = Queue.Items.Where(item => item.State == QueueItemState.Pending).Select(item => (item.Email, item.ListId, item.Operation)).ToList();
        Assert.That(waiting, Is.EquivalentTo(new[] { ("ann@example.com", CustomersListId, QueueOperation.Subscribe), ("ann@example.com", VipListId, QueueOperation.Subscribe) }));
    }

    [Test]
    public async Task An_unpaid_order_waits_for_the_payment_to_join_a_paid_order_list()
    {
        UseRules(Rule(RuleTrigger.OrderPaid, VipListId, "VIP"));
        var customer = NewCustomer("ann@example.com");
        var order = AddOrder(customer, 20m, PaymentStatus.Pending);

        await CheckoutAsync(order);
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.Null);

        order.PaymentStatus = PaymentStatus.Paid;
        await Orders.UpdateAsync(order);
        await Consumer().HandleEventAsync(new OrderPaidEvent(order));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Buying_from_a_category_puts_only_its_buyers_on_the_list_with_double_opt_in()
    {
        //"bought from category Coffee → Coffee lovers (pending)"
        UseRules(Rule(RuleTrigger.OrderPlaced, NewsletterListId, "Coffee lovers") with { CategoryIds = [CoffeeCategoryId], SubscriptionStatus = "pending" });
        ProductCategories.InsertAsync(new ProductCategory { ProductId = CoffeeProductId, CategoryId = CoffeeCategoryId }).Wait();
        var ann = NewCustomer("ann@example.com");
        var bob = NewCustomer("bob@example.com");

        await CheckoutAsync(AddOrder(ann, 12m, productIds: [TeaProductId, CoffeeProductId]));
        await CheckoutAsync(AddOrder(bob, 8m, productIds: [TeaProductId]));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("pending"));
        Assert.That(StatusOn("bob@example.com", NewsletterListId), Is.Null);
    }

    [Test]
    public async Task A_product_or_manufacturer_filter_matches_the_orders_that_contain_it()
    {
        UseRules(Rule(RuleTrigger.OrderPaid, CustomersListId, "Tea") with { ProductIds = [TeaProductId] },
            Rule(RuleTrigger.OrderPlaced, VipListId, "Brand") with { ManufacturerIds = [3] });
        ProductManufacturers.InsertAsync(new ProductManufacturer { ProductId = CoffeeProductId, ManufacturerId = 3 }).Wait();
        var ann = NewCustomer("ann@example.com");

        await CheckoutAsync(AddOrder(ann, 12m, productIds: [CoffeeProductId]));
        await DeliverAllAsync();
        Assert.That((StatusOn("ann@example.com", CustomersListId), StatusOn("ann@example.com", VipListId)), Is.EqualTo(((string)null, "normal")));

        await CheckoutAsync(AddOrder(ann, 12m, productIds: [TeaProductId]));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Spending_500_joins_VIP_and_a_refund_below_it_unsubscribes_when_the_rule_says_so()
    {
        //"spent ≥ 500 → VIP", unsubscribe when no longer matching
        UseRules(new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinTotalSpent = 500m, ListId = VipListId, ListName = "VIP" });
        var customer = NewCustomer("ann@example.com");
        await CheckoutAsync(AddOrder(customer, 300m));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.Null, "300 is not enough");

        var second = AddOrder(customer, 250m);
        await CheckoutAsync(second);
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));

        second.PaymentStatus = PaymentStatus.PartiallyRefunded;
        second.RefundedAmount = 100m;
        await Orders.UpdateAsync(second);
        await Consumer().HandleEventAsync(new OrderRefundedEvent(second, 100m));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task A_rule_that_leaves_customers_on_the_list_keeps_them_after_a_refund()
    {
        UseRules(new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinTotalSpent = 500m, ListId = VipListId, ListName = "VIP", WhenNoLongerMatching = RuleRemoval.LeaveOnList });
        var customer = NewCustomer("ann@example.com");
        var order = AddOrder(customer, 600m);
        await CheckoutAsync(order);
        await DeliverAllAsync();

        order.PaymentStatus = PaymentStatus.Refunded;
        order.RefundedAmount = 600m;
        await Orders.UpdateAsync(order);
        await Consumer().HandleEventAsync(new OrderRefundedEvent(order, 600m));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
        Assert.That(Queue.Items.Where(item => item.Operation == QueueOperation.Unsubscribe), Is.Empty);
    }

    [Test]
    public async Task A_cancelled_order_takes_the_customer_off_a_buyers_list()
    {
        UseRules(Rule(RuleTrigger.OrderPlaced, CustomersListId, "Customers"));
        var customer = NewCustomer("ann@example.com");
        var order = AddOrder(customer, 20m, PaymentStatus.Pending);
        await CheckoutAsync(order);
        await DeliverAllAsync();

        order.OrderStatus = OrderStatus.Cancelled;
        await Orders.UpdateAsync(order);
        await Consumer().HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task The_second_order_meets_an_order_count_of_two()
    {
        UseRules(new IcontactRule { Trigger = RuleTrigger.OrderPlaced, MinOrderCount = 2, CustomerRoleIds = [RegisteredRoleId], ListId = VipListId, ListName = "VIP" });
        var customer = NewCustomer("ann@example.com");

        await CheckoutAsync(AddOrder(customer, 20m));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.Null);

        await CheckoutAsync(AddOrder(customer, 20m));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_guest_checkout_queues_nothing()
    {
        //nopCommerce keeps a guest buyer's address on the order's billing address, never on the customer
        UseRules(Rule(RuleTrigger.OrderPlaced, CustomersListId, "Customers"));
        var guest = NewCustomer("guest@example.com", true, GuestsRoleId);
        guest.Email = null;

        await CheckoutAsync(AddOrder(guest, 20m));

        Assert.That(Queue.Items, Is.Empty);
    }

    [Test]
    public async Task Orders_cost_nothing_in_a_store_whose_rules_are_about_roles_only()
    {
        //the fixture's rules name roles only
        var customer = NewCustomer("ann@example.com");

        await CheckoutAsync(AddOrder(customer, 20m));

        Assert.That(Queue.Items, Is.Empty, "no re-evaluation on an order (registration handles the role rules)");
    }
}
