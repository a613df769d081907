namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The plugin's own request limit per store (hourly and daily windows kept in the database, so every node of a web farm
/// counts against one budget), set below iContact's reported limits of 10,000 requests an hour and 70,000 a day
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
        DateTime? blockedUntil = null;

        await _statusService.ChangeAsync(storeId, status =>
        {
            if (status.HourWindowStartUtc is null || now - status.HourWindowStartUtc >= TimeSpan.FromHours(1))
                (status.HourWindowStartUtc, status.HourRequestCount) = (now, 0);
            if (status.DayWindowStartUtc is null || now - status.DayWindowStartUtc >= TimeSpan.FromDays(1))
                (status.DayWindowStartUtc, status.DayRequestCount) = (now, 0);

            if (status.HourRequestCount + requests > Math.Max(settings.RequestsPerHour, 1))
                blockedUntil = status.HourWindowStartUtc.Value.AddHours(1);
            if (status.DayRequestCount + requests > Math.Max(settings.RequestsPerDay, 1))
                blockedUntil = new[] { blockedUntil ?? DateTime.MinValue, status.DayWindowStartUtc.Value.AddDays(1) }.Max();

            if (blockedUntil is null)
            {
                status.HourRequestCount += requests;
                status.DayRequestCount += requests;
            }

            return true;
        });

        return blockedUntil;
    }

    #endregion
}
