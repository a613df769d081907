using System.Diagnostics;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// Today's bulk synchronisation against a real PostgreSQL (private cluster, the platform's tables, seeded customers):
/// Preview over every customer and Synchronize page by page, timed, with the database round trips each costs
/// </summary>
public static class PostgresBench
{
    public static async Task<List<(string Scenario, string Measure, string Ours, string Baseline, string Ratio)>> RunAsync(int customers, int pages)
    {
        var rows = new List<(string, string, string, string, string)>();
        var startWatch = Stopwatch.StartNew();
        using var cluster = PostgresCluster.Start();
        var database = await PostgresDatabase.CreateAsync(cluster);
        var started = startWatch.Elapsed;
        var seeding = await CustomerSeeder.SeedAsync(database, new SeedPlan(customers) { ConsentEvery = 3 });
        Console.WriteLine($"PostgreSQL cluster on 127.0.0.1:{cluster.Port}: initdb + start {cluster.StartupTime.TotalSeconds:N1} s, tables {(started - cluster.StartupTime).TotalSeconds:N1} s, "
            + $"{customers:N0} customers seeded in {seeding.TotalSeconds:N1} s");

        //2 rules over 2 roles: every registered customer joins Customers; wholesale customers (every 2nd) with newsletter consent
        //(every 3rd customer) join Newsletter
        var store = new FakeStore
        {
            Settings = new IcontactSettings
            {
                RulesJson = RuleStorage.Serialize([
                    new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = "10", ListName = "Customers" },
                    new IcontactRule { CustomerRoleIds = [6], RequireNewsletter = true, ListId = "20", ListName = "Newsletter" }
                ])
            }
        };
        var service = new PostgresCustomerService(database);
        var queueRepository = database.Repository<IcontactQueueItem>();
        var bulk = new BulkSyncService(service, service, database.Repository<IcontactSyncRun>(), store,
            new QueueService(new DeliverySignal(), new InProcessLocker(), queueRepository, TimeProvider.System),
            new SubscriberService(database.Repository<IcontactSubscriber>(), TimeProvider.System), TimeProvider.System);

        //Preview: every customer, as the configure page asks for it
        var commands = database.Commands;
        var watch = Stopwatch.StartNew();
        var previews = await bulk.PreviewAsync(0, new Dictionary<string, ISet<string>>());
        watch.Stop();
        var previewCommands = database.Commands - commands;
        var previewSeconds = watch.Elapsed.TotalSeconds;

        //Synchronize: start (a count), then pages; the queue is emptied between pages outside the clock, as delivery would
        commands = database.Commands;
        watch.Restart();
        var run = await bulk.StartAsync(0);
        watch.Stop();
        var startCommands = database.Commands - commands;
        var startSeconds = watch.Elapsed.TotalSeconds;
        var stepTime = TimeSpan.Zero;
        long stepCommands = 0;
        var queued = 0;
        for (var page = 0; page < pages; page++)
        {
            commands = database.Commands;
            watch.Restart();
            await bulk.StepAsync(run);
            stepTime += watch.Elapsed;
            stepCommands += database.Commands - commands;
            queued = run.ItemsQueued;
            await database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"");
        }

        //the last page: offset paging reads past every earlier customer first
        var pageSize = IcontactDefaults.BulkPageSize;
        run.NextPageIndex = (int)Math.Ceiling(customers / (double)pageSize) - 1;
        commands = database.Commands;
        watch.Restart();
        await bulk.StepAsync(run);
        var lastPageSeconds = watch.Elapsed.TotalSeconds;
        var lastPageCommands = database.Commands - commands;

        var perPage = stepTime.TotalSeconds / pages;
        rows.Add(($"4 bulk sync on PostgreSQL 15, {customers:N0} customers", "seeding s", seeding.TotalSeconds.ToString("N1"), "", ""));
        rows.Add(("  (per-customer path: today's code)", "cluster start s", cluster.StartupTime.TotalSeconds.ToString("N1"), "", ""));
        rows.Add(("", "Preview s", previewSeconds.ToString("N1"), "", ""));
        rows.Add(("", "Preview round trips", previewCommands.ToString("N0"), "", ""));
        rows.Add(("", "Preview customers/s", (customers / previewSeconds).ToString("N0"), "", ""));
        rows.Add(("", "Synchronize start (count) round trips", startCommands.ToString("N0"), $"{startSeconds:N2} s", ""));
        rows.Add(("", $"Synchronize s per page of {pageSize} (avg of {pages})", perPage.ToString("N2"), "", ""));
        rows.Add(("", "Synchronize round trips per page", (stepCommands / (double)pages).ToString("N0"), "", ""));
        rows.Add(("", "Synchronize customers/s (reading+queueing)", (pageSize / perPage).ToString("N0"), "", ""));
        rows.Add(("", "Synchronize s / round trips, last page", $"{lastPageSeconds:N2} / {lastPageCommands:N0}", "", ""));
        rows.Add(("", $"Synchronize s for {customers:N0} (first and last page avg)",
            ((perPage + lastPageSeconds) / 2 * Math.Ceiling(customers / (double)pageSize)).ToString("N0"), "", ""));
        rows.Add(("", "queue rows per page", (queued / (double)pages).ToString("N0"), "", ""));
        rows.Add(("", "Preview subscribe (Customers, Newsletter)", $"{previews[0].Subscribe:N0}, {previews[1].Subscribe:N0}", "", ""));
        return rows;
    }
}
