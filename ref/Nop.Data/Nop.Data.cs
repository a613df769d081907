namespace Nop.Data
{
    public partial interface IRepository<TEntity> where TEntity : Nop.Core.BaseEntity
    {
        System.Threading.Tasks.Task<TEntity> GetByIdAsync(int? id, System.Func<Nop.Core.Caching.ICacheKeyService, Nop.Core.Caching.CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false);
        System.Threading.Tasks.Task<System.Collections.Generic.IList<TEntity>> GetByIdsAsync(System.Collections.Generic.IList<int> ids, System.Func<Nop.Core.Caching.ICacheKeyService, Nop.Core.Caching.CacheKey> getCacheKey = null, bool includeDeleted = true);
        System.Threading.Tasks.Task<System.Collections.Generic.IList<TEntity>> GetAllAsync(System.Func<System.Linq.IQueryable<TEntity>, System.Linq.IQueryable<TEntity>> func = null, System.Func<Nop.Core.Caching.ICacheKeyService, Nop.Core.Caching.CacheKey> getCacheKey = null, bool includeDeleted = true);
        System.Threading.Tasks.Task<System.Collections.Generic.IList<TEntity>> GetAllAsync(System.Func<System.Linq.IQueryable<TEntity>, System.Threading.Tasks.Task<System.Linq.IQueryable<TEntity>>> func = null, System.Func<Nop.Core.Caching.ICacheKeyService, Nop.Core.Caching.CacheKey> getCacheKey = null, bool includeDeleted = true);
        System.Threading.Tasks.Task<Nop.Core.IPagedList<TEntity>> GetAllPagedAsync(System.Func<System.Linq.IQueryable<TEntity>, System.Linq.IQueryable<TEntity>> func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true);
        System.Threading.Tasks.Task<Nop.Core.IPagedList<TEntity>> GetAllPagedAsync(System.Func<System.Linq.IQueryable<TEntity>, System.Threading.Tasks.Task<System.Linq.IQueryable<TEntity>>> func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true);
        System.Threading.Tasks.Task InsertAsync(TEntity entity, bool publishEvent = true);
        System.Threading.Tasks.Task InsertAsync(System.Collections.Generic.IList<TEntity> entities, bool publishEvent = true);
        System.Threading.Tasks.Task UpdateAsync(TEntity entity, bool publishEvent = true);
        System.Threading.Tasks.Task UpdateAsync(System.Collections.Generic.IList<TEntity> entities, bool publishEvent = true);
        System.Threading.Tasks.Task DeleteAsync(TEntity entity, bool publishEvent = true);
        System.Threading.Tasks.Task DeleteAsync(System.Collections.Generic.IList<TEntity> entities, bool publishEvent = true);
        System.Threading.Tasks.Task<int> DeleteAsync(System.Linq.Expressions.Expression<System.Func<TEntity, bool>> predicate);
        System.Linq.IQueryable<TEntity> Table { get; }
    }
}
namespace Nop.Data.Extensions
{
    public static partial class FluentMigratorExtensions
    {
        public static void TableFor<TEntity>(this FluentMigrator.Builders.Create.ICreateExpressionRoot expressionRoot) where TEntity : Nop.Core.BaseEntity { throw null; }
    }
}
namespace Nop.Data.Mapping.Builders
{
    public partial interface IEntityBuilder
    {
        void MapEntity(FluentMigrator.Builders.Create.Table.CreateTableExpressionBuilder table);
    }
    public abstract partial class NopEntityBuilder<TEntity> : Nop.Data.Mapping.Builders.IEntityBuilder where TEntity : Nop.Core.BaseEntity
    {
        public abstract void MapEntity(FluentMigrator.Builders.Create.Table.CreateTableExpressionBuilder table);
    }
}
namespace Nop.Data.Migrations
{
    public enum MigrationProcessType
    {
        NoMatter = 0,
        Installation = 1,
        Update = 2,
    }
    public enum UpdateMigrationType
    {
        Data = 5,
        Localization = 10,
        Settings = 15,
    }
    public partial class NopMigrationAttribute : FluentMigrator.MigrationAttribute
    {
        public NopMigrationAttribute(string dateTime, string description, Nop.Data.Migrations.MigrationProcessType targetMigrationProcess = Nop.Data.Migrations.MigrationProcessType.NoMatter) : base(0, description) { TargetMigrationProcess = targetMigrationProcess; }
        public virtual Nop.Data.Migrations.MigrationProcessType TargetMigrationProcess { get; }
    }
}
