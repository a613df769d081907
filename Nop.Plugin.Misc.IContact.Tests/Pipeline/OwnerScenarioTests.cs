using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Issue 11's "done when", in one store: the four rules of the issue and five field mappings (a custom field created in
/// iContact among them); a guest confirming the footer box, a customer placing and paying an order, and the lapsed check
/// each land in iContact, customers with their mapped fields. Both consumers of the order events run, as the platform
/// runs every IConsumer of an event.
/// </summary>
public class OwnerScenarioTests : PipelineTestBase
{
    private const int CoffeeCategoryId = 5;
    private const int CoffeeProductId = 50;
    private string _coffeeListId;
    private string _winBackListId;

    [SetUp]
    public void AddLists()
    {
        lock (Emulator.State.Lock)
        {
            _coffeeListId = Emulator.State.AddList("Coffee lovers").ListId.ToString();
            _winBackListId = Emulator.State.AddList("Win-back").ListId.ToString();
        }
    }

    private FieldEventConsumer FieldConsumer() => new(Resolve<ContactFieldUpdater>(), Resolve<InstallationGuard>());

    private Dictionary<string, string> FieldsOf(string email)
    {
        lock (Emulator.State.Lock)
            return new Dictionary<string, string>(Emulator.State.FindContactByEmail(email)!.Fields);
    }

    private Order AddOrder(Customer customer, decimal total, int daysAgo, params int[] productIds)
    {
        var order = new Order
        {
            CustomerId = customer.Id, StoreId = StoreId, OrderTotal = total, OrderGuid = Guid.NewGuid(), OrderStatus = OrderStatus.Processing,
            PaymentStatus = PaymentStatus.Paid, CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo)
        };
        Orders.InsertAsync(order).Wait();
        foreach (var productId in productIds)
            OrderItems.InsertAsync(new OrderItem { OrderId = order.Id, ProductId = productId, Quantity = 1, PriceInclTax = total }).Wait();
        return order;
    }

    /// <summary>
    /// A checkout paid at once, in the platform's order of events, to both consumers
    /// </summary>
    private async Task CheckoutAsync(Order order)
    {
        await Consumer().HandleEventAsync(new OrderPlacedEvent(order));
        await FieldConsumer().HandleEventAsync(new OrderPlacedEvent(order));
        await Consumer().HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));
        await Consumer().HandleEventAsync(new OrderPaidEvent(order));
        await FieldConsumer().HandleEventAsync(new OrderPaidEvent(order));
    }

    private Task LapsedCheckAsync() =>
        new SynchronizationTask(Settings[StoreId], Resolve<InstallationGuard>(), Resolve<LapsedCustomerService>(), QueueAdmin(), Status(), Runner(), Clock, Reconciler())
            .ExecuteAsync();

    [Test]
    public async Task The_issue_s_four_rules_and_five_mappings_put_guests_buyers_and_lapsed_customers_on_their_lists_with_their_fields()
    {
        UseRules(
            new IcontactRule { Trigger = RuleTrigger.NewsletterSubscribers, ListId = NewsletterListId, ListName = "Newsletter" },
            new IcontactRule { Trigger = RuleTrigger.OrderPlaced, CategoryIds = [CoffeeCategoryId], ListId = _coffeeListId, ListName = "Coffee lovers", SubscriptionStatus = "pending" },
            new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinTotalSpent = 500m, ListId = VipListId, ListName = "VIP", WhenNoLongerMatching = RuleRemoval.Unsubscribe },
            new IcontactRule { Trigger = RuleTrigger.Customers, CustomerRoleIds = [RegisteredRoleId], LapsedDays = 180, ListId = _winBackListId, ListName = "Win-back", WhenNoLongerMatching = RuleRemoval.Unsubscribe });
        //the owner's mapping: three standard fields and two order statistics into custom fields, one of them created on save
        lock (Emulator.State.Lock)
            Emulator.State.CustomFields["ordercount"] = new IcontactEmulator.CustomFieldRecord { PrivateName = "ordercount", PublicName = "Orders", FieldType = "number" };
        Assert.That((await Resolve<CustomFieldService>().CreateCustomFieldAsync(StoreId, "totalspent", "totalspent")).Succeeded, Is.True);
        await Resolve<FieldMappingService>().SaveAsync(0,
        [
            new(FieldSource.FirstName, "firstName"), new(FieldSource.LastName, "lastName"), new(FieldSource.City, "city"),
            new(FieldSource.OrderCount, "ordercount"), new(FieldSource.TotalSpent, "totalspent")
        ]);
        ProductCategories.InsertAsync(new ProductCategory { ProductId = CoffeeProductId, CategoryId = CoffeeCategoryId }).Wait();

        //a guest confirms the footer box (the platform publishes the event when the activation link makes the row active)
        var row = new NewsLetterSubscription { Email = "guest@example.com", StoreId = StoreId, TypeId = NewsletterTypeId, Active = true };
        Newsletters.Add(row);
        await Consumer().HandleEventAsync(new EmailSubscribedEvent(row));
        //a customer buys coffee for 600
        var ann = NewCustomer("ann@example.com");
        await CheckoutAsync(AddOrder(ann, 600m, daysAgo: 0, CoffeeProductId));
        //a customer whose last order is 200 days old is found by the lapsed check
        var bob = NewCustomer("bob@example.com");
        AddOrder(bob, 40m, daysAgo: 200);
        await LapsedCheckAsync();
        await DeliverAllAsync();

        Assert.Multiple(() =>
        {
            Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.EqualTo("normal"));
            Assert.That(StatusOn("ann@example.com", _coffeeListId), Is.EqualTo("pending"));
            Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));
            Assert.That(StatusOn("ann@example.com", _winBackListId), Is.Null);
            Assert.That(StatusOn("bob@example.com", _winBackListId), Is.EqualTo("normal"));
            Assert.That(StatusOn("bob@example.com", VipListId), Is.Null);
        });
        var annFields = FieldsOf("ann@example.com");
        var bobFields = FieldsOf("bob@example.com");
        Assert.That((annFields["firstName"], annFields["city"], annFields["ordercount"], annFields["totalspent"]), Is.EqualTo(("Firstann", "Springfield", "1", "600.00")));
        Assert.That((bobFields["lastName"], bobFields["ordercount"], bobFields["totalspent"]), Is.EqualTo(("Last", "1", "40.00")));

        //bob orders again: no longer lapsed, taken off Win-back (the rule says unsubscribe), with his new statistics
        await CheckoutAsync(AddOrder(bob, 25m, daysAgo: 0));
        await DeliverAllAsync();

        Assert.That(StatusOn("bob@example.com", _winBackListId), Is.EqualTo("unsubscribed"));
        Assert.That((FieldsOf("bob@example.com")["ordercount"], FieldsOf("bob@example.com")["totalspent"]), Is.EqualTo(("2", "65.00")));
    }
}
