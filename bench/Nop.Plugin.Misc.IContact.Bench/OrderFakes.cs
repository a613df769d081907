using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// The store's orders indexed by customer, and the catalog mappings by product, as a database's indexes serve them
/// (an in-memory IQueryable compiles its expression tree on every run, which would measure the fake, not the plugin).
/// The queries themselves are tested on PostgreSQL (one statement each).
/// </summary>
public sealed class OrderIndex
{
    public InMemoryRepository<Order> Orders { get; } = new();
    public InMemoryRepository<OrderItem> OrderItems { get; } = new();
    public InMemoryRepository<ProductCategory> ProductCategories { get; } = new();
    public Dictionary<int, List<Order>> ByCustomer { get; } = [];
    public Dictionary<int, List<OrderItem>> ItemsByOrder { get; } = [];
    public Dictionary<int, List<int>> CategoriesByProduct { get; } = [];

    public async Task AddAsync(Order order, OrderItem item)
    {
        await Orders.InsertAsync(order);
        item.OrderId = order.Id;
        await OrderItems.InsertAsync(item);
        (ByCustomer.TryGetValue(order.CustomerId, out var orders) ? orders : ByCustomer[order.CustomerId] = []).Add(order);
        ItemsByOrder[order.Id] = [item];
    }

    public async Task AddCategoryAsync(int productId, int categoryId)
    {
        await ProductCategories.InsertAsync(new ProductCategory { ProductId = productId, CategoryId = categoryId });
        (CategoriesByProduct.TryGetValue(productId, out var categories) ? categories : CategoriesByProduct[productId] = []).Add(categoryId);
    }

    public IEnumerable<Order> CountedOrders(int customerId, int storeId) =>
        ByCustomer.GetValueOrDefault(customerId, []).Where(o => !o.Deleted && o.OrderStatus != OrderStatus.Cancelled && (storeId == 0 || o.StoreId == storeId));

    public static bool IsPaid(Order order) => order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;
}

/// <summary>
/// <see cref="OrderStatisticsReader"/> over the index: the same sums as its grouped query
/// </summary>
public sealed class IndexedOrderStatisticsReader(OrderIndex index) : OrderStatisticsReader(index.Orders)
{
    protected override Task<IDictionary<int, OrderStatistics>> ReadAsync(IReadOnlyCollection<int> customerIds, int storeId) =>
        Task.FromResult<IDictionary<int, OrderStatistics>>(customerIds.Distinct()
            .Select(id => (Id: id, Orders: index.CountedOrders(id, storeId).OrderBy(o => o.CreatedOnUtc).ThenBy(o => o.Id).ToList()))
            .Where(c => c.Orders.Count > 0)
            .ToDictionary(c => c.Id, c => new OrderStatistics(c.Orders.Count,
                c.Orders.Where(o => IsSpent(o)).Sum(o => o.OrderTotal - o.RefundedAmount), c.Orders[0].CreatedOnUtc, c.Orders[^1].CreatedOnUtc, c.Orders[^1].OrderTotal)));

    private static bool IsSpent(Order order) => OrderIndex.IsPaid(order) || order.PaymentStatus == PaymentStatus.Refunded;
}

/// <summary>
/// <see cref="PurchaseReader"/> over the index: the same keys as its set-based query
/// </summary>
public sealed class IndexedPurchaseReader(OrderIndex index) : PurchaseReader(index.Orders, index.OrderItems, index.ProductCategories, new InMemoryRepository<ProductManufacturer>())
{
    public override Task<IReadOnlyDictionary<int, PurchaseFacts>> GetManyAsync(IReadOnlyCollection<int> customerIds, int storeId, IEnumerable<IcontactRule> rules)
    {
        var enabled = rules.Where(rule => rule.Enabled && rule.Trigger is RuleTrigger.OrderPlaced or RuleTrigger.OrderPaid).ToList();
        var productIds = enabled.SelectMany(rule => rule.ProductIds).ToHashSet();
        var categoryIds = enabled.SelectMany(rule => rule.CategoryIds).ToHashSet();
        var result = new Dictionary<int, PurchaseFacts>();
        foreach (var customerId in customerIds.Distinct())
        {
            var placed = new HashSet<string>();
            var paid = new HashSet<string>();
            foreach (var order in index.CountedOrders(customerId, storeId))
            {
                var keys = index.ItemsByOrder.GetValueOrDefault(order.Id, [])
                    .SelectMany(item => index.CategoriesByProduct.GetValueOrDefault(item.ProductId, []).Where(categoryIds.Contains).Select(PurchaseFacts.CategoryKey)
                        .Concat(productIds.Contains(item.ProductId) ? [PurchaseFacts.ProductKey(item.ProductId)] : []))
                    .Append(PurchaseFacts.AnyKey)
                    .ToList();
                placed.UnionWith(keys);
                if (OrderIndex.IsPaid(order))
                    paid.UnionWith(keys);
            }

            result[customerId] = new PurchaseFacts(placed, paid);
        }

        return Task.FromResult<IReadOnlyDictionary<int, PurchaseFacts>>(result);
    }
}
