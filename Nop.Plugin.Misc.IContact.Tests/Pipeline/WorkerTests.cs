using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// The background worker delivers what an enqueue signalled, without waiting for the schedule task
/// </summary>
public class WorkerTests : PipelineTestBase
{
    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => Runner());
        services.AddScoped(_ => Resolve<InstallationGuard>());
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task An_enqueue_wakes_the_worker_which_delivers()
    {
        await using var provider = Services();
        var worker = new DeliveryWorker(Signal, provider.GetRequiredService<IServiceScopeFactory>()) { IdleInterval = TimeSpan.FromHours(1) };
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

            //a hang guard, not a timing assertion: the worker sleeps an hour unless the enqueue woke it
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Queue.Items.Any(i => i.State != QueueItemState.Done) && DateTime.UtcNow < deadline)
                await Task.Delay(50);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_failing_pass_does_not_stop_the_worker()
    {
        var calls = 0;
        var services = new ServiceCollection();
        services.AddScoped<SynchronizationRunner>(_ => ++calls == 1 ? throw new InvalidOperationException("database not ready") : Runner());
        services.AddScoped(_ => Resolve<InstallationGuard>());
        await using var provider = services.BuildServiceProvider();
        var worker = new DeliveryWorker(Signal, provider.GetRequiredService<IServiceScopeFactory>());
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));

        var first = await worker.DeliverAsync(CancellationToken.None);
        var second = await worker.DeliverAsync(CancellationToken.None);

        Assert.That(first, Is.EqualTo(DeliveryPassResult.None));
        Assert.That(second.Delivered, Is.EqualTo(1));
    }

    [Test]
    public async Task The_schedule_task_delivers_and_purges_old_delivered_items()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));
        await Queue.InsertAsync(new IcontactQueueItem { Email = "old@example.com", State = QueueItemState.Done, UpdatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-60) });

        await new SynchronizationTask(Settings[StoreId], Resolve<InstallationGuard>(), Resolve<LapsedCustomerService>(), QueueAdmin(), Status(), Runner(), Clock, Reconciler()).ExecuteAsync();

        Assert.That(StatusOn("ann@example.com", CustomersListId), Is.EqualTo("normal"));
        Assert.That(Queue.Items.Select(i => i.Email), Does.Not.Contain("old@example.com"));
    }
}
