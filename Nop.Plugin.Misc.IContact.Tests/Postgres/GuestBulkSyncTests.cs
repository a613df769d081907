using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// The bulk synchronisation's guest pages (newsletter subscribers without an account, issue 11) on PostgreSQL: one
/// query a page, by key, leaving out addresses with an account (citext: whatever their case), and the preview's count
/// </summary>
public class GuestBulkSyncTests : PostgresTestBase
{
    private const int StoreId = 1;
    private const int Customers = 600;
    private const int Guests = 700;
    private const int Page = 500;

    private static ServiceProvider Graph()
    {
        PostgresGraph.SeedRulesAsync(Database, [
            new IcontactRule { CustomerRoleIds = [CustomerSeeder.RegisteredRoleId], ListId = "10", ListName = "Customers" },
            new IcontactRule { Trigger = RuleTrigger.NewsletterSubscribers, ListId = "30", ListName = "Newsletter box" }
        ]).GetAwaiter().GetResult();
        return PostgresStoreGraph.BuildForStore(Database, new IcontactSettings { BatchSize = 1000 });
    }

    /// <summary>
    /// 600 customers (every second with a newsletter row), 700 guests (guest5 with two rows, guest7 already delivered
    /// to the list as a guest), a customer's address in capitals, another store's guest, a withdrawn one, and customer 2
    /// erased (its address has no account any more)
    /// </summary>
    private static async Task SeedAsync()
    {
        var plan = new SeedPlan(Customers);
        await CustomerSeeder.SeedAsync(Database, plan);
        var before = plan.NewestCreatedOnUtc.AddDays(-1).ToString("yyyy-MM-dd HH:mm:ss");
        string Row(string email, int store = StoreId, bool active = true) =>
            $"INSERT INTO \"NewsLetterSubscription\" (\"NewsLetterSubscriptionGuid\", \"Email\", \"Active\", \"StoreId\", \"CreatedOnUtc\", \"LanguageId\", \"TypeId\") VALUES (gen_random_uuid(), '{email}', {(active ? "true" : "false")}, {store}, timestamp '{before}', 1, 1);";
        await Database.ExecuteAsync($"""
            INSERT INTO "NewsLetterSubscription" ("NewsLetterSubscriptionGuid", "Email", "Active", "StoreId", "CreatedOnUtc", "LanguageId", "TypeId")
              SELECT gen_random_uuid(), 'guest' || i || '@example.com', true, {StoreId}, timestamp '{before}', 1, 1 FROM generate_series(1, {Guests}) AS i;
            {Row("guest5@example.com")}
            {Row("BULK1@EXAMPLE.COM")}
            {Row("elsewhere@example.com", store: 2)}
            {Row("withdrew@example.com", active: false)}
            UPDATE "Customer" SET "Deleted" = true WHERE "Id" = 2;
            INSERT INTO "IcontactSubscriber" ("StoreId", "CustomerId", "Email", "ListIds", "UpdatedOnUtc") VALUES ({StoreId}, 0, 'guest7@example.com', '30', now());
            ANALYZE;
            """);
    }

    private static IEnumerable<string> ExpectedGuests => Enumerable.Range(1, Guests).Select(i => $"guest{i}@example.com").Append("bulk2@example.com");

    [Test]
    public async Task AGuestPageIsOneQueryByKeyWithoutAddressesThatHaveAnAccount()
    {
        await SeedAsync();
        using var graph = Graph();
        var rules = await graph.Resolve<IcontactRuleService>().GetRulesAsync(StoreId);
        var run = await graph.Resolve<BulkSyncService>().StartAsync(StoreId);
        var guests = graph.Resolve<NewsletterGuestSync>();
        var runs = Database.Repository<IcontactSyncRun>();
        var runId = run.Id;

        var commands = Database.Commands;
        var first = await guests.ReadPageAsync(rules, StoreId, run.CreatedToUtc, 0, runs.Table.Where(r => r.Id == runId));
        Assert.That(Database.Commands - commands, Is.EqualTo(1), "one query a page");
        var second = await guests.ReadPageAsync(rules, StoreId, run.CreatedToUtc, first[^1].NewsletterId, runs.Table.Where(r => r.Id == runId));
        var moved = await guests.ReadPageAsync(rules, StoreId, run.CreatedToUtc, 0, runs.Table.Where(r => r.Id == runId && r.LastNewsletterId == 999));

        Assert.That(first, Has.Count.EqualTo(Page));
        Assert.That(first.Select(entry => entry.NewsletterId), Is.Ordered.And.Unique);
        Assert.That(second.Min(entry => entry.NewsletterId), Is.GreaterThan(first[^1].NewsletterId), "by key");
        Assert.That(first.Concat(second).Select(entry => entry.Email), Is.EquivalentTo(ExpectedGuests),
            "no customer's address (not even in capitals), one entry per address, no other store's or withdrawn row; an erased customer's address is a guest's");
        Assert.That(moved, Is.Empty, "a run no longer where the caller found it reads nothing");
    }

