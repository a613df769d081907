using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Caching;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// What a Synchronize run measured: the run, its time end to end, the time in bulk steps and in delivery passes, and
/// the commands the steps that read a page sent
/// </summary>
public sealed record BulkRunTimes(IcontactSyncRun Run, double Seconds, double StepSeconds, double DeliverySeconds, long StepCommands, int Steps)
{
    public double CommandsPerPage => StepCommands / (double)Math.Max(Steps, 1);
}

/// <summary>
/// What the PostgreSQL benches share: the plugin's graph over the PostgreSQL repositories and the bench's store, and a
/// Synchronize run driven as the runner drives it
/// </summary>
public static class PostgresBulkRun
{
    /// <summary>
    /// The plugin's graph from NopStartup over the PostgreSQL repositories, the bench's store for the platform's
    /// settings, store, logger, encryption and resources, and the customer and newsletter services on PostgreSQL
    /// </summary>
    public static ServiceProvider Graph(PostgresDatabase database, Bench bench)
    {
        var platform = new PostgresCustomerService(database);
        return PostgresGraph.Build(database, services =>
        {
            services.AddSingleton(TimeProvider.System);
            foreach (var type in new[] { typeof(Nop.Services.Configuration.ISettingService), typeof(Nop.Core.IStoreContext), typeof(Nop.Services.Stores.IStoreService), typeof(Nop.Services.Logging.ILogger),
                typeof(Nop.Services.Security.IEncryptionService), typeof(Nop.Services.Localization.ILocalizationService) })
                services.AddSingleton(type, bench.Store);
            services.AddSingleton<Nop.Services.Customers.ICustomerService>(platform);
            services.AddSingleton<Nop.Services.Messages.INewsLetterSubscriptionService>(platform);
            services.AddSingleton<IStaticCacheManager>(new MemoryStaticCacheManager(TimeProvider.System));
            new FieldPlatformFakes().AddTo(services, withOrders: false);
        });
    }

    /// <summary>
    /// Starts a run for every store, then alternates bulk steps and delivery passes, as the runner does, until it completes
    /// </summary>
    public static async Task<BulkRunTimes> SynchronizeAsync(PostgresDatabase database, ServiceProvider graph)
    {
        var stepTime = new Stopwatch();
        var deliveryTime = new Stopwatch();
        long stepCommands = 0;
        var steps = 0;
        var watch = Stopwatch.StartNew();
        var run = await graph.Resolve<BulkSyncService>().StartAsync(0);
        while ((await database.Repository<IcontactSyncRun>().GetByIdAsync(run.Id)).State != SyncRunState.Completed)
        {
            var bulk = graph.Resolve<BulkSyncService>();
            var current = await bulk.GetActiveRunAsync(0);
            var commands = database.Commands;
            stepTime.Start();
            var stepped = await bulk.StepAsync(current);
            stepTime.Stop();
            if (stepped && current.State == SyncRunState.Running)
            {
                stepCommands += database.Commands - commands;
                steps++;
            }

            deliveryTime.Start();
            await graph.Resolve<SynchronizationRunner>().DeliverUntilIdleAsync(maxPasses: 1);
            deliveryTime.Stop();
        }

        var finished = await database.Repository<IcontactSyncRun>().GetByIdAsync(run.Id);
        return new BulkRunTimes(finished, watch.Elapsed.TotalSeconds, stepTime.Elapsed.TotalSeconds, deliveryTime.Elapsed.TotalSeconds, stepCommands, steps);
    }
}
