using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// Order statistics come from one grouped query that linq2db translates on PostgreSQL
/// </summary>
public class OrderStatisticsTests : PostgresTestBase
{
    private static readonly DateTime Day = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task StatisticsCountPlacedOrdersAndSpendPaidOnesLessRefundsInOneQuery()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(3));
        //customer 1: paid 100, partly refunded 50 of 80, pending 30 (counted, not spent), cancelled and deleted ones not counted, another store's not counted
        await CustomerSeeder.AddOrderAsync(Database, 1, 100m, Day);
        await CustomerSeeder.AddOrderAsync(Database, 1, 80m, Day.AddDays(2), paymentStatusId: 35, refunded: 50m);
        await CustomerSeeder.AddOrderAsync(Database, 1, 30m, Day.AddDays(5), paymentStatusId: 10);
        await CustomerSeeder.AddOrderAsync(Database, 1, 999m, Day.AddDays(9), orderStatusId: (int)OrderStatus.Cancelled);
        await CustomerSeeder.AddOrderAsync(Database, 1, 999m, Day.AddDays(9), deleted: true);
        await CustomerSeeder.AddOrderAsync(Database, 1, 999m, Day.AddDays(9), storeId: 2);
        //customer 2: one paid order
        await CustomerSeeder.AddOrderAsync(Database, 2, 12.5m, Day.AddDays(1));
        var reader = new OrderStatisticsReader(Database.Repository<Order>());
        var before = Database.Commands;

        var page = await reader.GetManyAsync([1, 2, 3], storeId: 1);

        Assert.That(Database.Commands - before, Is.EqualTo(1));
        Assert.That(page[1], Is.EqualTo(new OrderStatistics(3, 130m, Day, Day.AddDays(5), 30m)));
        Assert.That(page[2], Is.EqualTo(new OrderStatistics(1, 12.5m, Day.AddDays(1), Day.AddDays(1), 12.5m)));
        Assert.That(page[3], Is.EqualTo(OrderStatistics.None));
        Assert.That((await reader.GetAsync(1, storeId: 0)).OrderCount, Is.EqualTo(4), "every store");
    }

    [Test]
    public async Task TheLastOrderTotalOfOrdersPlacedAtTheSameTimeIsTheNewestOrdersInOneQuery()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(2));
        await CustomerSeeder.AddOrderAsync(Database, 1, 10m, Day);
        await CustomerSeeder.AddOrderAsync(Database, 1, 20m, Day.AddDays(1));
        await CustomerSeeder.AddOrderAsync(Database, 1, 30m, Day.AddDays(1));
        await CustomerSeeder.AddOrderAsync(Database, 1, 999m, Day.AddDays(2), orderStatusId: (int)OrderStatus.Cancelled);
        var reader = new OrderStatisticsReader(Database.Repository<Order>());
        var before = Database.Commands;

        var page = await reader.GetManyAsync([1, 2], storeId: 1);

        Assert.That(Database.Commands - before, Is.EqualTo(1));
        Assert.That(page[1], Is.EqualTo(new OrderStatistics(3, 60m, Day, Day.AddDays(1), 30m)));
        Assert.That(page[2], Is.EqualTo(OrderStatistics.None));
    }
}
