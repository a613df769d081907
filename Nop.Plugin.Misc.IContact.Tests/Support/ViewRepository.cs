using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// A read-only repository over rows a fixture keeps in its own shape (e.g. customer roles as a dictionary): every read
/// sees the rows as they are at that moment, as the platform's EntityRepository reads the table (no cache); writes are
/// not the plugin's to make
/// </summary>
public class ViewRepository<TEntity>(Func<IEnumerable<TEntity>> rows) : IRepository<TEntity> where TEntity : BaseEntity
{
    public IQueryable<TEntity> Table => rows().ToList().AsQueryable();

    public Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false) =>
        Task.FromResult(Table.FirstOrDefault(e => e.Id == id));

    public Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult<IList<TEntity>>(Table.Where(e => ids.Contains(e.Id)).ToList());

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

    public Task InsertAsync(TEntity entity, bool publishEvent = true) => throw ReadOnly();
    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true) => throw ReadOnly();
    public Task UpdateAsync(TEntity entity, bool publishEvent = true) => throw ReadOnly();
    public Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true) => throw ReadOnly();
    public Task DeleteAsync(TEntity entity, bool publishEvent = true) => throw ReadOnly();
    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true) => throw ReadOnly();
    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new($"The plugin does not write {typeof(TEntity).Name}");
}
