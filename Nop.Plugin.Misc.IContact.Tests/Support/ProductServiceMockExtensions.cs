using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// The platform's product search has 23 parameters, more than a Moq callback takes: one setup, read by position
/// </summary>
public static class ProductServiceMockExtensions
{
    /// <summary>
    /// Answers SearchProductsAsync like ProductService.SearchProductsAsync does for a catalog: deleted products never,
    /// unpublished ones only with showHidden, keywords matching names (the database's case-insensitive collation), at
    /// most pageSize; records each call's (keywords, storeId, showHidden)
    /// </summary>
    public static void SetupProductSearch(this Mock<IProductService> mock, IList<Product> catalog, IList<(string Keywords, int StoreId, bool ShowHidden)> calls)
    {
        mock.Setup(p => p.SearchProductsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IList<int>>(), It.IsAny<IList<int>>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<ProductType?>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<decimal?>(), It.IsAny<decimal?>(), It.IsAny<int>(),
                It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<int>(),
                It.IsAny<IList<SpecificationAttributeOption>>(), It.IsAny<ProductSortingEnum>(), It.IsAny<bool>(), It.IsAny<bool?>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var args = invocation.Arguments;
                var (pageIndex, pageSize, storeId, keywords, showHidden) = ((int)args[0], (int)args[1], (int)args[4], (string)args[13], (bool)args[21]);
                calls.Add((keywords, storeId, showHidden));
                var found = catalog.Where(p => !p.Deleted && (showHidden || p.Published)
                    && (string.IsNullOrEmpty(keywords) || p.Name.Contains(keywords, StringComparison.OrdinalIgnoreCase))).ToList();
                return Task.FromResult<IPagedList<Product>>(new PagedList<Product>(found.Take(pageSize).ToList(), pageIndex, pageSize, found.Count));
            }));
    }
}
