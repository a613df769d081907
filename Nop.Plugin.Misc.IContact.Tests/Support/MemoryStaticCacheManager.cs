using System.Collections.Concurrent;
using Nop.Core.Caching;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// Imitates nopCommerce 4.90.6's MemoryCacheManager (Nop.Core.Caching) where the plugin depends on its behaviour:
/// PrepareKey/PrepareKeyForDefaultCache build a new key through CacheKey.Create, so the key carries the platform's
/// default cache time (CacheConfig.DefaultCacheTime, 60 minutes) and not the declared key's; an entry expires
/// CacheTime minutes after it was stored (measured on the given clock); a CacheTime of 0 or less caches nothing; a
/// failed acquire caches nothing; RemoveByPrefixAsync removes every key that starts with the formatted prefix; values
/// are shared by reference.
/// </summary>
public sealed class MemoryStaticCacheManager(TimeProvider clock) : IStaticCacheManager
{
    /// <summary>
    /// CacheConfig.DefaultCacheTime of 4.90.6
    /// </summary>
    public const int DefaultCacheTime = 60;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ExpiresOn, object Value)> _entries = new();

    private static object Parameter(object parameter) => parameter switch
    {
        null => "null",
        IEnumerable<int> ids => string.Join(",", ids.OrderBy(id => id)),
        _ => parameter
    };

    private static string Format(string pattern, object[] parameters) =>
        parameters is { Length: > 0 } ? string.Format(pattern, parameters.Select(Parameter).ToArray()) : pattern;

    public CacheKey PrepareKey(CacheKey cacheKey, params object[] cacheKeyParameters) =>
        new(Format(cacheKey.Key, cacheKeyParameters)) { CacheTime = DefaultCacheTime };

    public CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters) =>
        new(Format(cacheKey.Key, cacheKeyParameters)) { CacheTime = DefaultCacheTime };

    private bool TryGet(CacheKey key, out object value)
    {
        value = null;
        if (!_entries.TryGetValue(key.Key, out var entry))
            return false;
        if (entry.ExpiresOn <= clock.GetUtcNow())
        {
            _entries.TryRemove(key.Key, out _);
            return false;
        }

        value = entry.Value;
        return true;
    }

    public async Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire)
    {
        if ((key?.CacheTime ?? 0) <= 0)
            return await acquire();
        if (TryGet(key, out var cached))
            return (T)cached;

        var value = await acquire();
        await SetAsync(key, value);
        return value;
    }

    public Task<T> GetAsync<T>(CacheKey key, Func<T> acquire) => GetAsync(key, () => Task.FromResult(acquire()));

    public Task<T> GetAsync<T>(CacheKey key, T defaultValue = default) =>
        Task.FromResult(TryGet(key, out var cached) ? (T)cached : defaultValue);

    public Task<object> GetAsync(CacheKey key) => Task.FromResult(TryGet(key, out var cached) ? cached : null);

    public Task RemoveAsync(CacheKey cacheKey, params object[] cacheKeyParameters)
    {
        _entries.TryRemove(PrepareKey(cacheKey, cacheKeyParameters).Key, out _);
        return Task.CompletedTask;
    }

    public Task SetAsync<T>(CacheKey key, T data)
    {
        if (data is not null && (key?.CacheTime ?? 0) > 0)
            _entries[key.Key] = (clock.GetUtcNow().AddMinutes(key.CacheTime), data);
        return Task.CompletedTask;
    }

    public Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters)
    {
        var formatted = Format(prefix, prefixParameters);
        foreach (var key in _entries.Keys.Where(key => key.StartsWith(formatted, StringComparison.OrdinalIgnoreCase)))
            _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task ClearAsync()
    {
        _entries.Clear();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
