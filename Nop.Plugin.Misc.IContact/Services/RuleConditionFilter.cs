using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Translates a rule's trigger and order conditions into a filter on a customer query, for the set-based counts of the
/// bulk synchronisation's preview: the same conditions <see cref="RuleEvaluator.Explain"/> checks one customer at a
/// time (orders counted as <see cref="OrderStatisticsReader"/> counts them), as correlated subqueries the database runs
/// </summary>
public class RuleConditionFilter
{
    #region Fields

    protected readonly IRepository<NewsLetterSubscription> _newsLetterSubscriptionRepository;
    protected readonly IRepository<Order> _orderRepository;
    protected readonly IRepository<OrderItem> _orderItemRepository;
    protected readonly IRepository<ProductCategory> _productCategoryRepository;
    protected readonly IRepository<ProductManufacturer> _productManufacturerRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public RuleConditionFilter(IRepository<NewsLetterSubscription> newsLetterSubscriptionRepository,
        IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<ProductCategory> productCategoryRepository,
        IRepository<ProductManufacturer> productManufacturerRepository,
        TimeProvider timeProvider)
    {
        _newsLetterSubscriptionRepository = newsLetterSubscriptionRepository;
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _productCategoryRepository = productCategoryRepository;
        _productManufacturerRepository = productManufacturerRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Keeps the customers that meet a rule's trigger (newsletter subscription, placed or paid order with the catalog
    /// filter) and order conditions (count, amount spent, lapsed) in a store; roles, activity, address and consent are
    /// left to the caller. The query is not run.
    /// </summary>
    public virtual IQueryable<Customer> Apply(IQueryable<Customer> customers, IcontactRule rule, int storeId)
    {
        var cancelled = (int)OrderStatus.Cancelled;
        var paid = (int)PaymentStatus.Paid;
        var partlyRefunded = (int)PaymentStatus.PartiallyRefunded;
        var refunded = (int)PaymentStatus.Refunded;
        var orders = _orderRepository.Table.Where(o => !o.Deleted && o.OrderStatusId != cancelled && (storeId == 0 || o.StoreId == storeId));

        if (rule.Trigger == RuleTrigger.NewsletterSubscribers)
        {
            var typeId = rule.NewsletterTypeId;
            var newsletters = _newsLetterSubscriptionRepository.Table.Where(n => n.Active && (storeId == 0 || n.StoreId == storeId) && (typeId == 0 || n.TypeId == typeId));
            customers = customers.Where(c => newsletters.Any(n => n.Email == c.Email));
        }

        if (rule.Trigger is RuleTrigger.OrderPlaced or RuleTrigger.OrderPaid)
        {
            var triggering = rule.Trigger == RuleTrigger.OrderPaid ? orders.Where(o => o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded) : orders;
            if (!rule.HasCatalogFilter)
                customers = customers.Where(c => triggering.Any(o => o.CustomerId == c.Id));
            else
            {
                var productIds = rule.ProductIds.ToList();
                var categoryIds = rule.CategoryIds.ToList();
                var manufacturerIds = rule.ManufacturerIds.ToList();
                var categories = _productCategoryRepository.Table;
                var manufacturers = _productManufacturerRepository.Table;
                var items = _orderItemRepository.Table.Where(i => productIds.Contains(i.ProductId)
                    || categories.Any(m => m.ProductId == i.ProductId && categoryIds.Contains(m.CategoryId))
                    || manufacturers.Any(m => m.ProductId == i.ProductId && manufacturerIds.Contains(m.ManufacturerId)));
                customers = customers.Where(c => triggering.Any(o => o.CustomerId == c.Id && items.Any(i => i.OrderId == o.Id)));
            }
        }

        if (rule.MinOrderCount > 0)
        {
            var count = rule.MinOrderCount;
            customers = customers.Where(c => orders.Count(o => o.CustomerId == c.Id) >= count);
        }

        if (rule.MinTotalSpent > 0)
        {
            var amount = rule.MinTotalSpent;
            customers = customers.Where(c => orders.Where(o => o.CustomerId == c.Id && (o.PaymentStatusId == paid || o.PaymentStatusId == partlyRefunded || o.PaymentStatusId == refunded))
                .Sum(o => o.OrderTotal - o.RefundedAmount) >= amount);
        }

        if (rule.LapsedDays > 0)
        {
            var cutoff = _timeProvider.GetUtcNow().UtcDateTime.AddDays(-rule.LapsedDays);
            customers = customers.Where(c => orders.Any(o => o.CustomerId == c.Id) && !orders.Any(o => o.CustomerId == c.Id && o.CreatedOnUtc > cutoff));
        }

        return customers;
    }

    #endregion
}
