using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Before 1.2.0 a single-store install's Synchronize (the all-stores scope, store id 0) recorded beside the storefront's
/// records (its store's id): the update moves those rows to the store, merging a customer's two records into one
/// </summary>
public class StoreScopeUpgradeTests : PipelineTestBase
{
    private static readonly DateTime Earlier = new(2026, 11, 1), Later = new(2026, 11, 20);

    [Test]
    public async Task A_single_store_install_s_store_0_rows_join_its_store()
    {
        //ann: recorded by a bulk run (store 0) and by the storefront (store 1); bob: by the bulk run only; a guest by both
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = 0, CustomerId = 5, Email = "ann@example.com", ContactId = "c5", ListIds = "10,20", UpdatedOnUtc = Earlier });
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = StoreId, CustomerId = 5, Email = "ann@example.com", ContactId = "c5", ListIds = "30", RemovedListIds = "20", FieldsVersion = "v2", UpdatedOnUtc = Later });
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = 0, CustomerId = 6, Email = "bob@example.com", ContactId = "c6", ListIds = "10", UpdatedOnUtc = Earlier });
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = 0, CustomerId = 0, Email = "guest@example.com", ContactId = "g1", ListIds = "40", UpdatedOnUtc = Later });
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = StoreId, CustomerId = 0, Email = "guest@example.com", ContactId = "g1", ListIds = "10", UpdatedOnUtc = Earlier });
        await Queue.InsertAsync(new IcontactQueueItem { StoreId = 0, CustomerId = 6, Email = "bob@example.com", ListId = "10", Operation = QueueOperation.Subscribe, State = QueueItemState.Pending });
        await Queue.InsertAsync(new IcontactQueueItem { StoreId = 0, CustomerId = 6, Email = "bob@example.com", ListId = "10", Operation = QueueOperation.Subscribe, State = QueueItemState.Done });
        await Runs.InsertAsync(new IcontactSyncRun { StoreId = 0 });

        var store = await Resolve<StoreScopeUpgrade>().MoveSharedScopeToStoreAsync();

        Assert.That(store, Is.EqualTo(StoreId));
        Assert.That(Subscribers.Items.Select(s => s.StoreId).Distinct(), Is.EqualTo(new[] { StoreId }));
        var ann = Subscribers.Items.Single(s => s.CustomerId == 5);
        Assert.That((ann.ListIds, ann.RemovedListIds, ann.FieldsVersion), Is.EqualTo(("10,30", "20", "v2")),
            "both records' lists, except the one the newer record says the plugin took the contact off");
        Assert.That(Subscribers.Items.Single(s => s.CustomerId == 6).ListIds, Is.EqualTo("10"));
        Assert.That(Subscribers.Items.Single(s => s.CustomerId == 0).ListIds, Is.EqualTo("10,40"));
        Assert.That(Queue.Items.Select(i => (i.StoreId, i.State)), Is.EquivalentTo(new[] { (StoreId, QueueItemState.Pending), (0, QueueItemState.Done) }),
            "waiting changes move; delivered history stays");
        Assert.That(Runs.Items.Single().StoreId, Is.EqualTo(StoreId));
    }

    [Test]
    public async Task A_multi_store_install_keeps_its_shared_scope_rows()
    {
        Stores[2] = new Nop.Core.Domain.Stores.Store { Id = 2 };
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = 0, CustomerId = 6, Email = "bob@example.com", ListIds = "10", UpdatedOnUtc = Earlier });

        Assert.That(await Resolve<StoreScopeUpgrade>().MoveSharedScopeToStoreAsync(), Is.Zero);
        Assert.That(Subscribers.Items.Single().StoreId, Is.Zero);
    }
}
