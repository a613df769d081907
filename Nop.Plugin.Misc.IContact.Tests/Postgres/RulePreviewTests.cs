using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// The preview counts issue 11's rules (triggers, catalog filter, spent, count, lapsed, rules without roles) with
/// aggregate queries that translate on PostgreSQL
/// </summary>
public class RulePreviewTests : PostgresTestBase
{
    private const int Coffee = 5;

    private static ServiceProvider Graph(params IcontactRule[] rules)
    {
        PostgresGraph.SeedRulesAsync(Database, rules).GetAwaiter().GetResult();
        return PostgresStoreGraph.BuildForStore(Database, new IcontactSettings());
    }

    [Test]
    public async Task Preview_counts_the_customers_each_new_condition_takes()
    {
        //10 customers, all Registered; newsletter rows for the even ones
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(10) { SecondRoleEvery = 0 });
        var now = DateTime.UtcNow;
        var coffee = await CatalogSeeder.AddProductAsync(Database, categoryIds: [Coffee]);
        //1: paid 600 with coffee; 2: paid 100 and a pending 450; 3: paid 50, 200 days ago (lapsed); 5: only a cancelled 1000
        await CatalogSeeder.AddOrderItemAsync(Database, await CustomerSeeder.AddOrderAsync(Database, 1, 600m, now.AddDays(-1)), coffee);
        await CustomerSeeder.AddOrderAsync(Database, 2, 100m, now.AddDays(-2));
        await CustomerSeeder.AddOrderAsync(Database, 2, 450m, now.AddDays(-1), paymentStatusId: 10);
        await CustomerSeeder.AddOrderAsync(Database, 3, 50m, now.AddDays(-200));
        await CustomerSeeder.AddOrderAsync(Database, 5, 1000m, now.AddDays(-1), orderStatusId: (int)OrderStatus.Cancelled);
        using var graph = Graph(
            new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinTotalSpent = 500m, ListId = "1", ListName = "VIP" },
            new IcontactRule { Trigger = RuleTrigger.OrderPlaced, CategoryIds = [Coffee], ListId = "2", ListName = "Coffee lovers" },
            new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], LapsedDays = 180, ListId = "3", ListName = "Win-back" },
            new IcontactRule { Trigger = RuleTrigger.OrderPlaced, MinOrderCount = 2, ListId = "4", ListName = "Regulars" },
            new IcontactRule { Trigger = RuleTrigger.NewsletterSubscribers, ListId = "5", ListName = "Newsletter" });

        var previews = await graph.Resolve<SyncPreviewService>().PreviewAsync(0);

        Assert.That(previews.Select(p => (p.Rule.ListName, p.Subscribe)), Is.EqualTo(new[]
        {
            ("VIP", 1), ("Coffee lovers", 1), ("Win-back", 1), ("Regulars", 1), ("Newsletter", 5)
        }));
    }
}
