using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// A read-only IRepository&lt;T&gt; over rows a test keeps elsewhere (its customers, roles and newsletter rows), so the
/// plugin's set-based reads see what the platform service fakes see. Like EntityRepository.Table it includes
/// soft-deleted rows; writes are not the plugin's business and throw.
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
        (func is null ? Table : await func(Table)).ToList();

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, int pageIndex = 0, int pageSize = int.MaxValue,
        bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var all = (func ?? (q => q))(Table).ToList();
        return Task.FromResult<IPagedList<TEntity>>(new PagedList<TEntity>(getOnlyTotalCount ? [] : all.Skip(pageIndex * pageSize).Take(pageSize).ToList(), pageIndex, pageSize, all.Count));
    }

    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, int pageIndex = 0, int pageSize = int.MaxValue,
        bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = func is null ? Table : await func(Table);
        return await GetAllPagedAsync(_ => query, pageIndex, pageSize, getOnlyTotalCount);
    }

    public Task InsertAsync(TEntity entity, bool publishEvent = true) => throw new NotSupportedException();
    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public Task UpdateAsync(TEntity entity, bool publishEvent = true) => throw new NotSupportedException();
    public Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public Task DeleteAsync(TEntity entity, bool publishEvent = true) => throw new NotSupportedException();
    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => throw new NotSupportedException();
}
