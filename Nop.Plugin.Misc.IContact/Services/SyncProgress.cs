using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents the progress of a bulk synchronisation
/// </summary>
public record SyncProgress(IcontactSyncRun Run, int Delivered, int Failed, int LeftAlone, int Waiting, double Percent, DateTime? EstimatedFinishUtc)
{
    /// <summary>
    /// Works out a run's progress from the counts of its changes in the queue
    /// </summary>
    /// <param name="run">The run</param>
    /// <param name="failed">Its changes that failed</param>
    /// <param name="leftAlone">Its changes left alone (unsubscribed in iContact)</param>
    /// <param name="waiting">Its changes still waiting (pending or claimed)</param>
    /// <param name="nowUtc">The current time</param>
    public static SyncProgress Of(IcontactSyncRun run, int failed, int leftAlone, int waiting, DateTime nowUtc)
    {
        //delivered changes of a run leave the queue (DeliveryQueue.CompleteDeliveredAsync): what was queued and is no longer
        //waiting, failed or left alone was delivered (or replaced by a newer change, or removed with an erased customer)
        var delivered = Math.Max(run.ItemsQueued - waiting - failed - leftAlone, 0);

        double percent;
        if (run.State == SyncRunState.Completed || run.TotalCustomers == 0)
            percent = run.State == SyncRunState.Completed ? 100 : 0;
        else
        {
            //customers read, discounted by the share of their changes still waiting
            var read = Math.Min(run.CustomersRead, run.TotalCustomers) / (double)run.TotalCustomers;
            var sent = run.ItemsQueued == 0 ? 1 : 1 - waiting / (double)run.ItemsQueued;
            percent = Math.Clamp(100 * read * sent, 0, 99.9);
        }

        DateTime? finish = null;
        if (percent is > 0 and < 100)
            finish = run.StartedOnUtc + (nowUtc - run.StartedOnUtc) * (100 / percent);

        return new SyncProgress(run, delivered, failed, leftAlone, waiting, Math.Round(percent, 1), finish);
    }
}
