using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// What delivery remembers between passes lives in the platform's static cache, with the plugin's own cache times
/// </summary>
public class CachingTests : PipelineTestBase
{
    private int ListReads()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.RequestLog.Count(entry => entry.StartsWith("GET ") && entry.EndsWith("/lists"));
    }

    [Test]
    public async Task Lists_are_read_once_and_again_after_five_minutes()
    {
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("ann@example.com")));
        await DeliverAllAsync();
        var afterFirst = ListReads();

        Clock.Advance(TimeSpan.FromMinutes(4));
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("bob@example.com")));
        await DeliverAllAsync();
        var withinFive = ListReads();

        Clock.Advance(TimeSpan.FromMinutes(2));
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(NewCustomer("cy@example.com")));
        await DeliverAllAsync();

        Assert.That(afterFirst, Is.EqualTo(1));
        Assert.That(withinFive, Is.EqualTo(1), "remembered for five minutes");
        Assert.That(ListReads(), Is.EqualTo(2), "read again once five minutes have passed (not after the platform's default hour)");
    }
}
