using System.Collections.Concurrent;
using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Remembers, per list, the contacts iContact has as unsubscribed (read page by page), so a bulk synchronisation never
/// re-subscribes them; kept for a few minutes (singleton)
/// </summary>
public class UnsubscribedIndex
{
    private readonly ConcurrentDictionary<string, (DateTime ReadOnUtc, HashSet<string> ContactIds)> _lists = new();

    /// <summary>
    /// Gets or sets how long a list's unsubscribed contacts are remembered
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    private static string KeyOf(IcontactFolder folder, string listId) => $"{folder.Credentials.ApiBaseUrl}|{folder.AccountId}|{folder.ClientFolderId}|{listId}";

    /// <summary>
    /// Gets the remembered contact ids, or null when they must be read again
    /// </summary>
    public virtual HashSet<string> Get(IcontactFolder folder, string listId, DateTime nowUtc) =>
        _lists.TryGetValue(KeyOf(folder, listId), out var entry) && nowUtc - entry.ReadOnUtc < Lifetime ? entry.ContactIds : null;

    /// <summary>
    /// Remembers contact ids
    /// </summary>
    public virtual void Set(IcontactFolder folder, string listId, HashSet<string> contactIds, DateTime nowUtc) =>
        _lists[KeyOf(folder, listId)] = (nowUtc, contactIds);
}
