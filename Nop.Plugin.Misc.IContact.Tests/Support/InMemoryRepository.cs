using System.Linq.Expressions;
using System.Reflection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// The project's own in-memory stand-in for the platform's repository: a list with identity ids. Like a database, it
/// keeps copies: what a caller changes on an entity it read or wrote is stored only by a write (<see cref="Items"/> are
/// the stored rows themselves, for tests to arrange and inspect)
/// </summary>
public class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private readonly SortedDictionary<int, TEntity> _items = [];
    private int _nextId = 1;
    private readonly object _lock = new();

    //a row materialised anew by every read and written as a copy, as EntityRepository's linq2db queries and writes do
    private static readonly Func<object, object> CopyOf = typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!
        .CreateDelegate<Func<object, object>>();

    protected static TEntity Copy(TEntity entity) => entity is null ? null : (TEntity)CopyOf(entity);

    public IReadOnlyList<TEntity> Items
    {
        get { lock (_lock) return _items.Values.ToList(); }
    }

    public virtual IQueryable<TEntity> Table => (Dropped ? throw new InvalidOperationException($"relation \"{typeof(TEntity).Name}\" does not exist") : Items.Select(Copy)).AsQueryable();

    /// <summary>
    /// Gets or sets whether the table is gone (the plugin was uninstalled and its down migration dropped it): every
    /// read and write throws, as the database does
    /// </summary>
    public bool Dropped { get; set; }

    /// <summary>
    /// Gets or sets a unique index: a second row with the same key is refused, as the database refuses a single-row
    /// INSERT (4.90.6 <c>EntityRepository.InsertAsync</c>) with a unique-key violation
    /// </summary>
    public Func<TEntity, object> UniqueKey { get; init; }

    public Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false)
    {
        lock (_lock)
            return Task.FromResult(id is int key && _items.TryGetValue(key, out var entity) ? Copy(entity) : null);
    }

    public Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult<IList<TEntity>>(Items.Where(e => ids.Contains(e.Id)).Select(Copy).ToList());

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult<IList<TEntity>>((func ?? (q => q))(Table).ToList());

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        func is null ? Table.ToList() : (await func(Table)).ToList();

    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, int pageIndex = 0, int pageSize = int.MaxValue,
        bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = func is null ? Table : await func(Table);
        return await GetAllPagedAsync(_ => query, pageIndex, pageSize, getOnlyTotalCount, includeDeleted);
    }

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, int pageIndex = 0, int pageSize = int.MaxValue,
        bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var all = (func ?? (q => q))(Table).ToList();
        var page = getOnlyTotalCount ? [] : all.Skip(pageIndex * pageSize).Take(pageSize).ToList();
        return Task.FromResult<IPagedList<TEntity>>(new PagedList<TEntity>(page, pageIndex, pageSize, all.Count));
    }

    public virtual Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        _ = Table;
        lock (_lock)
        {
            if (UniqueKey is not null && _items.Values.Any(other => Equals(UniqueKey(other), UniqueKey(entity))))
                throw new InvalidOperationException($"duplicate key value violates unique constraint on {typeof(TEntity).Name}");
            entity.Id = Math.Max(_nextId, _items.Count == 0 ? 1 : _items.Keys.Max() + 1);
            _nextId = entity.Id + 1;
            _items.Add(entity.Id, Copy(entity));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Gets the greatest id stored (0 when empty)
    /// </summary>
    protected int MaxId()
    {
        lock (_lock)
            return _items.Count == 0 ? 0 : _items.Keys.Max();
    }

    /// <summary>
    /// Stores rows with the ids they carry, all or none: false when one of the ids is taken
    /// </summary>
    protected bool TryAddWithIds(IList<TEntity> entities)
    {
        lock (_lock)
        {
            if (entities.Any(e => _items.ContainsKey(e.Id)))
                return false;
            foreach (var entity in entities)
                _items.Add(entity.Id, Copy(entity));
            return true;
        }
    }

    public virtual async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await InsertAsync(entity, publishEvent);
    }

    public virtual Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        _ = Table;
        lock (_lock)
        {
            //EntityRepository.UpdateAsync → UpdateEntityAsync: an UPDATE by id, which changes nothing when the row is gone
            if (_items.ContainsKey(entity.Id))
                _items[entity.Id] = Copy(entity);
        }
        return Task.CompletedTask;
    }

    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await UpdateAsync(entity, publishEvent);
    }

    public Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_lock)
            _items.Remove(entity.Id);
        return Task.CompletedTask;
    }

    public async Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await DeleteAsync(entity, publishEvent);
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        _ = Table;
        var match = predicate.Compile();
        lock (_lock)
        {
            var doomed = _items.Values.Where(match).Select(e => e.Id).ToList();
            foreach (var id in doomed)
                _items.Remove(id);
            return Task.FromResult(doomed.Count);
        }
    }
}

public class PagedList<T>(IList<T> items, int pageIndex, int pageSize, int totalCount) : List<T>(items), IPagedList<T>
{
    public int PageIndex { get; } = pageIndex;
    public int PageSize { get; } = pageSize;
    public int TotalCount { get; } = totalCount;
    public int TotalPages => PageSize <= 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
    public bool HasPreviousPage => PageIndex > 0;
    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
