using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Finds the customers who became lapsed ("no order for D days": no event announces that time passed) for the schedule
/// task, with one set-based query per rule and page, and lets the planner decide each one with all the rule's
/// conditions. A store is checked at most once per <see cref="IcontactDefaults.LapsedCheckPeriod"/> (a lease row that
/// is left to expire, so every node and the worker agree). A customer is found once per lapse: the query leaves out
/// customers already on the rule's list and those with a change for that list queued after their last order (kept for
/// the queue's retention), so an order that ends the lapse (and, with "unsubscribe when no longer matching", takes the
/// customer off the list) makes the next lapse count again.
/// </summary>
public class LapsedCustomerService
{
    #region Fields

    protected readonly IcontactLeaseService _leaseService;
    protected readonly IcontactRuleService _ruleService;
    protected readonly IRepository<Customer> _customerRepository;
    protected readonly IRepository<CustomerCustomerRoleMapping> _customerRoleMappingRepository;
    protected readonly IRepository<Order> _orderRepository;
    protected readonly ISettingService _settingService;
    protected readonly IStoreService _storeService;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly SubscriberService _subscriberService;
    protected readonly SubscriptionPlanner _subscriptionPlanner;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public LapsedCustomerService(IcontactLeaseService leaseService,
        IcontactRuleService ruleService,
        IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> customerRoleMappingRepository,
        IRepository<Order> orderRepository,
        ISettingService settingService,
        IStoreService storeService,
        QueueAdminService queueAdminService,
        SubscriberService subscriberService,
        SubscriptionPlanner subscriptionPlanner,
        TimeProvider timeProvider)
    {
        _leaseService = leaseService;
        _ruleService = ruleService;
        _customerRepository = customerRepository;
        _customerRoleMappingRepository = customerRoleMappingRepository;
        _orderRepository = orderRepository;
        _settingService = settingService;
        _storeService = storeService;
        _queueAdminService = queueAdminService;
        _subscriberService = subscriberService;
        _subscriptionPlanner = subscriptionPlanner;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the next page of a rule's lapsed candidates in a store, by id: active customers with an address, in one of
    /// the rule's roles (when it names any), whose last counted order in the store is at least the rule's days old,
    /// not on the rule's list and with no subscribe to it queued after their last order. The query is not run.
    /// </summary>
    public virtual IQueryable<Customer> Candidates(IcontactRule rule, int storeId, int afterCustomerId)
    {
        var cutoff = _timeProvider.GetUtcNow().UtcDateTime.AddDays(-rule.LapsedDays);
        var cancelled = (int)OrderStatus.Cancelled;
        var orders = _orderRepository.Table.Where(o => !o.Deleted && o.OrderStatusId != cancelled && o.StoreId == storeId);
        var mappings = _customerRoleMappingRepository.Table;
        var subscribers = _subscriberService.RecordsOfStore(storeId);
        var queue = _queueAdminService.ItemsOfStore(storeId);
        var roleIds = rule.CustomerRoleIds.ToList();
        var listId = rule.ListId;
        var marker = "," + listId + ",";
        var subscribe = (int)QueueOperation.Subscribe;

        var customers = _customerRepository.Table.Where(c => c.Id > afterCustomerId && !c.Deleted && c.Active && c.Email != null && c.Email != string.Empty);
        if (roleIds.Count > 0)
            customers = customers.Where(c => mappings.Any(m => m.CustomerId == c.Id && roleIds.Contains(m.CustomerRoleId)));

        return customers
            .Where(c => orders.Any(o => o.CustomerId == c.Id) && !orders.Any(o => o.CustomerId == c.Id && o.CreatedOnUtc > cutoff))
            .Where(c => !subscribers.Any(s => s.CustomerId == c.Id && ("," + s.ListIds + ",").Contains(marker)))
            //a subscribe queued since the last order (waiting, delivered or left alone) means this lapse was found; the
            //plugin's own unsubscribe after that order is no such thing, however long the queue keeps it
            .Where(c => !queue.Any(q => q.CustomerId == c.Id && q.ListId == listId && q.OperationId == subscribe
                && !orders.Any(o => o.CustomerId == c.Id && o.CreatedOnUtc >= q.CreatedOnUtc)))
            .OrderBy(c => c.Id)
            .Take(IcontactDefaults.BulkPageSize);
    }

    /// <summary>
    /// Checks a store's lapsed rules now: each candidate is judged by the planner with every condition of every rule
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="expired">Tells when the caller's time budget is used up</param>
    /// <returns>True when the check finished; false when the budget ran out first</returns>
    public virtual async Task<bool> CheckStoreAsync(int storeId, Func<bool> expired)
    {
        var rules = (await _ruleService.GetRulesAsync(storeId)).Where(rule => rule.Enabled && rule.LapsedDays > 0 && !string.IsNullOrEmpty(rule.ListId)).ToList();
        foreach (var rule in rules)
        {
            var after = 0;
            while (true)
            {
                if (expired())
                    return false;

                var page = await _customerRepository.GetAllAsync(_ => Candidates(rule, storeId, after));
                foreach (var customer in page)
                    await _subscriptionPlanner.SyncCustomerInStoreAsync(customer, storeId);
                if (page.Count < IcontactDefaults.BulkPageSize)
                    break;
                after = page[^1].Id;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks every configured store whose last check is at least <see cref="IcontactDefaults.LapsedCheckPeriod"/> old
    /// (called by the schedule task)
    /// </summary>
    /// <param name="budget">Time after which no new page is read; a store whose check did not finish is checked again on the next run</param>
    public virtual async Task CheckDueAsync(TimeSpan budget)
    {
        var end = _timeProvider.GetUtcNow() + budget;
        bool Expired() => _timeProvider.GetUtcNow() >= end;
        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            if (Expired())
                return;
            if (!IcontactConnectionService.IsConfigured(await _settingService.LoadSettingAsync<IcontactSettings>(store.Id))
                || !(await _ruleService.GetRulesAsync(store.Id)).Any(rule => rule.Enabled && rule.LapsedDays > 0))
                continue;

            //the lease is the "checked at" mark: kept until it expires when the check finished, given back when it did not
            var name = $"{IcontactDefaults.SystemName}.Lapsed.{store.Id}";
            var token = await _leaseService.TryAcquireAsync(name, IcontactDefaults.LapsedCheckPeriod);
            if (token is not null && !await CheckStoreAsync(store.Id, Expired))
                await _leaseService.ReleaseAsync(name, token);
        }
    }

    #endregion
}
