using LinqToDB.Async;
using Moq;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// Today's bulk synchronisation (the per-customer path) runs on PostgreSQL: every query the plugin writes translates,
/// and the numbers match what the rules say. The bench measures this path; the set-based rewrite must keep these answers.
/// </summary>
public class BulkSyncBaselineTests : PostgresTestBase
{
    private const int Customers = 1_200;

    private static BulkSyncService Bulk(IcontactSettings settings)
    {
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>())).ReturnsAsync(settings);
        var customers = new PostgresCustomerService(Database);
        var queue = new QueueService(new DeliverySignal(), new InProcessLocker(), Database.Repository<IcontactQueueItem>(), TimeProvider.System);
        return new BulkSyncService(customers, customers, Database.Repository<IcontactSyncRun>(), settingService.Object, queue,
            new SubscriberService(Database.Repository<IcontactSubscriber>(), TimeProvider.System), TimeProvider.System);
    }

    private static IcontactSettings Settings() => new()
    {
        BatchSize = 1000,
        RulesJson = RuleStorage.Serialize([
            new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = "10", ListName = "Customers" },
            new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], RequireNewsletter = true, ListId = "20", ListName = "Newsletter" }
        ])
    };

    [Test]
    public async Task PreviewCountsEveryCustomerInTheRulesRoles()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers) { InactiveEvery = 100 });

        var previews = await Bulk(Settings()).PreviewAsync(0, new Dictionary<string, ISet<string>>());

        Assert.That(previews[0].Subscribe, Is.EqualTo(Customers - 12));
        Assert.That(previews[0].SkippedInactive, Is.EqualTo(12));
        //consent: every second customer; the inactive ones (every 100th) are even
        Assert.That(previews[1].Subscribe, Is.EqualTo(Customers / 2 - 12));
        Assert.That(previews[1].SkippedNoConsent, Is.EqualTo(Customers / 2));
    }

    [Test]
    public async Task RunQueuesOnePageOfChangesPerStep()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers));
        var bulk = Bulk(Settings());
        var run = await bulk.StartAsync(0);
        run.CreatedToUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        await bulk.StepAsync(run);

        var queued = await Database.Repository<IcontactQueueItem>().Table.ToListAsync();
        Assert.That(run.TotalCustomers, Is.EqualTo(Customers));
        Assert.That(run.CustomersRead, Is.EqualTo(IcontactDefaults.BulkPageSize));
        Assert.That(queued.Count(item => item.ListId == "10"), Is.EqualTo(IcontactDefaults.BulkPageSize));
        Assert.That(queued.Count(item => item.ListId == "20"), Is.EqualTo(IcontactDefaults.BulkPageSize / 2));
        //newest first: the page holds customers 1..500
        Assert.That(queued.Max(item => item.CustomerId), Is.EqualTo(IcontactDefaults.BulkPageSize));
        Assert.That((await Database.Repository<IcontactSyncRun>().GetByIdAsync(run.Id)).NextPageIndex, Is.EqualTo(1));
    }
}
