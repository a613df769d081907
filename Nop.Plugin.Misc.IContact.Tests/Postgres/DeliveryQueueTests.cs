using Moq;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// Delivery's claims and outcomes on a real database: a batch is held by its store's lease row (no write per item) and
/// a bulk run's delivered items leave in one statement
/// </summary>
public class DeliveryQueueTests : PostgresTestBase
{
    private readonly ManualTimeProvider _clock = new();

    private DeliveryQueue Node() =>
        new(new IcontactLeaseService(Database.Repository<IcontactLease>(), _clock), Database.Repository<IcontactQueueItem>(), _clock);

    private async Task<List<IcontactQueueItem>> QueueRunAsync(int count, int syncRunId = 1, int from = 0)
    {
        var items = Enumerable.Range(from, count).Select(i => new IcontactQueueItem
        {
            StoreId = 1, CustomerId = i + 1, Email = $"c{i}@example.com", ListId = "10", Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal", SyncRunId = syncRunId
        }).ToList();
        await new QueueService(new DeliverySignal(), Database.Repository<IcontactQueueItem>(), _clock, new EnqueueFallback(), new Mock<ILogger>().Object).EnqueuePageAsync(items);
        return items;
    }

    private Task<IList<IcontactQueueItem>> RowsAsync() => Database.Repository<IcontactQueueItem>().GetAllAsync(query => query.OrderBy(item => item.Id));

    [Test]
    public async Task Concurrent_claimants_deliver_every_item_exactly_once()
    {
        await QueueRunAsync(600);

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(node => Task.Run(async () =>
        {
            var queue = Node();
            var held = new List<int>();
            for (var round = 0; round < 200 && held.Count < 600; round++)
            {
                var claim = await queue.ClaimAsync(1, 50, $"node-{node}", TimeSpan.FromMinutes(5));
                held.AddRange(claim.Items.Select(item => item.Id));
                await queue.CompleteDeliveredAsync(1, claim.Items);
                if (claim.Items.Count > 0)
                    await queue.EndClaimAsync(claim);
            }
            return held;
        })));

        var all = claims.SelectMany(ids => ids).ToList();
        Assert.That(all, Is.Unique, "no item claimed by two nodes");
        Assert.That(all, Has.Count.EqualTo(600));
        Assert.That(await RowsAsync(), Is.Empty, "delivered items of a run leave the queue");
    }

    [Test]
    public async Task A_batch_claimed_by_a_node_that_crashed_is_claimed_again_once_its_lease_lapses()
    {
        var queued = await QueueRunAsync(3);
        var crashed = await Node().ClaimAsync(1, 10, "crashed", TimeSpan.FromMinutes(5));
        Assert.That(crashed.Items, Has.Count.EqualTo(3));

        Assert.That((await Node().ClaimAsync(1, 10, "other", TimeSpan.FromMinutes(5))).Items, Is.Empty, "the live lease holds the store");
        _clock.Advance(TimeSpan.FromMinutes(6));
        var again = await Node().ClaimAsync(1, 10, "other", TimeSpan.FromMinutes(5));

        Assert.That(again.Items.Select(item => item.Id), Is.EqualTo(queued.Select(item => item.Id)));
        Assert.That((await RowsAsync()).Select(item => item.State), Has.All.EqualTo(QueueItemState.Pending), "a claim writes nothing to its items");
    }

    [Test]
    public async Task Delivering_a_run_removes_its_items_and_older_waiting_changes_of_the_same_address_and_list_in_one_statement()
    {
        //an older live change of c0 in back-off, and a failed one of c1: a newer bulk change of the same list replaces them
        var older = await QueueRunAsync(2, syncRunId: 0);
        older[0].NextAttemptOnUtc = _clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        older[1].State = QueueItemState.Failed;
        await Database.Repository<IcontactQueueItem>().UpdateAsync(older, false);
        var other = await QueueRunAsync(1, syncRunId: 0, from: 5);
        await QueueRunAsync(2);

        var queue = Node();
        var claim = await queue.ClaimAsync(1, 10, "node", TimeSpan.FromMinutes(5));
        var bulk = claim.Items.Where(item => item.SyncRunId > 0).ToList();
        Assert.That(bulk, Has.Count.EqualTo(2));
        var commands = Database.Commands;
        await queue.CompleteDeliveredAsync(1, bulk);

        Assert.That(Database.Commands - commands, Is.EqualTo(1));
        Assert.That((await RowsAsync()).Select(item => item.Id), Is.EqualTo(other.Select(item => item.Id)), "only the other address's change is left");
    }
}
