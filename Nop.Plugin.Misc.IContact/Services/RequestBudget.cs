using System.Globalization;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The plugin's own request limit per store, kept below iContact's reported limits of 10,000 requests an hour and
/// 70,000 a day. Requests are counted in minute and hour buckets stored in the database, so every node of a web farm
/// counts against one budget, and the count covers a little more than any rolling hour or day: the budget is never
/// exceeded in any window, whatever window iContact uses.
/// </summary>
public class RequestBudget
{
    #region Fields

    protected readonly StatusService _statusService;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public RequestBudget(StatusService statusService, TimeProvider timeProvider)
    {
        _statusService = statusService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected static SortedDictionary<long, int> Parse(string buckets)
    {
        var result = new SortedDictionary<long, int>();
        foreach (var pair in (buckets ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bucket)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                result[bucket] = count;
        }

        return result;
    }

    protected static string Format(SortedDictionary<long, int> buckets) =>
        string.Join(",", buckets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key}:{b.Value}")));

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
        DateTime? blockedUntil = null;

        await _statusService.ChangeAsync(storeId, status =>
        {
            var minutes = Parse(status.RequestsPerMinute);
            var hours = Parse(status.RequestsPerHourOfDay);
            var hourly = Check(minutes, minute, 60, settings.RequestsPerHour, requests, TimeSpan.FromMinutes(1));
            var daily = Check(hours, hour, 24, settings.RequestsPerDay, requests, TimeSpan.FromHours(1));
            blockedUntil = hourly is null ? daily : daily is null ? hourly : new[] { hourly.Value, daily.Value }.Max();
            if (blockedUntil is not null)
                return false;

            minutes[minute] = minutes.GetValueOrDefault(minute) + requests;
            hours[hour] = hours.GetValueOrDefault(hour) + requests;
            status.RequestsPerMinute = Format(minutes);
            status.RequestsPerHourOfDay = Format(hours);
            return true;
        });

        return blockedUntil;
    }

    #endregion
}
