using System.Diagnostics;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// Bulk synchronisation against a real PostgreSQL (private cluster, the platform's tables, seeded customers) and the
/// emulator answering in 20 ms: the plugin's Preview and Synchronize end to end (reading, queueing, delivery), side by
/// side with the per-customer baseline (<see cref="BaselineBulkSync"/>, timed on sample pages and scaled)
/// </summary>
public static class PostgresBench
{
    public static async Task<List<(string Scenario, string Measure, string Ours, string Baseline, string Ratio)>> RunAsync(EmulatorProcess emulator, int customers, int samplePages)
    {
        var rows = new List<(string, string, string, string, string)>();
        using var cluster = PostgresCluster.Start();
        var database = await PostgresDatabase.CreateAsync(cluster);
        var seeding = await CustomerSeeder.SeedAsync(database, new SeedPlan(customers) { ConsentEvery = 3 });
        Console.WriteLine($"PostgreSQL cluster on 127.0.0.1:{cluster.Port}: started in {cluster.StartupTime.TotalSeconds:N1} s, {customers:N0} customers seeded in {seeding.TotalSeconds:N1} s");

        //2 rules: every registered customer joins Customers; wholesale customers (every 2nd) with consent (every 3rd) join Newsletter
        var bench = await Bench.CreateAsync(emulator, latencyMs: 20, lists: ["Customers", "Newsletter"], consentList: true);
        List<IcontactRule> rules =
        [
            new() { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = bench.ListIds[0], ListName = "Customers" },
            new() { CustomerRoleIds = [6], RequireNewsletter = true, ListId = bench.ListIds[1], ListName = "Newsletter" }
        ];
        await PostgresGraph.SeedRulesAsync(database, rules);
        using var graph = PostgresBulkRun.Graph(database, bench);
        var platform = new PostgresCustomerService(database);
        var pageSize = IcontactDefaults.BulkPageSize;
        var pages = (int)Math.Ceiling(customers / (double)pageSize);

        //Preview: ours in full; the baseline on the first pages and the last one (offset paging slows towards the end), scaled
        var stats = await emulator.StatsAsync();
        var commands = database.Commands;
        var watch = Stopwatch.StartNew();
        var previews = await graph.Resolve<SyncPreviewService>().PreviewAsync(0);
        var previewSeconds = watch.Elapsed.TotalSeconds;
        var previewCommands = database.Commands - commands;
        var previewCalls = (await emulator.StatsAsync()).RequestCount - stats.RequestCount;

        var baseline = new BaselineBulkSync(platform, platform, graph.Resolve<SubscriberService>(), database.Repository<IcontactQueueItem>(), bench.Store.Settings, rules);
        var baselinePreviews = rules.Select(rule => new RulePreview(rule)).ToList();
        commands = database.Commands;
        watch.Restart();
        for (var page = 0; page < samplePages; page++)
            await baseline.PreviewPageAsync(0, page, baselinePreviews);
        var firstPages = watch.Elapsed.TotalSeconds / samplePages;
        watch.Restart();
        await baseline.PreviewPageAsync(0, pages - 1, baselinePreviews);
        var lastPage = watch.Elapsed.TotalSeconds;
        var baselinePreviewCommands = (database.Commands - commands) / (samplePages + 1.0);
        var baselinePreview = (firstPages + lastPage) / 2 * pages;

        //Synchronize end to end: start, then the runner's alternation of bulk steps and delivery passes until the run completes
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(true);
        var peak = memoryBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });
        stats = await emulator.StatsAsync();
        var times = await PostgresBulkRun.SynchronizeAsync(database, graph);
        var syncSeconds = times.Seconds;
        sampling.Cancel();
        await sampler;
        var after = await emulator.StatsAsync();
        var syncCalls = after.RequestCount - stats.RequestCount;
        var contactPosts = after.Op("POST contacts") - stats.Op("POST contacts");
        var subscriptionPosts = after.Op("POST subscriptions") - stats.Op("POST subscriptions");
        var finished = times.Run;
        var delivered = (await graph.Resolve<BulkSyncService>().GetProgressAsync(finished)).Delivered;

        //the baseline's reading and queueing on sample pages (the queue emptied between pages, outside the clock), scaled
        var createdTo = DateTime.UtcNow;
        await database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"; DELETE FROM \"IcontactSubscriber\"");
        var baselineStep = TimeSpan.Zero;
        commands = database.Commands;
        long baselineStepCommands = 0;
        foreach (var page in Enumerable.Range(0, samplePages).Append(pages - 1))
        {
            commands = database.Commands;
            watch.Restart();
            await baseline.StepAsync(0, createdTo, page);
            baselineStep += watch.Elapsed;
            baselineStepCommands += database.Commands - commands;
            await database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"");
        }

        var baselineReading = baselineStep.TotalSeconds / (samplePages + 1) * pages;
        var baselineSync = baselineReading + times.DeliverySeconds;
        var ourCommandsPerPage = times.CommandsPerPage;
        var baselineCommandsPerPage = baselineStepCommands / (double)(samplePages + 1);
        var contacts = customers;

        rows.Add(($"4 bulk sync on PostgreSQL 15, {customers:N0} customers, 2 rules", "Preview s", previewSeconds.ToString("N1"), $"{baselinePreview:N0} (scaled from {samplePages + 1} pages)", Ratio(baselinePreview, previewSeconds)));
        rows.Add(("  (iContact emulator at 20 ms per request)", "Preview DB round trips", previewCommands.ToString("N0"), $"{baselinePreviewCommands * pages:N0} (scaled)", Ratio(baselinePreviewCommands * pages, previewCommands)));
        rows.Add(("", "Preview API calls", previewCalls.ToString("N0"), previewCalls.ToString("N0"), ""));
        rows.Add(("", "Synchronize end to end s", syncSeconds.ToString("N1"), $"{baselineSync:N0} (reading scaled + our delivery)", Ratio(baselineSync, syncSeconds)));
        rows.Add(("", "of which reading + queueing s", times.StepSeconds.ToString("N1"), $"{baselineReading:N0} (scaled)", Ratio(baselineReading, times.StepSeconds)));
        rows.Add(("", "of which delivering s", times.DeliverySeconds.ToString("N1"), "", ""));
        rows.Add(("", $"DB round trips per page of {pageSize}", ourCommandsPerPage.ToString("N1"), baselineCommandsPerPage.ToString("N0"), Ratio(baselineCommandsPerPage, ourCommandsPerPage)));
        rows.Add(("", "API calls (synchronize)", syncCalls.ToString("N0"), "", ""));
        rows.Add(("", "contacts per contacts call", (contacts / Math.Max(contactPosts, 1.0)).ToString("N0"), "", ""));
        rows.Add(("", "memberships per subscriptions call", (delivered / Math.Max(subscriptionPosts, 1.0)).ToString("N0"), "", ""));
        rows.Add(("", "peak managed memory growth MB", ((peak - memoryBefore) / 1048576.0).ToString("N1"), "", ""));
        rows.Add(("", "customers read / items delivered", $"{finished.CustomersRead:N0} / {delivered:N0}", "", ""));
        rows.Add(("", "Preview subscribe (Customers, Newsletter)", $"{previews[0].Subscribe:N0}, {previews[1].Subscribe:N0}", "", ""));
        return rows;
    }

    private static string Ratio(double baseline, double ours) => ours <= 0 ? "" : $"{baseline / ours:N1}x";
}
