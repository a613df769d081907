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
    /// Groups the counted orders of some customers in a store (0 = every store) into one row per customer, in one
    /// query: the aggregates grouped once, joined with the orders placed at each customer's last order time for the last
    /// order's total (a correlated subquery per customer would scan the order table once per customer: on PostgreSQL the
    /// platform's database has no index on Order.CustomerId). The repository returns entities only (the
    /// platform's async projection helpers are outside its stable surface), so each row is carried in an
    /// <see cref="Order"/>: CustomerId, Id = order count, OrderTotal = amount spent, PaidDateUtc = first order,
    /// CreatedOnUtc = last order, RefundedAmount = the last order's total, AffiliateId = the last order's id (ties at the
    /// same time go to the newest order).
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
        {
            var counted = query.Where(order => ids.Contains(order.CustomerId) && !order.Deleted && order.OrderStatusId != cancelled && (storeId == 0 || order.StoreId == storeId));
            var totals =
                from order in counted
                group order by order.CustomerId into orders
                select new Order
                {
                    CustomerId = orders.Key,
                    Id = orders.Count(),
                    OrderTotal = orders.Sum(o => o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded || o.PaymentStatusId == refunded
                        ? o.OrderTotal - o.RefundedAmount
                        : 0m),
                    PaidDateUtc = orders.Min(o => (DateTime?)o.CreatedOnUtc),
                    CreatedOnUtc = orders.Max(o => o.CreatedOnUtc)
                };
            return from total in totals
                join last in counted on new { total.CustomerId, total.CreatedOnUtc } equals new { last.CustomerId, last.CreatedOnUtc }
                select new Order
                {
                    CustomerId = total.CustomerId,
                    Id = total.Id,
                    OrderTotal = total.OrderTotal,
                    PaidDateUtc = total.PaidDateUtc,
                    CreatedOnUtc = total.CreatedOnUtc,
                    RefundedAmount = last.OrderTotal,
                    AffiliateId = last.Id
                };
        });

        return rows.GroupBy(row => row.CustomerId).Select(group => group.MaxBy(row => row.AffiliateId)!).ToDictionary(row => row.CustomerId,
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
