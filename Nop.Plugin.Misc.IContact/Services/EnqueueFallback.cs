using System.Collections.Concurrent;
using System.Data.Common;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Remembers, in this process, changes the database refused to queue even after retries, so the background side
/// queues them again later instead of losing them (the platform's event publisher logs a consumer's exception and
/// moves on; nothing else would retry)
/// </summary>
public class EnqueueFallback
{
    private readonly ConcurrentQueue<IcontactQueueItem> _items = new();

    /// <summary>
    /// Gets the most changes kept (a database down for long: the oldest are dropped, and that is logged)
    /// </summary>
    public static int Capacity => 10_000;

    /// <summary>
    /// Gets the number of changes waiting to be queued again
    /// </summary>
    public int Count => _items.Count;

    /// <summary>
    /// Remembers changes
    /// </summary>
    /// <returns>The number of older changes dropped to stay within the capacity</returns>
    public virtual int Remember(IEnumerable<IcontactQueueItem> items)
    {
        foreach (var item in items)
            _items.Enqueue(item);

        var dropped = 0;
        while (_items.Count > Capacity && _items.TryDequeue(out _))
            dropped++;
        return dropped;
    }

    /// <summary>
    /// Takes every remembered change
    /// </summary>
    public virtual IList<IcontactQueueItem> TakeAll()
    {
        var taken = new List<IcontactQueueItem>();
        while (_items.TryDequeue(out var item))
            taken.Add(item);
        return taken;
    }
}

/// <summary>
/// Tells the database failures worth another attempt (another writer got there first) from the rest, without a
/// reference to any provider: serialization failures and deadlocks (SQLSTATE 40001, 40P01; MySQL/MariaDB 1213; SQL
/// Server 1205) and duplicate keys (23505, 23000; MySQL 1062; SQL Server 2627, 2601), which the provider's list insert
/// causes on MySQL and SQL Server by numbering rows max(Id)+1 on the client
/// </summary>
public static class DatabaseFailure
{
    private static readonly string[] TransientStates = ["40001", "40P01", "23505", "23000"];
    private static readonly int[] TransientNumbers = [1213, 1205, 1062, 2627, 2601];

    /// <summary>
    /// Gets a value indicating whether an exception (or one it wraps) is a conflict with a concurrent writer
    /// </summary>
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db && (TransientStates.Contains(db.SqlState) || TransientNumbers.Contains(db.ErrorCode) || NumberOf(db) is { } number && TransientNumbers.Contains(number)))
                return true;
            if (e is System.Transactions.TransactionException && e.InnerException is null)
                return true;
            if (e.Message.Contains("deadlock", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("could not serialize", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Duplicate entry", StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Gets how many times a write that meets a concurrent writer is tried in all
    /// </summary>
    public static int Attempts => 4;

    /// <summary>
    /// Runs a write again when it met a concurrent writer, with a short random pause that grows with each attempt
    /// </summary>
    public static async Task RetryOnConflictAsync(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception exception) when (attempt < Attempts && IsConflict(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt));
            }
        }
    }

    //SqlException.Number and MySqlException.Number, read by name (the plugin references no provider)
    private static int? NumberOf(DbException exception) =>
        exception.GetType().GetProperty("Number")?.GetValue(exception) is int number ? number : null;
}
