using LinqToDB;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

//linq2db\'s async operators win over the platform\'s System.Linq ones inside this namespace
using LinqToDB.Async;

/// <summary>
/// The PostgreSQL repository behaves as nopCommerce's EntityRepository on PostgreSQL where the plugin depends on it
/// </summary>
public class RepositoryTests : PostgresTestBase
{
    private static IcontactQueueItem Item(string email) => new()
    {
        StoreId = 1, Email = email, ListId = "10", State = QueueItemState.Pending, NextAttemptOnUtc = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc),
        CreatedOnUtc = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), UpdatedOnUtc = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc)
    };

    [Test]
    public async Task ListInsertTakesIdsFromTheTableSequence()
    {
        var repository = Database.Repository<IcontactQueueItem>();
        await repository.InsertAsync(Item("first@example.com"));
        var items = new List<IcontactQueueItem> { Item("a@example.com"), Item("b@example.com"), Item("c@example.com") };

        await repository.InsertAsync(items);

        Assert.That(items.Select(i => i.Id), Is.EqualTo(new[] { 2, 3, 4 }));
        var stored = await repository.GetByIdsAsync([4, 2, 3]);
        Assert.That(stored.Select(i => i.Email), Is.EqualTo(new[] { "c@example.com", "a@example.com", "b@example.com" }));
        Assert.That(await Database.ScalarAsync<long>("SELECT last_value FROM \"IcontactQueueItem_Id_seq\""), Is.EqualTo(4));
    }

    [Test]
    public async Task ListInsertLeavesNoRowsWhenItFails()
    {
        var repository = Database.Repository<IcontactQueueItem>();
        //more rows than one multi-row INSERT carries, the last one invalid: only the transaction takes back the first batches
        var items = Enumerable.Range(0, 2_500).Select(i => Item($"c{i}@example.com")).Append(Item(null)).ToList();

        Assert.ThrowsAsync<Npgsql.PostgresException>(() => repository.InsertAsync(items));

        Assert.That(await repository.Table.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task ArrayContainsTranslatesToSql()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(10));
        int[] ids = [2, 4, 6];
        var emails = new List<string> { "bulk2@example.com", "BULK3@EXAMPLE.COM" };

        var byId = await Database.Repository<Customer>().GetAllAsync(query => query.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id));
        var byEmail = await Database.Repository<Customer>().GetAllAsync(query => query.Where(c => emails.Contains(c.Email)).OrderBy(c => c.Id));

        Assert.That(byId.Select(c => c.Id), Is.EqualTo(ids));
        //citext columns compare without letter case, as in a store
        Assert.That(byEmail.Select(c => c.Email), Is.EqualTo(new[] { "bulk2@example.com", "bulk3@example.com" }));
    }

    [Test]
    public void QueryLinq2dbCannotTranslateFails()
    {
        var repository = Database.Repository<Customer>();

        Assert.ThrowsAsync<LinqToDBException>(() => repository.GetAllAsync(query => query.Where(c => LocalRule(c.Email))));
    }

    private static bool LocalRule(string email) => email.Length > 3;

    [Test]
    public async Task DeleteByPredicateDeletesMatchingRowsOnly()
    {
        var repository = Database.Repository<IcontactQueueItem>();
        await repository.InsertAsync([Item("a@example.com"), Item("b@example.com"), Item("c@example.com")]);
        var doomed = new List<string> { "a@example.com", "c@example.com" };

        var deleted = await repository.DeleteAsync(item => item.StoreId == 1 && doomed.Contains(item.Email));

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That((await repository.GetAllAsync(query => query)).Select(i => i.Email), Is.EqualTo(new[] { "b@example.com" }));
    }

    [Test]
    public async Task UpdateWritesEveryMappedColumn()
    {
        var repository = Database.Repository<IcontactQueueItem>();
        var item = Item("a@example.com");
        await repository.InsertAsync(item);

        item.State = QueueItemState.InFlight;
        item.LeaseExpiresOnUtc = new DateTime(2026, 11, 27, 12, 5, 0, DateTimeKind.Utc);
        await repository.UpdateAsync([item]);

        var stored = await repository.GetByIdAsync(item.Id);
        Assert.That(stored.State, Is.EqualTo(QueueItemState.InFlight));
        Assert.That(stored.LeaseExpiresOnUtc, Is.EqualTo(item.LeaseExpiresOnUtc));
    }

    [Test]
    public void PlatformTablesKeepTheirNotNullColumns()
    {
        //the stand-in Customer lacks LastActivityDateUtc and other NOT NULL columns: a store would refuse the row too
        var customer = new Customer { Email = "new@example.com", CustomerGuid = Guid.NewGuid(), Active = true, CreatedOnUtc = DateTime.UtcNow };

        var error = Assert.ThrowsAsync<Npgsql.PostgresException>(() => Database.Repository<Customer>().InsertAsync(customer));

        Assert.That(error!.SqlState, Is.EqualTo("23502"));
    }

    [Test]
    public async Task CustomerPagingFollowsThePlatform()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(7) { SecondRoleEvery = 2, InactiveEvery = 7 });
        var service = new PostgresCustomerService(Database);

        //customers in both roles come once; newest first; the cut-off leaves out customer 1 (the newest)
        var cutOff = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(-2);
        var first = await service.GetAllCustomersAsync(createdToUtc: cutOff, customerRoleIds: [3, 6], pageIndex: 0, pageSize: 4);
        var second = await service.GetAllCustomersAsync(createdToUtc: cutOff, customerRoleIds: [3, 6], pageIndex: 1, pageSize: 4);
        var active = await service.GetAllCustomersAsync(customerRoleIds: [6], isActive: true, getOnlyTotalCount: true);

        Assert.That(first.TotalCount, Is.EqualTo(6));
        Assert.That(first.Select(c => c.Email), Is.EqualTo(new[] { "bulk2@example.com", "bulk3@example.com", "bulk4@example.com", "bulk5@example.com" }));
        Assert.That(second.Select(c => c.Email), Is.EqualTo(new[] { "bulk6@example.com", "bulk7@example.com" }));
        Assert.That(active.TotalCount, Is.EqualTo(3));
        Assert.That(active, Is.Empty);
    }

    [Test]
    public async Task RolesAndNewslettersComePerCustomer()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(4));
        var service = new PostgresCustomerService(Database);
        var second = await service.GetCustomerByEmailAsync("BULK2@example.com");

        Assert.That(await service.GetCustomerRoleIdsAsync(second), Is.EquivalentTo(new[] { 3, 6 }));
        Assert.That(await service.GetCustomerRoleIdsAsync(await service.GetCustomerByIdAsync(1)), Is.EqualTo(new[] { 3 }));
        Assert.That((await service.GetNewsLetterSubscriptionsByEmailAsync(" Bulk2@Example.com ")).Single().Active, Is.True);
        Assert.That(await service.GetNewsLetterSubscriptionsByEmailAsync("bulk1@example.com"), Is.Empty);
        Assert.That(await service.GetNewsLetterSubscriptionsByEmailAsync("bulk2@example.com", storeId: 2), Is.Empty);
    }

    [Test]
    public async Task CustomerRegisteredDuringARunComesFirstUnlessTheCutOffExcludesIt()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(10));
        var cutOff = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var service = new PostgresCustomerService(Database);

        var id = await CustomerSeeder.AddCustomerAsync(Database, "late@example.com", cutOff.AddMinutes(1), [CustomerSeeder.RegisteredRoleId], newsletter: true);

        Assert.That(id, Is.EqualTo(11));
        Assert.That((await service.GetAllCustomersAsync(customerRoleIds: [3], pageSize: 1)).Single().Id, Is.EqualTo(id));
        Assert.That((await service.GetAllCustomersAsync(createdToUtc: cutOff, customerRoleIds: [3], pageSize: 1)).Single().Id, Is.EqualTo(1));
        Assert.That(await service.GetCustomerRoleIdsAsync(await service.GetCustomerByIdAsync(id)), Is.EqualTo(new[] { 3 }));
        Assert.That(await service.GetNewsLetterSubscriptionsByEmailAsync("late@example.com"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SeedingWritesWhatThePlanSays()
    {
        await CustomerSeeder.SeedAsync(Database, new SeedPlan(1_000) { NoEmailEvery = 10 });

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"Customer\""), Is.EqualTo(1_000));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"Customer\" WHERE \"Email\" IS NULL"), Is.EqualTo(100));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"Customer_CustomerRole_Mapping\""), Is.EqualTo(1_500));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM \"NewsLetterSubscription\""), Is.EqualTo(500));
        Assert.That(await Database.Repository<NewsLetterSubscription>().Table.CountAsync(s => s.TypeId == 1 && s.Active), Is.EqualTo(500));
    }

    [Test]
    public async Task TheUnsubscribedGuardReadsCustomersAndGuestsWithTheirRemovedListsInOneQuery()
    {
        var repository = Database.Repository<IcontactSubscriber>();
        var now = new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc);
        IcontactSubscriber Record(int storeId, int customerId, string email, string removed) =>
            new() { StoreId = storeId, CustomerId = customerId, Email = email, ContactId = "c" + customerId, RemovedListIds = removed, UpdatedOnUtc = now };
        await repository.InsertAsync([
            Record(1, 3, "ann@example.com", "8,77"), Record(1, 4, "bob@example.com", null), Record(2, 3, "ann@example.com", "9"),
            Record(1, 0, "guest@example.com", "8"), Record(2, 0, "guest@example.com", "9"), Record(1, 0, "other@example.com", null)
        ]);
        var subscribers = new Services.SubscriberService(repository, TimeProvider.System);

        var commands = Database.Commands;
        var found = await subscribers.GetCustomersAndGuestsAsync(1, [3], ["guest@example.com"]);

        Assert.That(Database.Commands - commands, Is.EqualTo(1));
        Assert.That(found.Select(s => (s.CustomerId, s.Email, s.RemovedListIds)).OrderBy(s => s.CustomerId),
            Is.EqualTo(new[] { (0, "guest@example.com", "8"), (3, "ann@example.com", "8,77") }));
    }
}
