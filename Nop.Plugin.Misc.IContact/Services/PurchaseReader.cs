using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Reads what customers bought among the catalog items the rules filter on (<see cref="PurchaseFacts"/>), with one
/// set-based query over Order, OrderItem and the product-category and product-manufacturer mappings: never by loading
/// a customer's orders or a catalog
/// </summary>
public class PurchaseReader
{
    #region Fields

    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OrderItem> _orderItemRepository;
    protected readonly IRepository<ProductCategory> _productCategoryRepository;
    protected readonly IRepository<ProductManufacturer> _productManufacturerRepository;

    #endregion

    #region Ctor

    public PurchaseReader(IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<ProductCategory> productCategoryRepository,
        IRepository<ProductManufacturer> productManufacturerRepository)
    {
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _productCategoryRepository = productCategoryRepository;
        _productManufacturerRepository = productManufacturerRepository;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a value indicating whether any enabled rule needs purchases (a paid-order trigger, or an order trigger
    /// with a catalog filter; "placed any order" comes from the order statistics)
    /// </summary>
    public static bool Needed(IEnumerable<IcontactRule> rules) =>
        rules.Any(rule => rule.Enabled && (rule.Trigger == RuleTrigger.OrderPaid || (rule.Trigger == RuleTrigger.OrderPlaced && rule.HasCatalogFilter)));

    /// <summary>
    /// Reads the purchases of some customers in a store (0 = every store) that the rules ask about, in one query. Each
    /// row is carried in an <see cref="OrderItem"/> (the repository returns entities only): OrderId = customer id,
    /// Quantity = what matched (0 any paid order, 1 product, 2 category, 3 manufacturer), ProductId = its id,
    /// PriceInclTax = 1 when the order is paid (paid or partly refunded)
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<int, PurchaseFacts>> GetManyAsync(IReadOnlyCollection<int> customerIds, int storeId, IEnumerable<IcontactRule> rules)
    {
        var enabled = rules.Where(rule => rule.Enabled && rule.Trigger is RuleTrigger.OrderPlaced or RuleTrigger.OrderPaid).ToList();
        var ids = customerIds.Distinct().ToList();
        var productIds = enabled.SelectMany(rule => rule.ProductIds).Distinct().ToList();
        var categoryIds = enabled.SelectMany(rule => rule.CategoryIds).Distinct().ToList();
        var manufacturerIds = enabled.SelectMany(rule => rule.ManufacturerIds).Distinct().ToList();
        var anyPaid = enabled.Any(rule => rule.Trigger == RuleTrigger.OrderPaid && !rule.HasCatalogFilter);
        var empty = ids.ToDictionary(id => id, _ => PurchaseFacts.None);
        if (ids.Count == 0 || (productIds.Count == 0 && categoryIds.Count == 0 && manufacturerIds.Count == 0 && !anyPaid))
            return empty;

        var cancelled = (int)OrderStatus.Cancelled;
        var paid = (int)PaymentStatus.Paid;
        var partlyRefunded = (int)PaymentStatus.PartiallyRefunded;
        var counted = _orderRepository.Table.Where(o => ids.Contains(o.CustomerId) && !o.Deleted && o.OrderStatusId != cancelled && (storeId == 0 || o.StoreId == storeId));
        var categories = _productCategoryRepository.Table;
        var manufacturers = _productManufacturerRepository.Table;

        var rows = await _orderItemRepository.GetAllAsync(items =>
        {
            IQueryable<OrderItem> parts = null;
            void Add(IQueryable<OrderItem> part) => parts = parts is null ? part : parts.Concat(part);

            if (anyPaid)
            {
                Add(from o in counted
                    where o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded
                    select new OrderItem { OrderId = o.CustomerId, Quantity = 0, ProductId = 0, PriceInclTax = 1 });
            }

            if (productIds.Count > 0)
            {
                Add(from i in items
                    join o in counted on i.OrderId equals o.Id
                    where productIds.Contains(i.ProductId)
                    select new OrderItem { OrderId = o.CustomerId, Quantity = 1, ProductId = i.ProductId, PriceInclTax = o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded ? 1 : 0 });
            }

            if (categoryIds.Count > 0)
            {
                Add(from i in items
                    join o in counted on i.OrderId equals o.Id
                    join m in categories on i.ProductId equals m.ProductId
                    where categoryIds.Contains(m.CategoryId)
                    select new OrderItem { OrderId = o.CustomerId, Quantity = 2, ProductId = m.CategoryId, PriceInclTax = o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded ? 1 : 0 });
            }

            if (manufacturerIds.Count > 0)
            {
                Add(from i in items
                    join o in counted on i.OrderId equals o.Id
                    join m in manufacturers on i.ProductId equals m.ProductId
                    where manufacturerIds.Contains(m.ManufacturerId)
                    select new OrderItem { OrderId = o.CustomerId, Quantity = 3, ProductId = m.ManufacturerId, PriceInclTax = o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded ? 1 : 0 });
            }

            return parts.Distinct();
        });

        foreach (var customer in rows.GroupBy(row => row.OrderId))
        {
            var placed = new HashSet<string>();
            var paidKeys = new HashSet<string>();
            foreach (var row in customer)
            {
                var key = row.Quantity switch
                {
                    1 => PurchaseFacts.ProductKey(row.ProductId),
                    2 => PurchaseFacts.CategoryKey(row.ProductId),
                    3 => PurchaseFacts.ManufacturerKey(row.ProductId),
                    _ => PurchaseFacts.AnyKey
                };
                placed.Add(key);
                if (row.PriceInclTax == 1)
                    paidKeys.Add(key);
            }

            empty[customer.Key] = new PurchaseFacts(placed, paidKeys);
        }

        return empty;
    }

    /// <summary>
    /// Reads one customer's purchases in a store
    /// </summary>
    public virtual async Task<PurchaseFacts> GetAsync(int customerId, int storeId, IEnumerable<IcontactRule> rules) =>
        (await GetManyAsync([customerId], storeId, rules)).GetValueOrDefault(customerId, PurchaseFacts.None);

    #endregion
}
