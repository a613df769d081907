using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// A repository over rows a fixture keeps in its own shape (e.g. customer roles as a dictionary): every query sees the
/// rows as they are at that moment, as the platform's EntityRepository reads the table (no cache)
/// </summary>
public class ViewRepository<TEntity>(Func<IEnumerable<TEntity>> rows) : InMemoryRepository<TEntity> where TEntity : BaseEntity
{
    public override IQueryable<TEntity> Table => rows().ToList().AsQueryable();
}
