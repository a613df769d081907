using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// Leases and status rows on a real database: the unique indexes do the refusing
/// </summary>
public class LeaseTests : PostgresTestBase
{
    [Test]
    public async Task Of_concurrent_claimants_on_several_nodes_exactly_one_gets_the_lease()
    {
        for (var round = 0; round < 5; round++)
        {
            var name = $"slot-{round}";
            var nodes = Enumerable.Range(0, 6).Select(_ => new IcontactLeaseService(Database.Repository<IcontactLease>(), TimeProvider.System)).ToList();
            var tokens = await Task.WhenAll(nodes.Select(node => Task.Run(() => node.TryAcquireAsync(name, TimeSpan.FromMinutes(1)))));
            Assert.That(tokens.Count(t => t is not null), Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public async Task Two_nodes_creating_a_store_status_at_once_end_with_one_row()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => new StatusService(Database.Repository<IcontactStoreStatus>(), TimeProvider.System)).ToList();
        await Task.WhenAll(nodes.Select((node, n) => Task.Run(() => node.RecordErrorAsync(7, $"error {n}"))));

        var rows = await Database.Repository<IcontactStoreStatus>().GetAllAsync(query => query.Where(status => status.StoreId == 7));
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows.Single().LastError, Does.StartWith("error "));
    }
}
