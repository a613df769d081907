using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The newest word wins, by construction: for one store, address and list (erasures apart) an item is never sent
/// when a newer item exists in any state, and never claimed while an older one is still in flight on a live lease.
/// Applied at every claim, so it holds across batches, back-off, retries and nodes.
/// </summary>
public static class QueueOrdering
{
    private static (string Email, string ListId, bool Erase) KeyOf(IcontactQueueItem item) =>
        (item.Email, item.ListId, item.Operation == QueueOperation.DeleteContact);

    /// <summary>
    /// Sorts claim candidates
    /// </summary>
    /// <param name="candidates">Items due now</param>
    /// <param name="related">Other items of the same addresses: newer ones and those in flight (candidates may repeat here)</param>
    /// <param name="nowUtc">Current time</param>
    /// <returns>Items a newer item supersedes (never to be sent), and items that must wait for an older one in flight</returns>
    public static (List<IcontactQueueItem> Superseded, List<IcontactQueueItem> Blocked) Sort(IList<IcontactQueueItem> candidates,
        IEnumerable<IcontactQueueItem> related, DateTime nowUtc)
    {
        var byKey = related.Concat(candidates).DistinctBy(item => item.Id).ToLookup(KeyOf);
        var superseded = new List<IcontactQueueItem>();
        var blocked = new List<IcontactQueueItem>();
        foreach (var candidate in candidates)
        {
            var same = byKey[KeyOf(candidate)].ToList();
            if (same.Any(other => other.Id > candidate.Id))
                superseded.Add(candidate);
            else if (same.Any(other => other.Id < candidate.Id && other.State == QueueItemState.InFlight && other.LeaseExpiresOnUtc >= nowUtc))
                blocked.Add(candidate);
        }

        return (superseded, blocked);
    }
}
