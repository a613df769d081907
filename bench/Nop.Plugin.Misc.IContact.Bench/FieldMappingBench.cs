using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// Bulk synchronisation with five mapped order statistics against a real PostgreSQL (customers and orders seeded
/// server-side) and the emulator answering in 20 ms, side by side with the same run without field mappings: time,
/// database round trips per page, API calls per 250 contacts
/// </summary>
public static class FieldMappingBench
{
    private static readonly FieldMapping[] OrderMappings =
    [
        new(FieldSource.OrderCount, "ordercount"), new(FieldSource.TotalSpent, "totalspent"), new(FieldSource.FirstOrderDate, "firstorder"),
        new(FieldSource.LastOrderDate, "lastorder"), new(FieldSource.LastOrderTotal, "lastordertotal")
    ];

    private record Outcome(double Seconds, double StepSeconds, double DeliverySeconds, double CommandsPerPage, int ApiCalls, int ContactPosts, int Delivered, int CustomersRead);

    public static async Task<List<(string Scenario, string Measure, string Ours, string Baseline, string Ratio)>> RunAsync(EmulatorProcess emulator, int customers, int orders)
    {
        using var cluster = PostgresCluster.Start();
        var database = await PostgresDatabase.CreateAsync(cluster);
        var seeding = await CustomerSeeder.SeedAsync(database, new SeedPlan(customers));
        var orderSeeding = await CustomerSeeder.SeedOrdersAsync(database, orders, customers, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        Console.WriteLine($"PostgreSQL cluster on 127.0.0.1:{cluster.Port}: {customers:N0} customers in {seeding.TotalSeconds:N1} s, {orders:N0} orders in {orderSeeding.TotalSeconds:N1} s");

        var bench = await Bench.CreateAsync(emulator, latencyMs: 20, lists: ["Customers"], consentList: false);
        var client = bench.Client();
        foreach (var mapping in OrderMappings)
            await client.CreateCustomFieldAsync(bench.Folder, mapping.Target, mapping.Target);
        await PostgresGraph.SeedRulesAsync(database, [new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = bench.ListIds[0], ListName = "Customers" }]);
        using var graph = PostgresBulkRun.Graph(database, bench);

        //the same run twice from a clean plugin state: without field mappings (the default ones), then with the five order statistics
        var without = await SynchronizeAsync(emulator, database, graph);
        await database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"; DELETE FROM \"IcontactSubscriber\"; DELETE FROM \"IcontactSyncRun\"");
        await graph.Resolve<FieldMappingService>().SaveAsync(0, [.. FieldMappingService.DefaultMappings(bench.Store.Settings), .. OrderMappings]);
        var with = await SynchronizeAsync(emulator, database, graph);

        string Per250(Outcome o) => (o.ApiCalls * 250.0 / Math.Max(o.Delivered, 1)).ToString("N2");
        var scenario = $"5 bulk sync, {customers:N0} customers, {orders:N0} orders";
        return
        [
            (scenario, "Synchronize end to end s", with.Seconds.ToString("N1"), without.Seconds.ToString("N1"), Ratio(with.Seconds, without.Seconds)),
            ("  (PostgreSQL 15; emulator at 20 ms per request)", "of which reading + queueing s", with.StepSeconds.ToString("N1"), without.StepSeconds.ToString("N1"), Ratio(with.StepSeconds, without.StepSeconds)),
            ("  ours = 5 mapped order statistics", "of which delivering s", with.DeliverySeconds.ToString("N1"), without.DeliverySeconds.ToString("N1"), Ratio(with.DeliverySeconds, without.DeliverySeconds)),
            ("  baseline = no field mappings", $"DB round trips per page of {IcontactDefaults.BulkPageSize}", with.CommandsPerPage.ToString("N1"), without.CommandsPerPage.ToString("N1"), Ratio(with.CommandsPerPage, without.CommandsPerPage)),
            ("", "API calls (synchronize)", with.ApiCalls.ToString("N0"), without.ApiCalls.ToString("N0"), Ratio(with.ApiCalls, without.ApiCalls)),
            ("", "API calls per 250 contacts", Per250(with), Per250(without), ""),
            ("", "contacts requests", with.ContactPosts.ToString("N0"), without.ContactPosts.ToString("N0"), ""),
            ("", "customers read / items delivered", $"{with.CustomersRead:N0} / {with.Delivered:N0}", $"{without.CustomersRead:N0} / {without.Delivered:N0}", "")
        ];
    }

    /// <summary>
    /// Start, then the runner's alternation of bulk steps and delivery passes until the run completes (as PostgresBench)
    /// </summary>
    private static async Task<Outcome> SynchronizeAsync(EmulatorProcess emulator, PostgresDatabase database, ServiceProvider graph)
    {
        var stats = await emulator.StatsAsync();
        var times = await PostgresBulkRun.SynchronizeAsync(database, graph);
        var after = await emulator.StatsAsync();
        var finished = times.Run;
        var delivered = (await graph.Resolve<BulkSyncService>().GetProgressAsync(finished)).Delivered;
        Console.WriteLine($"  run {finished.Id}: {times.Seconds:N1} s, {times.Steps} pages, {delivered:N0} delivered");
        return new Outcome(times.Seconds, times.StepSeconds, times.DeliverySeconds, times.CommandsPerPage,
            after.RequestCount - stats.RequestCount, after.Op("POST contacts") - stats.Op("POST contacts"), delivered, finished.CustomersRead);
    }

    private static string Ratio(double ours, double baseline) => baseline <= 0 ? "" : $"{ours / baseline:N2}x";
}
