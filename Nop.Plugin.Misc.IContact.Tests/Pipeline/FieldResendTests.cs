using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Synchronize sends mapped fields, order statistics included, and re-sends the fields of contacts already on their
/// lists when (and only when) the mappings changed
/// </summary>
public class FieldResendTests : PipelineTestBase
{
    private const int Contacts = 300;

    private FieldMappingService Mappings() => Resolve<FieldMappingService>();

    private async Task SynchronizeAsync()
    {
        await Bulk().StartAsync(StoreId);
        for (var round = 0; round < 1_000; round++)
        {
            var stepped = await Bulk().StepAllAsync();
            var delivered = await Delivery().RunOnceAsync();
            if (Runs.Items.All(r => r.State == SyncRunState.Completed))
                return;
            if (!stepped && delivered.Claimed == 0 && Queue.Items.Where(i => i.State == QueueItemState.Pending).ToList() is { Count: > 0 } waiting)
                Clock.MoveTo(waiting.Min(i => i.NextAttemptOnUtc).AddSeconds(1));
        }

        Assert.Fail("the run did not complete");
    }

    private int ContactPosts()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.RequestLog.Count(r => r.StartsWith("POST") && r.EndsWith("/contacts"));
    }

    private int SubscriptionPosts()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.RequestLog.Count(r => r.StartsWith("POST") && r.EndsWith("/subscriptions"));
    }

    private string EmulatorField(string email, string field)
    {
        lock (Emulator.State.Lock)
            return Emulator.State.FindContactByEmail(email)?.Fields.GetValueOrDefault(field);
    }

    private void AddCustomFields(params string[] names)
    {
        lock (Emulator.State.Lock)
            foreach (var name in names)
                Emulator.State.CustomFields[name] = new IcontactEmulator.CustomFieldRecord { PrivateName = name, PublicName = name };
    }

    private void SeedStore()
    {
        for (var i = 0; i < Contacts; i++)
        {
            var customer = NewCustomer($"c{i}@example.com");
            for (var o = 0; o < i % 3; o++)
                FieldPlatform.Orders.InsertAsync(new Order
                {
                    CustomerId = customer.Id, StoreId = StoreId, OrderTotal = 10m + o, CreatedOnUtc = new DateTime(2026, 1, 1 + o),
                    OrderStatusId = (int)OrderStatus.Complete, PaymentStatusId = (int)PaymentStatus.Paid
                }).Wait();
        }
    }

    [Test]
    public async Task Synchronize_sends_mapped_order_statistics_with_the_contacts_in_the_usual_requests()
    {
        SeedStore();
        AddCustomFields("ordercount", "totalspent", "lastorder");
        await Mappings().SaveAsync(0, [.. FieldMappingService.DefaultMappings(null),
            new(FieldSource.OrderCount, "ordercount"), new(FieldSource.TotalSpent, "totalspent"), new(FieldSource.LastOrderDate, "lastorder")]);

        await SynchronizeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(EmulatorField("c0@example.com", "ordercount"), Is.EqualTo("0"));
            Assert.That(EmulatorField("c0@example.com", "lastorder"), Is.Null.Or.Empty, "no order: left out");
            Assert.That(EmulatorField("c2@example.com", "ordercount"), Is.EqualTo("2"));
            Assert.That(EmulatorField("c2@example.com", "totalspent"), Is.EqualTo("21.00"));
            Assert.That(EmulatorField("c2@example.com", "lastorder"), Is.EqualTo("01/02/2026"));
            Assert.That(EmulatorField("c2@example.com", "firstName"), Is.EqualTo("Firstc2"));
        });
        Assert.That(ContactPosts(), Is.LessThanOrEqualTo((int)Math.Ceiling(Contacts / 250.0)), "at most one contacts request per 250 contacts");
    }

    [Test]
    public async Task A_mapping_change_is_sent_to_listed_contacts_by_Synchronize_and_an_unchanged_mapping_sends_nothing()
    {
        SeedStore();
        await SynchronizeAsync();
        var contactPosts = ContactPosts();
        var subscriptionPosts = SubscriptionPosts();

        //unchanged: a second run queues nothing
        await SynchronizeAsync();
        Assert.That(Runs.Items.Last().ItemsQueued, Is.Zero);
        Assert.That(ContactPosts(), Is.EqualTo(contactPosts));

        //changed: every listed contact's fields, once, no list changes
        AddCustomFields("ordercount");
        await Mappings().SaveAsync(0, [.. FieldMappingService.DefaultMappings(null), new(FieldSource.OrderCount, "ordercount")]);
        await SynchronizeAsync();

        Assert.That(Runs.Items.Last().ItemsQueued, Is.EqualTo(Contacts));
        Assert.That(Queue.Items.Where(i => i.SyncRunId == Runs.Items.Last().Id), Has.All.Matches<IcontactQueueItem>(i => i.Operation == QueueOperation.UpdateContact));
        Assert.That(EmulatorField("c1@example.com", "ordercount"), Is.EqualTo("1"));
        Assert.That(ContactPosts() - contactPosts, Is.LessThanOrEqualTo((int)Math.Ceiling(Contacts / 250.0)), "at most one contacts request per 250 contacts");
        Assert.That(SubscriptionPosts(), Is.EqualTo(subscriptionPosts), "the lists are left as they are");

        //and once sent, the new mapping is not sent again
        await SynchronizeAsync();
        Assert.That(Runs.Items.Last().ItemsQueued, Is.Zero);
    }

    [Test]
    public async Task Contacts_delivered_before_field_mappings_existed_are_not_sent_again_under_the_default_mapping()
    {
        Settings[StoreId].CustomerIdCustomField = "nopid";
        AddCustomFields("nopid");
        SeedStore();
        await SynchronizeAsync();
        //what 1.0 left behind: records without a mapping version
        foreach (var record in Subscribers.Items)
            record.FieldsVersion = null;
        var contactPosts = ContactPosts();

        await SynchronizeAsync();

        Assert.That(Runs.Items.Last().ItemsQueued, Is.Zero);
        Assert.That(ContactPosts(), Is.EqualTo(contactPosts));
    }
}