    [Test]
    public async Task ARunQueuesTheGuestsAfterTheCustomersOnceEach()
    {
        await SeedAsync();
        using var graph = Graph();
        var run = await graph.Resolve<BulkSyncService>().StartAsync(StoreId);
        var seen = new List<IcontactQueueItem>();
        long guestPageTrips = 0;
        for (var step = 0; run.State is SyncRunState.Running or SyncRunState.ReadingGuests && step < 20; step++)
        {
            var reading = run.State == SyncRunState.ReadingGuests;
            var commands = Database.Commands;
            await graph.Resolve<BulkSyncService>().StepAsync(run);
            if (reading && run.State == SyncRunState.ReadingGuests)
                guestPageTrips = Math.Max(guestPageTrips, Database.Commands - commands);
            seen.AddRange(await Database.Repository<IcontactQueueItem>().GetAllAsync(query => query));
            await Database.ExecuteAsync("DELETE FROM \"IcontactQueueItem\"");
        }

        var guestItems = seen.Where(item => item.CustomerId == 0).ToList();
        Assert.That(run.State, Is.EqualTo(SyncRunState.Delivering));
        Assert.That(guestItems.Select(item => item.Email), Is.EquivalentTo(ExpectedGuests.Where(email => email != "guest7@example.com")), "guest7 was delivered");
        Assert.That(guestItems, Has.All.Matches<IcontactQueueItem>(item => item.ListId == "30" && item.SyncRunId == run.Id));
        Assert.That(seen.Count(item => item.CustomerId > 0 && item.ListId == "30"), Is.EqualTo(Customers / 2),
            "customers with a row join the role-less rule as customers: the even ones but the erased 2, and bulk1 (its row in capitals)");
        Assert.That(guestPageTrips, Is.InRange(1, 6), "waiting count, page, guest records, the insert (two), the position");
    }

    [Test]
    public async Task ASecondRunnerOfTheSameGuestStepQueuesNothing()
    {
        await SeedAsync();
        using var graph = Graph();
        var run = await graph.Resolve<BulkSyncService>().StartAsync(StoreId);
        await Database.ExecuteAsync($"UPDATE \"IcontactSyncRun\" SET \"StateId\" = {(int)SyncRunState.ReadingGuests}, \"LastCustomerId\" = 100000 WHERE \"Id\" = {run.Id}");
        var first = await graph.Resolve<BulkSyncService>().GetActiveRunAsync(StoreId);
        var second = await graph.Resolve<BulkSyncService>().GetActiveRunAsync(StoreId);

        Assert.That(await graph.Resolve<BulkSyncService>().StepAsync(first), Is.True);
        Assert.That(await graph.Resolve<BulkSyncService>().StepAsync(second), Is.False);

        Assert.That(await Database.Repository<IcontactQueueItem>().GetAllAsync(query => query), Has.Count.EqualTo(Page - 1), "one page (guest7 was delivered)");
    }

    [Test]
    public async Task PreviewCountsTheGuestsANewsletterRuleWouldAdd()
    {
        await SeedAsync();
        using var graph = Graph();
        var commands = Database.Commands;

        var previews = await graph.Resolve<SyncPreviewService>().PreviewAsync(StoreId);

        Assert.That(previews.Single(p => p.Rule.ListId == "30").SubscribeGuests, Is.EqualTo(Guests), "701 guests, guest7 delivered");
        Assert.That(previews.Single(p => p.Rule.ListId == "10").SubscribeGuests, Is.Zero);
        Assert.That(Database.Commands - commands, Is.LessThan(40), "aggregate queries");
    }
}
