using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// The bulk synchronisation's set-based reads and writes on PostgreSQL, through the graph NopStartup builds: every
/// query translates, the counts match the rules, pages go by key, and a step cannot be run twice
/// </summary>
public class BulkSyncTests : PostgresTestBase
{
    private const int Customers = 1_200;
    private const int Page = 500;

    private static ServiceProvider Graph()
    {
        var settings = new IcontactSettings
        {
            BatchSize = 1000
        };
        //the rules once per test (a second graph is the same store after a restart)
        if (Database.Repository<IcontactRuleRecord>().Table.Count() == 0)
            PostgresGraph.SeedRulesAsync(Database, [
                new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = "10", ListName = "Customers" },
                new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], RequireNewsletter = true, ListId = "20", ListName = "Newsletter" }
            ]).GetAwaiter().GetResult();
        return PostgresStoreGraph.BuildForStore(Database, settings);
    }

    private static async Task<IcontactSyncRun> StartAsync(BulkSyncService bulk)
    {
        var run = await bulk.StartAsync(0);
        return run;
    }

    private static Task<IList<IcontactQueueItem>> QueuedAsync() => Database.Repository<IcontactQueueItem>().GetAllAsync(query => query);

    //the queue is emptied between pages, as delivery would
    private static async Task StepToTheEndAsync(BulkSyncService bulk, IcontactSyncRun run, List<IcontactQueueItem> seen, Func<int, Task> betweenPages = null)
    {
        for (var step = 0; run.State == SyncRunState.Running && step < 100; step++)
        {
            await bulk.StepAsync(run);
            seen.AddRange(await QueuedAsync());
            await Database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"");
            if (betweenPages is not null)
                await betweenPages(step);
        }
    }

    [Test]
    public async Task PreviewCountsEveryCustomerInTheRulesRolesWithAggregates()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers) { InactiveEvery = 100, NoEmailEvery = 7 });
        //a customer the plugin already delivered to the Customers list, and one erased (soft-deleted)
        await Database.ExecuteAsync("INSERT INTO \"IcontactSubscriber\" (\"StoreId\", \"CustomerId\", \"Email\", \"ListIds\", \"UpdatedOnUtc\") VALUES (0, 1, 'bulk1@example.com', '10', now())");
        await Database.ExecuteAsync("UPDATE \"Customer\" SET \"Deleted\" = true WHERE \"Id\" = 3");
        using var graph = Graph();
        var commands = Database.Commands;

        var previews = await graph.Resolve<SyncPreviewService>().PreviewAsync(0);

        //1,200 customers − 1 deleted; no email: every 7th; inactive: every 100th that has an email
        var counted = Enumerable.Range(1, Customers).Where(i => i != 3).ToList();
        var noEmail = counted.Count(i => i % 7 == 0);
        var inactive = counted.Count(i => i % 7 != 0 && i % 100 == 0);
        Assert.That(previews[0].SkippedNoEmail, Is.EqualTo(noEmail));
        Assert.That(previews[0].SkippedInactive, Is.EqualTo(inactive));
        Assert.That(previews[0].AlreadySubscribed, Is.EqualTo(1));
        Assert.That(previews[0].Subscribe, Is.EqualTo(counted.Count - noEmail - inactive - 1));
        //consent: every second customer has an active row (its email is set even where the customer's is not)
        var consentFull = Enumerable.Range(1, Customers).Where(i => i != 3 && i % 7 != 0 && i % 100 != 0);
        Assert.That(previews[1].Subscribe, Is.EqualTo(consentFull.Count(i => i % 2 == 0)));
        Assert.That(previews[1].SkippedNoConsent, Is.EqualTo(consentFull.Count(i => i % 2 != 0)));
        Assert.That(Database.Commands - commands, Is.LessThan(40), "aggregate queries, not a walk over the customers");
    }

    [Test]
    public async Task ARunQueuesOnePageByKeyPerStep()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers));
        using var graph = Graph();
        var bulk = graph.Resolve<BulkSyncService>();
        var run = await StartAsync(bulk);
        //the field mappings are read once and cached (not per page): read them before counting a page's round trips
        await graph.Resolve<FieldMappingService>().GetAsync(0, new IcontactSettings());

        var commands = Database.Commands;
        await bulk.StepAsync(run);
        var roundTrips = Database.Commands - commands;

        var queued = await QueuedAsync();
        Assert.That(run.TotalCustomers, Is.EqualTo(Customers));
        Assert.That(queued.Count(item => item.ListId == "10"), Is.EqualTo(Page));
        Assert.That(queued.Count(item => item.ListId == "20"), Is.EqualTo(Page / 2));
        //by key: the page holds customers 1..500
        Assert.That(queued.Max(item => item.CustomerId), Is.EqualTo(Page));
        Assert.That((await Database.Repository<IcontactSyncRun>().GetByIdAsync(run.Id)).LastCustomerId, Is.EqualTo(Page));
        TestContext.Out.WriteLine($"round trips per page: {roundTrips}");
        Assert.That(roundTrips, Is.LessThanOrEqualTo(5), "issue 12: at most five round trips a page");
    }

    /// <summary>
    /// Issue 9 defect 9: the platform pages newest first, so customers registering during a run shifted the pages
    /// (repeats) and deletions pulled customers past the cursor (skips). By key nothing moves.
    /// </summary>
    [Test]
    public async Task CustomersRegisteringOrDeletedWhileARunPagesAreNeitherSkippedNorRepeated()
    {
        var plan = new SeedPlan(Customers);
        await CustomerSeeder.SeedAsync(Database, plan);
        using var graph = Graph();
        var bulk = graph.Resolve<BulkSyncService>();
        var run = await StartAsync(bulk);
        var seen = new List<IcontactQueueItem>();

        await StepToTheEndAsync(bulk, run, seen, async step =>
        {
            if (step != 0)
                return;
            //between the first and second page: 30 registrations within the run's time range, and 20 earlier customers erased
            for (var i = 0; i < 30; i++)
                await CustomerSeeder.AddCustomerAsync(Database, $"late{i}@example.com", plan.NewestCreatedOnUtc.AddMilliseconds(-500 - i), [CustomerSeeder.RegisteredRoleId]);
            await Database.ExecuteAsync("UPDATE \"Customer\" SET \"Deleted\" = true WHERE \"Id\" BETWEEN 1 AND 20");
        });

        var customersList = seen.Where(item => item.ListId == "10").ToList();
        Assert.That(customersList.Select(item => item.CustomerId), Is.Unique, "no customer repeated");
        Assert.That(customersList, Has.Count.EqualTo(Customers + 30), "no customer skipped (the erased ones were read before)");
    }

    [Test]
    public async Task ARunResumedAfterARestartContinuesFromItsStoredKey()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers));
        var seen = new List<IcontactQueueItem>();
        using (var before = Graph())
        {
            var bulk = before.Resolve<BulkSyncService>();
            var run = await StartAsync(bulk);
            await bulk.StepAsync(run);
            seen.AddRange(await QueuedAsync());
            await Database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"");
        }

        //a new process: nothing in memory but the database
        using var after = Graph();
        var resumed = await after.Resolve<BulkSyncService>().GetActiveRunAsync(0);
        Assert.That(resumed.LastCustomerId, Is.EqualTo(Page));
        await StepToTheEndAsync(after.Resolve<BulkSyncService>(), resumed, seen);

        var customersList = seen.Where(item => item.ListId == "10").Select(item => item.CustomerId).ToList();
        Assert.That(customersList, Is.Unique);
        Assert.That(customersList, Is.EquivalentTo(Enumerable.Range(1, Customers)));
    }

    /// <summary>
    /// Issue 9 defect 8 (bulk half): the worker, the schedule task or another node stepping the same run from the same
    /// position: the second finds the stored position moved and queues nothing
    /// </summary>
    [Test]
    public async Task ASecondRunnerOfTheSameStepQueuesNothing()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(Customers));
        using var graph = Graph();
        var run = await StartAsync(graph.Resolve<BulkSyncService>());
        var first = await graph.Resolve<BulkSyncService>().GetActiveRunAsync(0);
        var second = await graph.Resolve<BulkSyncService>().GetActiveRunAsync(0);

        Assert.That(await graph.Resolve<BulkSyncService>().StepAsync(first), Is.True);
        Assert.That(await graph.Resolve<BulkSyncService>().StepAsync(second), Is.False);

        var queued = await QueuedAsync();
        Assert.That(queued.Count(item => item.ListId == "10"), Is.EqualTo(Page));
        Assert.That((await Database.Repository<IcontactSyncRun>().GetByIdAsync(run.Id)).LastCustomerId, Is.EqualTo(Page));
    }
}
