using System.Linq.Expressions;
using System.Transactions;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Tools;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

//linq2db\'s async operators win over the platform\'s System.Linq ones inside this namespace
using LinqToDB.Async;

/// <summary>
/// IRepository&lt;T&gt; on a real PostgreSQL with the semantics of nopCommerce 4.90.6's EntityRepository and
/// PostgreSqlDataProvider that matter to the plugin: a connection per operation; <see cref="Table"/> is a linq2db query
/// (what linq2db cannot translate fails here as in a store); the list insert takes its ids from the table's sequence on
/// the client and bulk-copies rows with those ids; list insert, list delete and delete-by-predicate run inside a
/// TransactionScope of the default (Serializable) isolation; list update is one UPDATE per entity, outside a transaction.
/// No events, no caching (the cache key arguments are ignored, as a cache miss would).
/// </summary>
public class PostgresRepository<TEntity>(PostgresDatabase database) : IRepository<TEntity> where TEntity : BaseEntity
{
    //EntityRepository.Table → data provider GetTable: a data context that opens a connection per query
    public IQueryable<TEntity> Table => new DataContext(database.Options).GetTable<TEntity>();

    public async Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false)
    {
        if (!id.HasValue || id == 0)
            return null;
        var key = id.Value;
        return await Table.FirstOrDefaultAsync(entity => entity.Id == key);
    }

    public async Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        if (ids?.Any() != true)
            return [];
        var byId = await Table.Where(entity => ids.Contains(entity.Id)).ToDictionaryAsync(entity => entity.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        await (func ?? (query => query))(Table).ToListAsync();

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        await (func is null ? Table : await func(Table)).ToListAsync();

    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, int pageIndex = 0, int pageSize = int.MaxValue,
        bool getOnlyTotalCount = false, bool includeDeleted = true) =>
        await ToPagedListAsync((func ?? (query => query))(Table), pageIndex, pageSize, getOnlyTotalCount);

    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, int pageIndex = 0, int pageSize = int.MaxValue,
        bool getOnlyTotalCount = false, bool includeDeleted = true) =>
        await ToPagedListAsync(func is null ? Table : await func(Table), pageIndex, pageSize, getOnlyTotalCount);

    //PostgreSqlDataProvider.InsertEntityAsync: INSERT … RETURNING the serial id
    public async Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await using var connection = database.Connect();
        entity.Id = await connection.InsertWithInt32IdentityAsync(entity);
    }

    //EntityRepository.InsertAsync(IList) → PostgreSqlDataProvider.BulkInsertEntitiesAsync: ids reserved from the
    //sequence (nextval per row) and written with the rows, inside a Serializable TransactionScope
    public async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);
        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        await using (var connection = database.Connect())
            await connection.BulkCopyAsync(new BulkCopyOptions { KeepIdentity = true }, await entities.RetrieveIdentityAsync(connection, useSequenceName: true));
        transaction.Complete();
    }

    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await using var connection = database.Connect();
        await connection.UpdateAsync(entity);
    }

    //BaseDataProvider.UpdateEntitiesAsync: one UPDATE per entity, each on its own connection, no transaction
    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
            await UpdateAsync(entity, publishEvent);
    }

    public async Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await using var connection = database.Connect();
        await connection.DeleteAsync(entity);
    }

    //BaseDataProvider.BulkDeleteEntitiesAsync: DELETE … WHERE Id IN (…), inside a Serializable TransactionScope
    public async Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (!entities.Any())
            return;
        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        await using (var connection = database.Connect())
        {
            var ids = entities.Select(entity => entity.Id).ToList();
            await connection.GetTable<TEntity>().Where(entity => ids.Contains(entity.Id)).DeleteAsync();
        }
        transaction.Complete();
    }

    public async Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        int deleted;
        await using (var connection = database.Connect())
            deleted = await connection.GetTable<TEntity>().Where(predicate).DeleteAsync();
        transaction.Complete();
        return deleted;
    }

    //AsyncIQueryableExtensions.ToPagedListAsync: a count, then the page by Skip/Take
    private static async Task<IPagedList<TEntity>> ToPagedListAsync(IQueryable<TEntity> query, int pageIndex, int pageSize, bool getOnlyTotalCount)
    {
        pageSize = Math.Max(pageSize, 1);
        var count = await query.CountAsync();
        var data = new List<TEntity>();
        if (!getOnlyTotalCount && count > 0)
            data.AddRange(await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync());
        return new PagedList<TEntity>(data, pageIndex, pageSize, count);
    }
}
