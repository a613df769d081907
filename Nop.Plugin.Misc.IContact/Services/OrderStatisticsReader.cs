using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Reads customers' <see cref="OrderStatistics"/> with one grouped query, never by loading a customer's orders: for one
/// customer on the shopper's request, and for a page of customers in the bulk synchronisation
/// </summary>
public class OrderStatisticsReader
{
    #region Fields

    protected readonly IRepository<Order> _orderRepository;

    #endregion

    #region Ctor

    public OrderStatisticsReader(IRepository<Order> orderRepository)
    {
        _orderRepository = orderRepository;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Groups the counted orders of some customers in a store (0 = every store) into one row per customer. The
    /// repository returns entities only (the platform's async projection helpers are outside its stable surface), so
    /// each row is carried in an <see cref="Order"/>: CustomerId, Id = order count, OrderTotal = amount spent,
    /// PaidDateUtc = first order, CreatedOnUtc = last order, RefundedAmount = the last order's total.
    /// </summary>
    protected virtual async Task<IDictionary<int, OrderStatistics>> ReadAsync(IReadOnlyCollection<int> customerIds, int storeId)
    {
        if (customerIds.Count == 0)
            return new Dictionary<int, OrderStatistics>();

        var ids = customerIds.Distinct().ToList();
        var cancelled = (int)OrderStatus.Cancelled;
        var paid = (int)PaymentStatus.Paid;
        var partlyRefunded = (int)PaymentStatus.PartiallyRefunded;
        var refunded = (int)PaymentStatus.Refunded;

        var rows = await _orderRepository.GetAllAsync(query =>
            from order in query
            where ids.Contains(order.CustomerId) && !order.Deleted && order.OrderStatusId != cancelled && (storeId == 0 || order.StoreId == storeId)
            group order by order.CustomerId into orders
            select new Order
            {
                CustomerId = orders.Key,
                Id = orders.Count(),
                OrderTotal = orders.Sum(o => o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded || o.PaymentStatusId == refunded
                    ? o.OrderTotal - o.RefundedAmount
                    : 0m),
                PaidDateUtc = orders.Min(o => (DateTime?)o.CreatedOnUtc),
                CreatedOnUtc = orders.Max(o => o.CreatedOnUtc),
                RefundedAmount = orders.OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Id).Select(o => o.OrderTotal).FirstOrDefault()
            });

        return rows.ToDictionary(row => row.CustomerId,
            row => new OrderStatistics(row.Id, row.OrderTotal, row.PaidDateUtc, row.CreatedOnUtc, row.RefundedAmount));
    }

    #endregion

    #region Methods

    /// <summary>
    /// Reads one customer's statistics in a store (0 = every store)
    /// </summary>
    public virtual async Task<OrderStatistics> GetAsync(int customerId, int storeId) =>
        (await ReadAsync([customerId], storeId)).TryGetValue(customerId, out var statistics) ? statistics : OrderStatistics.None;

    /// <summary>
    /// Reads the statistics of a page of customers in a store (0 = every store) in one query; customers without
    /// counted orders get <see cref="OrderStatistics.None"/>
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<int, OrderStatistics>> GetManyAsync(IReadOnlyCollection<int> customerIds, int storeId)
    {
        var read = await ReadAsync(customerIds, storeId);
        return customerIds.Distinct().ToDictionary(id => id, id => read.TryGetValue(id, out var statistics) ? statistics : OrderStatistics.None);
    }

    #endregion
}
