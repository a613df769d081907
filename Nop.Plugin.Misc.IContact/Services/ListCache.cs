using System.Collections.Concurrent;
using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Remembers each folder's lists for a few minutes so delivery checks its target lists without a request per batch
/// (singleton)
/// </summary>
public class ListCache
{
    private readonly ConcurrentDictionary<string, (DateTime ReadOnUtc, IReadOnlyList<IcontactList> Lists)> _lists = new();

    /// <summary>
    /// Gets how long lists are remembered
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    private static string KeyOf(IcontactFolder folder) => $"{folder.Credentials.ApiBaseUrl}|{folder.AccountId}|{folder.ClientFolderId}";

    /// <summary>
    /// Gets the remembered lists, or null when they must be read again
    /// </summary>
    public virtual IReadOnlyList<IcontactList> Get(IcontactFolder folder, DateTime nowUtc) =>
        _lists.TryGetValue(KeyOf(folder), out var entry) && nowUtc - entry.ReadOnUtc < Lifetime ? entry.Lists : null;

    /// <summary>
    /// Remembers lists
    /// </summary>
    public virtual void Set(IcontactFolder folder, IReadOnlyList<IcontactList> lists, DateTime nowUtc) => _lists[KeyOf(folder)] = (nowUtc, lists);

    /// <summary>
    /// Forgets a folder's lists
    /// </summary>
    public virtual void Invalidate(IcontactFolder folder) => _lists.TryRemove(KeyOf(folder), out _);
}
