using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The plugin's own request limit per store, kept below iContact's reported limits of 10,000 requests an hour and
/// 70,000 a day. Requests are counted in minute and hour buckets (rows of <see cref="IcontactRequestCount"/>), so every node of a web farm
/// counts against one budget, and the count covers a little more than any rolling hour or day: the budget is never
/// exceeded in any window, whatever window iContact uses.
/// </summary>
public class RequestBudget
{
    #region Fields

    protected readonly IRepository<IcontactRequestCount> _requestCountRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public RequestBudget(IRepository<IcontactRequestCount> requestCountRepository, TimeProvider timeProvider)
    {
        _requestCountRepository = requestCountRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Checks one window: buckets of the current one plus the previous <paramref name="span"/> (one more than the window
    /// holds, so a partly elapsed oldest bucket still counts whole)
    /// </summary>
    /// <returns>Null when the requests fit; otherwise when they will</returns>
    protected static DateTime? Check(SortedDictionary<long, int> buckets, long current, int span, int limit, int requests, TimeSpan bucketLength)
    {
        foreach (var old in buckets.Keys.Where(key => key < current - span).ToList())
            buckets.Remove(old);

        var used = buckets.Values.Sum();
        if (used + requests <= Math.Max(limit, 1))
            return null;

        //the earliest moment enough of the oldest buckets have left the window
        var freed = 0;
        foreach (var (bucket, count) in buckets)
        {
            freed += count;
            if (used - freed + requests <= Math.Max(limit, 1))
                return DateTime.UnixEpoch + bucketLength * (bucket + span + 1);
        }

        return DateTime.UnixEpoch + bucketLength * (current + span + 1);
    }

    /// <summary>
    /// Adds requests to the current bucket; a new bucket also clears the ones no window needs any more
    /// </summary>
    protected virtual async Task CountAsync(IList<IcontactRequestCount> rows, int storeId, int bucketMinutes, long bucket, int requests)
    {
        var row = rows.FirstOrDefault(r => r.BucketMinutes == bucketMinutes && r.Bucket == bucket);
        if (row is not null)
        {
            row.Count += requests;
            await _requestCountRepository.UpdateAsync(row, false);
            return;
        }

        await _requestCountRepository.InsertAsync(new IcontactRequestCount { StoreId = storeId, BucketMinutes = bucketMinutes, Bucket = bucket, Count = requests }, false);
        var oldest = bucket - (bucketMinutes == 1 ? 60 : 24);
        await _requestCountRepository.DeleteAsync(r => r.StoreId == storeId && r.BucketMinutes == bucketMinutes && r.Bucket < oldest);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Reserves requests
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="settings">The store's settings</param>
    /// <param name="requests">Number of requests</param>
    /// <returns>Null when reserved; otherwise when the budget allows them again</returns>
    public virtual async Task<DateTime?> TryReserveAsync(int storeId, IcontactSettings settings, int requests = 1)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var minute = (long)(now - DateTime.UnixEpoch).TotalMinutes;
        var hour = (long)(now - DateTime.UnixEpoch).TotalHours;

        var rows = await _requestCountRepository.GetAllAsync(query => query.Where(row => row.StoreId == storeId
            && ((row.BucketMinutes == 1 && row.Bucket >= minute - 60) || (row.BucketMinutes == 60 && row.Bucket >= hour - 24))));
        var minutes = new SortedDictionary<long, int>(rows.Where(row => row.BucketMinutes == 1).GroupBy(row => row.Bucket).ToDictionary(g => g.Key, g => g.Sum(row => row.Count)));
        var hours = new SortedDictionary<long, int>(rows.Where(row => row.BucketMinutes == 60).GroupBy(row => row.Bucket).ToDictionary(g => g.Key, g => g.Sum(row => row.Count)));

        var hourly = Check(minutes, minute, 60, settings.RequestsPerHour, requests, TimeSpan.FromMinutes(1));
        var daily = Check(hours, hour, 24, settings.RequestsPerDay, requests, TimeSpan.FromHours(1));
        var blockedUntil = hourly is null ? daily : daily is null ? hourly : new[] { hourly.Value, daily.Value }.Max();
        if (blockedUntil is not null)
            return blockedUntil;

        await CountAsync(rows, storeId, 1, minute, requests);
        await CountAsync(rows, storeId, 60, hour, requests);
        return null;
    }

    #endregion
}
