using Moq;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// Two nodes (or a bulk page and a live event) queueing at once through the platform-like repository
/// </summary>
public class QueueConcurrencyTests : PostgresTestBase
{
    private static List<IcontactQueueItem> Changes(int from, int count) => Enumerable.Range(from, count).Select(i => new IcontactQueueItem
    {
        StoreId = 1, CustomerId = i, Email = $"c{i}@example.com", ListId = "10", Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal"
    }).ToList();

    private static QueueService Node(EnqueueFallback fallback, Mock<ILogger> logger) =>
        new(new DeliverySignal(), Database.Repository<IcontactQueueItem>(), TimeProvider.System, fallback, logger.Object);

    /// <summary>
    /// Issue 9 defect 6 (regression): the request path used to delete superseded rows and insert the list in two
    /// Serializable transactions (the platform's DeleteAsync(predicate) and InsertAsync(IList)), and concurrent callers over
    /// the same addresses aborted with 40001 "could not serialize access", losing changes. Now single rows, a retried
    /// supersede and a fallback: every change lands, nothing is left for the fallback, nothing is logged.
    /// </summary>
    [Test]
    public async Task ConcurrentEnqueuesOverTheSameAddressesAllLand()
    {
        var fallback = new EnqueueFallback();
        var logger = new Mock<ILogger>();
        for (var round = 0; round < 3; round++)
        {
            await Database.ResetAsync();
            var nodes = Enumerable.Range(0, 4).Select(_ => Node(fallback, logger)).ToList();
            await Task.WhenAll(nodes.Select((node, n) => Task.Run(() => node.EnqueueAsync(Changes(n * 50, 200)))));

            var pending = await Database.Repository<IcontactQueueItem>().GetAllAsync(query => query.Where(item => item.StateId == (int)QueueItemState.Pending));
            Assert.That(pending.Select(item => item.Email).Distinct().Count(), Is.EqualTo(350), "every address of every node is queued");
        }

        Assert.That(fallback.Count, Is.Zero);
        logger.VerifyNoOtherCalls();
    }

    /// <summary>
    /// A bulk page (one list insert) and live enqueues at once: the page is retried on a serialization failure and lands whole
    /// </summary>
    [Test]
    public async Task PageEnqueueBesideLiveEnqueuesLandsWhole()
    {
        var fallback = new EnqueueFallback();
        var logger = new Mock<ILogger>();
        var page = Changes(0, 500);
        await Task.WhenAll(
            Task.Run(() => Node(fallback, logger).EnqueuePageAsync(page)),
            Task.Run(() => Node(fallback, logger).EnqueueAsync(Changes(0, 100))),
            Task.Run(() => Node(fallback, logger).EnqueueAsync(Changes(400, 100))));

        var stored = await Database.Repository<IcontactQueueItem>().GetAllAsync(query => query);
        Assert.That(stored.Select(item => item.Email).Distinct().Count(), Is.EqualTo(500));
        Assert.That(page.All(item => item.Id > 0), Is.True);
        Assert.That(fallback.Count, Is.Zero);
    }
}
