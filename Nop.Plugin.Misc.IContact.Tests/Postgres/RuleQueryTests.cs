using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// The queries of issue 11's rules translate on PostgreSQL and answer in one statement: what customers bought among the
/// rules' catalog items (OrderItem with the product-category and product-manufacturer mappings), and the lapsed check
/// </summary>
public class RuleQueryTests : PostgresTestBase
{
    private static readonly DateTime Day = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);
    private const int Coffee = 5;
    private const int Brand = 7;

    private static PurchaseReader Purchases() => new(Database.Repository<Order>(), Database.Repository<OrderItem>(),
        Database.Repository<ProductCategory>(), Database.Repository<ProductManufacturer>());

    [Test]
    public async Task Purchases_of_the_rules_catalog_items_come_from_one_query()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(4));
        var coffee = await CatalogSeeder.AddProductAsync(Database, categoryIds: [Coffee]);
        var branded = await CatalogSeeder.AddProductAsync(Database, manufacturerIds: [Brand]);
        var tea = await CatalogSeeder.AddProductAsync(Database);
        //1: coffee paid; 2: coffee unpaid (placed only) and branded paid; 3: coffee in a cancelled order and tea paid; 4: nothing
        await CatalogSeeder.AddOrderItemAsync(Database, await CustomerSeeder.AddOrderAsync(Database, 1, 10m, Day), coffee);
        await CatalogSeeder.AddOrderItemAsync(Database, await CustomerSeeder.AddOrderAsync(Database, 2, 10m, Day, paymentStatusId: 10), coffee);
        await CatalogSeeder.AddOrderItemAsync(Database, await CustomerSeeder.AddOrderAsync(Database, 2, 10m, Day), branded);
        await CatalogSeeder.AddOrderItemAsync(Database, await CustomerSeeder.AddOrderAsync(Database, 3, 10m, Day, orderStatusId: (int)OrderStatus.Cancelled), coffee);
        await CatalogSeeder.AddOrderItemAsync(Database, await CustomerSeeder.AddOrderAsync(Database, 3, 10m, Day), tea);
        IcontactRule[] rules =
        [
            new() { Trigger = RuleTrigger.OrderPlaced, CategoryIds = [Coffee], ListId = "1" },
            new() { Trigger = RuleTrigger.OrderPaid, ManufacturerIds = [Brand], ProductIds = [tea], ListId = "2" },
            new() { Trigger = RuleTrigger.OrderPaid, ListId = "3" }
        ];
        var before = Database.Commands;

        var bought = await Purchases().GetManyAsync([1, 2, 3, 4], storeId: 1, rules);

        Assert.That(Database.Commands - before, Is.EqualTo(1));
        string[] Keys(IReadOnlySet<string> keys) => keys.OrderBy(key => key).ToArray();
        Assert.That((Keys(bought[1].Placed), Keys(bought[1].Paid)), Is.EqualTo((new[] { "*", "c5" }, new[] { "*", "c5" })));
        Assert.That((Keys(bought[2].Placed), Keys(bought[2].Paid)), Is.EqualTo((new[] { "*", "c5", "m7" }, new[] { "*", "m7" })));
        Assert.That((Keys(bought[3].Placed), Keys(bought[3].Paid)), Is.EqualTo((new[] { "*", $"p{tea}" }, new[] { "*", $"p{tea}" })), "a cancelled order counts for nothing");
        Assert.That(bought[4], Is.EqualTo(PurchaseFacts.None));
    }

    [Test]
    public async Task The_lapsed_candidates_come_from_one_query_that_leaves_out_those_already_handled()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(6) { SecondRoleEvery = 0 });
        var now = Day.AddDays(400);
        var clock = new ManualTimeProvider(new DateTimeOffset(now));
        //1: lapsed; 2: ordered recently too; 3: lapsed but on the list; 4: lapsed, change queued after the last order;
        //5: lapsed, change queued before the last order (an earlier lapse); 6: never ordered
        foreach (var customerId in new[] { 1, 2, 3, 4, 5 })
            await CustomerSeeder.AddOrderAsync(Database, customerId, 10m, Day);
        await CustomerSeeder.AddOrderAsync(Database, 2, 10m, now.AddDays(-10));
        await Database.Repository<IcontactSubscriber>().InsertAsync(new IcontactSubscriber { StoreId = 1, CustomerId = 3, Email = "bulk3@example.com", ListIds = "8,77", UpdatedOnUtc = now });
        await Database.Repository<IcontactQueueItem>().InsertAsync(new IcontactQueueItem
        {
            StoreId = 1, CustomerId = 4, Email = "bulk4@example.com", ListId = "77", Operation = QueueOperation.Subscribe, State = QueueItemState.LeftAlone,
            CreatedOnUtc = Day.AddDays(200), NextAttemptOnUtc = Day.AddDays(200)
        });
        await Database.Repository<IcontactQueueItem>().InsertAsync(new IcontactQueueItem
        {
            StoreId = 1, CustomerId = 5, Email = "bulk5@example.com", ListId = "77", Operation = QueueOperation.Subscribe, State = QueueItemState.Done,
            CreatedOnUtc = Day.AddDays(-1), NextAttemptOnUtc = Day.AddDays(-1)
        });
        var service = new LapsedCustomerService(null, null, Database.Repository<Customer>(), Database.Repository<CustomerCustomerRoleMapping>(),
            Database.Repository<Order>(), null, null,
            new QueueAdminService(null, Database.Repository<IcontactQueueItem>(), clock),
            new SubscriberService(Database.Repository<IcontactSubscriber>(), clock), null, clock);
        var rule = new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], LapsedDays = 180, ListId = "77" };
        var before = Database.Commands;

        var candidates = await Database.Repository<Customer>().GetAllAsync(_ => service.Candidates(rule, 1, 0));

        Assert.That(Database.Commands - before, Is.EqualTo(1));
        Assert.That(candidates.Select(c => c.Id), Is.EqualTo(new[] { 1, 5 }));
        Assert.That((await Database.Repository<Customer>().GetAllAsync(_ => service.Candidates(rule with { CustomerRoleIds = [6] }, 1, 0))), Is.Empty, "roles in the query");
        Assert.That((await Database.Repository<Customer>().GetAllAsync(_ => service.Candidates(rule, 1, 1))).Select(c => c.Id), Is.EqualTo(new[] { 5 }), "by key");
    }
}
