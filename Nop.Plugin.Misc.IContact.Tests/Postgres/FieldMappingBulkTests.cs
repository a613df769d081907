using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// Mapped order statistics in a bulk page on PostgreSQL: one grouped query per page, never one per customer
/// </summary>
public class FieldMappingBulkTests : PostgresTestBase
{
    private const int Customers = 1_200;
    private static readonly DateTime Newest = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly FieldMapping[] OrderMappings =
    [
        new(FieldSource.OrderCount, "ordercount"), new(FieldSource.TotalSpent, "totalspent"), new(FieldSource.FirstOrderDate, "firstorder"),
        new(FieldSource.LastOrderDate, "lastorder"), new(FieldSource.LastOrderTotal, "lastordertotal")
    ];

    private static ServiceProvider Graph(IcontactSettings settings)
    {
        return PostgresStoreGraph.BuildForStore(Database, settings);
    }

    private static async Task<long> StepCommandsAsync(ServiceProvider graph, IcontactSyncRun run, IcontactSettings settings)
    {
        //the mappings are cached: read them before counting, as every page but a run's first finds them
        await graph.Resolve<FieldMappingService>().GetAsync(0, settings);
        var before = Database.Commands;
        Assert.That(await graph.Resolve<BulkSyncService>().StepAsync(run), Is.True);
        return Database.Commands - before;
    }

    [Test]
    public async Task MappedOrderStatisticsCostABulkPageOneGroupedQuery()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers));
        await CustomerSeeder.SeedOrdersAsync(Database, orders: 3 * Customers, customers: Customers / 2, Newest);
        await PostgresGraph.SeedRulesAsync(Database, [new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = "10", ListName = "Customers" }]);
        var settings = new IcontactSettings { BatchSize = 1000 };
        using var graph = Graph(settings);
        var run = await graph.Resolve<BulkSyncService>().StartAsync(0);

        var withoutStatistics = await StepCommandsAsync(graph, run, settings);
        await graph.Resolve<FieldMappingService>().SaveAsync(0, [.. FieldMappingService.DefaultMappings(settings), .. OrderMappings]);
        var withStatistics = await StepCommandsAsync(graph, run, settings);

        Assert.That(withStatistics - withoutStatistics, Is.EqualTo(1), "one statistics query for the page's 500 customers");
        var second = (await Database.Repository<IcontactQueueItem>().GetAllAsync(query => query.Where(i => i.CustomerId == 501))).Single();
        var expected = await new OrderStatisticsReader(Database.Repository<Order>()).GetAsync(501, 0);
        var contact = JsonDocument.Parse(second.ContactJson).RootElement;
        Assert.That(expected.OrderCount, Is.GreaterThan(0), "the sample customer has orders");
        Assert.Multiple(() =>
        {
            Assert.That(contact.GetProperty("ordercount").GetString(), Is.EqualTo(expected.OrderCount.ToString()));
            Assert.That(contact.GetProperty("totalspent").GetString(), Is.EqualTo(FieldValues.Amount(expected.TotalSpent)));
            Assert.That(contact.GetProperty("lastorder").GetString(), Is.EqualTo(FieldValues.Date(expected.LastOrderUtc)));
            Assert.That(contact.GetProperty("firstName").GetString(), Is.EqualTo("First501"));
        });
        Assert.That(second.FieldsVersion, Is.EqualTo((await graph.Resolve<FieldMappingService>().GetAsync(0, settings)).Version));
    }
}
