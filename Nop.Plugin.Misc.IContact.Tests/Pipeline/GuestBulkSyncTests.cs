using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Synchronize and Preview bring the newsletter subscribers a store had before the plugin, those without a customer
/// account, under the newsletter rules (issue 11)
/// </summary>
public class GuestBulkSyncTests : PipelineTestBase
{
    private const int OtherStoreId = 2;
    private int _nextNewsletterId = 1;

    private IcontactRule NewsletterBoxRule() => new()
    {
        Trigger = RuleTrigger.NewsletterSubscribers, ListId = NewsletterListId, ListName = "Newsletter", SubscriptionStatus = "normal"
    };

    /// <summary>
    /// A newsletter row from before the run (the footer box, confirmed; no event reaches the plugin for it now)
    /// </summary>
    private void Existing(string email, int storeId = StoreId, bool active = true) =>
        Newsletters.Add(new NewsLetterSubscription
        {
            Id = _nextNewsletterId++, Email = email, StoreId = storeId, TypeId = NewsletterTypeId, Active = active,
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-30)
        });

    /// <summary>
    /// What the worker does, remembering every change the run queued before delivery takes it off the queue
    /// </summary>
    private async Task<List<IcontactQueueItem>> RunToCompletionAsync()
    {
        var queued = new Dictionary<int, IcontactQueueItem>();
        for (var round = 0; round < 1_000; round++)
        {
            var stepped = await Bulk().StepAllAsync();
            foreach (var item in Queue.Items.Where(i => i.SyncRunId > 0))
                queued[item.Id] = item;
            var delivered = await Delivery().RunOnceAsync();
            if (Runs.Items.All(r => r.State == SyncRunState.Completed))
                return queued.Values.ToList();
            if (!stepped && delivered.Claimed == 0 && Queue.Items.Where(i => i.State == QueueItemState.Pending).ToList() is { Count: > 0 } waiting)
                Clock.MoveTo(waiting.Min(i => i.NextAttemptOnUtc).AddSeconds(1));
        }

        Assert.Fail("the run did not complete");
        return null;
    }

    [Test]
    public async Task Synchronize_brings_existing_newsletter_subscribers_without_an_account()
    {
        UseRules(CustomersRule, NewsletterBoxRule());
        NewCustomer("ann@example.com");
        Existing("ann@example.com");
        //more guests than a page holds, so the guest rows are read in two pages by key
        for (var i = 0; i < 520; i++)
            Existing($"guest{i}@example.com");
        Existing("Mixed@Example.com");
        Existing("twice@example.com");
        Existing("twice@example.com");
        Existing("delivered@example.com");
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = StoreId, CustomerId = 0, Email = "delivered@example.com", ListIds = NewsletterListId, UpdatedOnUtc = Clock.GetUtcNow().UtcDateTime });
        Existing("withdrew@example.com", active: false);
        Existing("elsewhere@example.com", OtherStoreId);

        await Bulk().StartAsync(StoreId);
        var queued = await RunToCompletionAsync();

        var guestItems = queued.Where(i => i.CustomerId == 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, 520).Select(i => StatusOn($"guest{i}@example.com", NewsletterListId)), Has.All.EqualTo("normal"));
            Assert.That(StatusOn("mixed@example.com", NewsletterListId), Is.EqualTo("normal"), "the address as the live guest path sends it");
            Assert.That(guestItems.Count(i => i.Email == "twice@example.com"), Is.EqualTo(1), "an address with two rows is one guest");
            Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"), "the customer joins as a customer");
            Assert.That(guestItems.Where(i => i.Email == "ann@example.com"), Is.Empty, "a customer's address is not sent again as a guest");
            Assert.That(guestItems.Where(i => i.Email == "delivered@example.com"), Is.Empty, "an address delivered as a guest is not re-sent");
            Assert.That(StatusOn("delivered@example.com", NewsletterListId), Is.Null);
            Assert.That(StatusOn("withdrew@example.com", NewsletterListId), Is.Null);
            Assert.That(StatusOn("elsewhere@example.com", NewsletterListId), Is.Null, "another store's rows are not this store's");
            Assert.That(guestItems, Has.Count.EqualTo(522));
        });
        var run = Runs.Items.Single();
        Assert.That(run.LastNewsletterId, Is.EqualTo(Newsletters.Where(n => n.Email == "delivered@example.com").Max(n => n.Id)), "the last page ends at the last guest's row");
        Assert.That(run.AlreadySubscribed, Is.EqualTo(1));
        Assert.That(Subscribers.Items.Where(s => s.CustomerId == 0).Select(s => s.Email), Does.Not.Contain("ann@example.com"));
    }

    [Test]
    public async Task Guests_who_signed_up_after_the_run_started_are_left_to_the_live_events()
    {
        UseRules(NewsletterBoxRule());
        Existing("before@example.com");
        await Bulk().StartAsync(StoreId);
        Newsletters.Add(new NewsLetterSubscription
        {
            Id = _nextNewsletterId++, Email = "after@example.com", StoreId = StoreId, TypeId = NewsletterTypeId, Active = true,
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddMinutes(1)
        });

        var queued = await RunToCompletionAsync();

        Assert.That(queued.Select(i => i.Email), Is.EquivalentTo(new[] { "before@example.com" }));
    }

    [Test]
    public async Task Preview_counts_the_guests_a_newsletter_rule_would_add()
    {
        UseRules(CustomersRule, NewsletterBoxRule());
        NewCustomer("ann@example.com");
        Existing("ann@example.com");
        Existing("new1@example.com");
        Existing("new2@example.com");
        Existing("new2@example.com");
        Existing("delivered@example.com");
        await Subscribers.InsertAsync(new IcontactSubscriber { StoreId = StoreId, CustomerId = 0, Email = "delivered@example.com", ListIds = NewsletterListId, UpdatedOnUtc = Clock.GetUtcNow().UtcDateTime });
        Existing("withdrew@example.com", active: false);
        Existing("elsewhere@example.com", OtherStoreId);

        var previews = await Preview().PreviewAsync(StoreId);

        Assert.That(previews.Single(p => p.Rule.ListId == NewsletterListId).SubscribeGuests, Is.EqualTo(2));
        Assert.That(previews.Single(p => p.Rule.ListId == CustomersListId).SubscribeGuests, Is.Zero, "a rule about customers takes no guest");
        Assert.That(Queue.Items, Is.Empty);
    }
}
