using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Issue 9: a database outage (#1), two nodes claiming at once (#8), the schedule task's time limits (#10), and a plugin
/// uninstalled or never installed (#13)
/// </summary>
public class PlatformFailureTests : PipelineTestBase
{
    private bool _databaseDown;

    /// <summary>
    /// The platform logger while the database is down (imitates 4.90.6 DefaultLogger.ErrorAsync → InsertLogAsync →
    /// IRepository&lt;Log&gt;.InsertAsync, which throws when the database cannot be reached)
    /// </summary>
    private Mock<ILogger> DatabaseLogger()
    {
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns(() => _databaseDown ? Task.FromException(new InvalidOperationException("could not connect to server")) : Task.CompletedTask);
        return logger;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        //a hang guard, not a timing assertion
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }

    [Test]
    public async Task A_database_outage_does_not_stop_the_worker_which_resumes_when_the_database_is_back()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));
        var logger = DatabaseLogger();
        var services = new ServiceCollection();
        //every pass needs the database: resolving the runner's settings and repositories fails while it is down
        services.AddScoped<SynchronizationRunner>(_ => _databaseDown ? throw new InvalidOperationException("could not connect to server") : Runner());
        services.AddScoped(_ => Resolve<InstallationGuard>());
        services.AddSingleton(logger.Object);
        await using var provider = services.BuildServiceProvider();
        var worker = new DeliveryWorker(Signal, provider.GetRequiredService<IServiceScopeFactory>())
        {
            IdleInterval = TimeSpan.FromMilliseconds(200), FailureDelay = TimeSpan.FromMilliseconds(1)
        };

        _databaseDown = true;
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => worker.ConsecutiveFailures >= 3);
            Assert.That(worker.ConsecutiveFailures, Is.GreaterThanOrEqualTo(3));
            Assert.That(worker.ExecuteTask!.IsCompleted, Is.False, "the hosted service is still running");
            logger.Verify(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()), Times.AtLeastOnce());

            _databaseDown = false;
            Signal.Notify();
            await WaitUntilAsync(() => Queue.Items.All(i => i.State == QueueItemState.Done));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.That(worker.ExecuteTask!.IsFaulted, Is.False);
        Assert.That(worker.ConsecutiveFailures, Is.Zero);
        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task Only_one_of_many_concurrent_claimants_gets_a_lease()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Resolve<IcontactLeaseService>().TryAcquireAsync("slot", TimeSpan.FromMinutes(1)))));

        Assert.That(tokens.Count(t => t is not null), Is.EqualTo(1));
        Assert.That(await Resolve<IcontactLeaseService>().TryAcquireAsync("slot", TimeSpan.FromMinutes(1)), Is.Null, "held");

        //released: free again; lapsed: taken over
        await Resolve<IcontactLeaseService>().ReleaseAsync("slot", tokens.Single(t => t is not null));
        Assert.That(await Resolve<IcontactLeaseService>().TryAcquireAsync("slot", TimeSpan.FromMinutes(1)), Is.Not.Null);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await Resolve<IcontactLeaseService>().TryAcquireAsync("slot", TimeSpan.FromMinutes(1)), Is.Not.Null);
    }

    [Test]
    public async Task Two_nodes_claiming_concurrently_deliver_every_item_exactly_once()
    {
        var consumer = Consumer();
        for (var i = 0; i < 400; i++)
            await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer($"c{i}@example.com")));
        Settings[StoreId].BatchSize = 20;

        //two nodes: their own services, lockers over one "distributed cache", one database
        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(node => Task.Run(async () =>
        {
            var queue = Resolve<DeliveryQueue>();
            var held = new List<int>();
            for (var round = 0; round < 40; round++)
            {
                var claimed = await queue.ClaimAsync(StoreId, 20, $"node-{node}", TimeSpan.FromMinutes(5));
                held.AddRange(claimed.Items.Select(item => item.Id));
                await queue.CompleteAsync(claimed.Items);
                await queue.EndClaimAsync(claimed);
            }
            return held;
        })));

        var all = claims.SelectMany(ids => ids).ToList();
        Assert.That(all, Is.Unique, "no item claimed by both nodes");
        Assert.That(all, Has.Count.EqualTo(400));
    }

    [Test]
    public async Task A_schedule_task_run_stops_starting_work_when_its_time_budget_is_used()
    {
        var consumer = Consumer();
        for (var i = 0; i < 200; i++)
            await consumer.HandleEventAsync(new CustomerRegisteredEvent(NewCustomer($"c{i}@example.com")));
        Settings[StoreId].BatchSize = 10;
        var scope = Provider.CreateScope().ServiceProvider;
        //every pass takes 20 s (iContact slow): the platform's client gives up after 100 s
        var slow = ActivatorUtilities.CreateInstance<SlowDelivery>(scope, Clock);
        var runner = new SynchronizationRunner(scope.GetRequiredService<BulkSyncService>(), slow, scope.GetRequiredService<InboundChangeService>(), Clock);
        var started = Clock.GetUtcNow();

        await runner.DrainAsync(maxRounds: 1_000, budget: IcontactDefaults.TaskRunBudget);

        Assert.That(IcontactDefaults.TaskRunBudget, Is.LessThan(TimeSpan.FromSeconds(100)));
        Assert.That(Clock.GetUtcNow() - started, Is.LessThan(IcontactDefaults.TaskRunBudget + TimeSpan.FromSeconds(20)), "the last pass started inside the budget");
        Assert.That(slow.Passes, Is.EqualTo(3));
        Assert.That(Queue.Items.Count(i => i.State == QueueItemState.Pending), Is.EqualTo(200 - 30), "the rest waits for the next run");
    }

    private class SlowDelivery(ManualTimeProvider clock, BatchDelivery batchDelivery, DeliveryQueue deliveryQueue, ErrorDescriber errorDescriber, IcontactGateway gateway,
        ILogger logger, Nop.Services.Configuration.ISettingService settingService, StatusService statusService)
        : DeliveryService(batchDelivery, deliveryQueue, errorDescriber, gateway, logger, settingService, statusService, clock)
    {
        public int Passes { get; private set; }

        public override async Task<DeliveryPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
        {
            Passes++;
            var result = await base.RunOnceAsync(cancellationToken);
            clock.Advance(TimeSpan.FromSeconds(20));
            return result;
        }
    }

    [Test]
    public async Task After_an_uninstall_consumers_worker_and_task_do_nothing()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));
        var services = new ServiceCollection();
        services.AddScoped(_ => Runner());
        services.AddScoped(_ => Resolve<InstallationGuard>());
        var logger = new Mock<ILogger>();
        services.AddSingleton(logger.Object);
        await using var provider = services.BuildServiceProvider();
        var worker = new DeliveryWorker(Signal, provider.GetRequiredService<IServiceScopeFactory>());

        //uninstalled mid-run: the platform flips the descriptor and the down migration drops the tables
        Descriptor.Installed = false;
        Queue.Dropped = Subscribers.Dropped = Statuses.Dropped = Runs.Dropped = RequestCounts.Dropped = Leases.Dropped = true;

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("bob@example.com")));
        await Consumer().HandleEventAsync(new CustomerActivatedEvent(Customers.Values.First()));
        var (result, failed) = await worker.TryDeliverAsync(CancellationToken.None);
        await new SynchronizationTask(Settings[StoreId], Resolve<InstallationGuard>(), Resolve<LapsedCustomerService>(), QueueAdmin(), Status(), Runner(), Clock, Reconciler()).ExecuteAsync();

        Assert.That((result, failed), Is.EqualTo((DeliveryPassResult.None, false)));
        logger.Verify(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()), Times.Never());
        Assert.That(EmulatorSubscriptions(), Is.Empty);
    }
}
