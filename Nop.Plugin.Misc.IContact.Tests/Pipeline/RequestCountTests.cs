using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// The request budget counts in rows of its own table, one per scope and bucket, and keeps only what a window needs
/// </summary>
public class RequestCountTests : PipelineTestBase
{
    [Test]
    public async Task Requests_are_counted_per_minute_and_hour_and_old_minutes_are_cleared()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));
        await DeliverAllAsync();
        int requests;
        lock (Emulator.State.Lock)
            requests = Emulator.State.RequestLog.Count;
        var firstMinute = RequestCounts.Items.Single(row => row.BucketMinutes == 1).Bucket;

        Clock.Advance(TimeSpan.FromMinutes(90));
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("bob@example.com")));
        await DeliverAllAsync();

        Assert.That(RequestCounts.Items.Where(row => row.BucketMinutes == 60).Sum(row => row.Count), Is.GreaterThanOrEqualTo(requests),
            "every request to iContact is counted");
        Assert.That(RequestCounts.Items.Select(row => row.Bucket), Does.Not.Contain(firstMinute), "a minute older than the hourly window is cleared");
        Assert.That(RequestCounts.Items.Count(row => row.BucketMinutes == 1), Is.EqualTo(1));
    }
}
