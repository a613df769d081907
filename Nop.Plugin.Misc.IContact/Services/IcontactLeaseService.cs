using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Named leases that hold across nodes without the platform's locker (which neither waits nor is atomic with a
/// distributed cache): a lease is one row under a unique name, inserted as a single row, so of two claimants the
/// database refuses the second; a lapsed lease is removed in one statement before acquiring. Never waits.
/// </summary>
public class IcontactLeaseService
{
    #region Fields

    protected readonly IRepository<IcontactLease> _leaseRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public IcontactLeaseService(IRepository<IcontactLease> leaseRepository, TimeProvider timeProvider)
    {
        _leaseRepository = leaseRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected virtual async Task<IcontactLease> GetHolderAsync(string name) =>
        (await _leaseRepository.GetAllAsync(query => query.Where(lease => lease.Name == name).OrderBy(lease => lease.Id))).FirstOrDefault();

    #endregion

    #region Methods

    /// <summary>
    /// Tries to take a lease; returns at once
    /// </summary>
    /// <param name="name">Lease name (at most 200 characters)</param>
    /// <param name="duration">How long the lease holds unless released; longer than the work it guards</param>
    /// <returns>The holder's token (pass it to <see cref="ReleaseAsync"/>), or null when someone else holds the lease</returns>
    public virtual async Task<string> TryAcquireAsync(string name, TimeSpan duration)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        await _leaseRepository.DeleteAsync(lease => lease.Name == name && lease.ExpiresOnUtc <= now);

        var token = Guid.NewGuid().ToString("N");
        try
        {
            await _leaseRepository.InsertAsync(new IcontactLease { Name = name, Owner = token, ExpiresOnUtc = now + duration }, false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //a unique-key violation: another claimant holds the lease, or held it and gave it back since the insert (then
            //the holder read finds none: still contention, not an error); a database that is down throws on this read
            _ = await GetHolderAsync(name);
            return null;
        }

        //verify after the write: the row under the name is ours
        return (await GetHolderAsync(name))?.Owner == token ? token : null;
    }

    /// <summary>
    /// Gives a lease back (nothing happens when it lapsed and someone else took it)
    /// </summary>
    public virtual Task ReleaseAsync(string name, string token) =>
        string.IsNullOrEmpty(token) ? Task.CompletedTask : _leaseRepository.DeleteAsync(lease => lease.Name == name && lease.Owner == token);

    /// <summary>
    /// Runs an action under a lease
    /// </summary>
    /// <returns>False, without running the action, when someone else holds the lease</returns>
    public virtual async Task<bool> RunExclusiveAsync(string name, TimeSpan duration, Func<Task> action)
    {
        var token = await TryAcquireAsync(name, duration);
        if (token is null)
            return false;

        try
        {
            await action();
            return true;
        }
        finally
        {
            await ReleaseAsync(name, token);
        }
    }

    #endregion
}
