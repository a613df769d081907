using System.Data.Common;
using Moq;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// The duplicate-key error MySqlConnector and SqlClient raise (SQLSTATE 23000, "Duplicate entry")
/// </summary>
public sealed class DuplicateKeyException() : DbException("Duplicate entry for key 'PRIMARY'")
{
    public override string SqlState => "23000";
}

/// <summary>
/// The queue table as nopCommerce 4.90.6 writes it on MySQL/MariaDB and SQL Server: EntityRepository.InsertAsync(IList)
/// → BaseDataProvider.BulkInsertEntitiesAsync numbers the rows max(Id)+1… on the client (linq2db RetrieveIdentity,
/// useSequenceName false) and writes them with KeepIdentity, so a write that overlaps another between its read of the
/// maximum and its write fails with a duplicate key (nothing of the list is kept: it runs in a TransactionScope).
/// Single-row InsertAsync(T) takes its id from the database and always succeeds.
/// </summary>
public sealed class ClientNumberedQueueRepository : InMemoryRepository<IcontactQueueItem>
{
    /// <summary>
    /// Runs between the read of the maximum and the write (a test lets another writer in here)
    /// </summary>
    public Func<Task> BetweenReadAndWrite { get; set; } = () => Task.CompletedTask;

    public int ListInserts { get; private set; }
    public int DuplicateKeys { get; private set; }
    public bool Down { get; set; }

    public override Task InsertAsync(IcontactQueueItem entity, bool publishEvent = true) =>
        Down ? throw new DuplicateKeyException() : base.InsertAsync(entity, publishEvent);

    public override async Task InsertAsync(IList<IcontactQueueItem> entities, bool publishEvent = true)
    {
        ListInserts++;
        var max = MaxId();
        await BetweenReadAndWrite();
        for (var i = 0; i < entities.Count; i++)
            entities[i].Id = max + 1 + i;
        if (!TryAddWithIds(entities))
        {
            DuplicateKeys++;
            throw new DuplicateKeyException();
        }
    }
}

/// <summary>
/// Issue 9 defect 6: enqueues that overlap on MySQL/MariaDB and SQL Server lost changes
/// </summary>
public class EnqueueConcurrencyTests
{
    private static IcontactQueueItem Change(int i) => new()
    {
        StoreId = 1, CustomerId = i, Email = $"c{i}@example.com", ListId = "10", Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal"
    };

    private static QueueService Queue(ClientNumberedQueueRepository repository, EnqueueFallback fallback, ILogger logger) =>
        new(new DeliverySignal(), repository, TimeProvider.System, fallback, logger);

    [Test]
    public async Task RequestPathEnqueuesInsertSingleRowsSoOverlappingShoppersNeverCollide()
    {
        var repository = new ClientNumberedQueueRepository();
        var fallback = new EnqueueFallback();
        var gate = new SemaphoreSlim(0);
        repository.BetweenReadAndWrite = async () => await gate.WaitAsync(TimeSpan.FromMilliseconds(20));

        //30 shoppers registering at once, as in the MariaDB store
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => Queue(repository, fallback, Mock.Of<ILogger>()).EnqueueAsync([Change(i), Change(i + 100)]))));

        Assert.That(repository.Items, Has.Count.EqualTo(60));
        Assert.That(repository.ListInserts, Is.Zero, "the list insert numbers rows on the client");
        Assert.That(fallback.Count, Is.Zero);
    }

    [Test]
    public async Task APageInsertThatCollidesWithALiveEnqueueIsTriedAgainAndLandsWhole()
    {
        var repository = new ClientNumberedQueueRepository();
        var fallback = new EnqueueFallback();
        var queue = Queue(repository, fallback, Mock.Of<ILogger>());
        var collided = false;
        repository.BetweenReadAndWrite = async () =>
        {
            //a shopper's change lands between the page's read of max(Id) and its write, once
            if (!collided)
            {
                collided = true;
                await queue.EnqueueAsync([Change(9_999)]);
            }
        };

        var page = Enumerable.Range(0, 500).Select(Change).ToList();
        await queue.EnqueuePageAsync(page);

        Assert.That(repository.DuplicateKeys, Is.EqualTo(1));
        Assert.That(repository.Items, Has.Count.EqualTo(501));
        Assert.That(repository.Items.Select(item => item.Id), Is.Unique);
    }

    [Test]
    public async Task AChangeTheDatabaseKeepsRefusingIsRememberedLoggedQuietlyAndQueuedLater()
    {
        var repository = new ClientNumberedQueueRepository { Down = true };
        var fallback = new EnqueueFallback();
        //the platform's logger writes to the same database: it fails too
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>())).ThrowsAsync(new DuplicateKeyException());

        await Queue(repository, fallback, logger.Object).EnqueueAsync([Change(1)]);

        Assert.That(repository.Items, Is.Empty);
        Assert.That(fallback.Count, Is.EqualTo(1));
        logger.Verify(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()), Times.Once);

        repository.Down = false;
        Assert.That(await Queue(repository, fallback, logger.Object).EnqueueRememberedAsync(), Is.EqualTo(1));
        Assert.That(repository.Items.Single().Email, Is.EqualTo("c1@example.com"));
        Assert.That(fallback.Count, Is.Zero);
    }
}
