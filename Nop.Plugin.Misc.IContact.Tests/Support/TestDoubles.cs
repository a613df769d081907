using Nop.Core.Caching;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// A clock that moves only when a test says so
/// </summary>
public class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly object _lock = new();

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }

    public void MoveTo(DateTime utc)
    {
        lock (_lock)
            if (utc > _now.UtcDateTime)
                _now = new DateTimeOffset(utc, TimeSpan.Zero);
    }
}

/// <summary>
/// The platform's locker over a distributed cache, as unkind as it is (imitates 4.90.6
/// <c>DistributedCacheLocker.PerformActionWithLockAsync</c>): reads the key, then writes it, with no atomicity between
/// the two, and returns false at once without waiting. Instances made over one <see cref="Cache"/> are two nodes.
/// </summary>
public class DistributedCacheLockerFake(Dictionary<string, DateTime> cache) : ILocker
{
    public Dictionary<string, DateTime> Cache { get; } = cache;

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        bool taken;
        lock (Cache)
            taken = Cache.ContainsKey(resource);
        if (taken)
            return false;

        await Task.Yield(); //the read and the write are separate round trips to the cache
        lock (Cache)
            Cache[resource] = DateTime.UtcNow + expirationTime;
        try
        {
            await action();
            return true;
        }
        finally
        {
            lock (Cache)
                Cache.Remove(resource);
        }
    }

    public Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval, Func<CancellationToken, Task> action,
        CancellationTokenSource cancellationTokenSource = null) => action(cancellationTokenSource?.Token ?? default);

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => Task.CompletedTask;

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(false);
}
