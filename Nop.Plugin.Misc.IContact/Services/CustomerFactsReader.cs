using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Reads, for the bulk synchronisation and its preview, the customers the rules concern and what the rules need to
/// know about each
/// </summary>
public class CustomerFactsReader
{
    #region Fields

    protected readonly ICustomerService _customerService;
    protected readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    protected readonly IRepository<CustomerCustomerRoleMapping> _roleMappingRepository;

    #endregion

    #region Ctor

    public CustomerFactsReader(ICustomerService customerService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        IRepository<CustomerCustomerRoleMapping> roleMappingRepository)
    {
        _customerService = customerService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _roleMappingRepository = roleMappingRepository;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the roles the enabled rules mention
    /// </summary>
    public static int[] RolesOf(IEnumerable<IcontactRule> rules) =>
        rules.Where(rule => rule.Enabled).SelectMany(rule => rule.CustomerRoleIds).Distinct().ToArray();

    /// <summary>
    /// Reads a customer's active roles from the mappings themselves, never from the platform's per-request role cache:
    /// a role-mapping event may reach the plugin before the platform's cache consumer has evicted the roles read
    /// earlier in the same request (consumer order is not fixed)
    /// </summary>
    public virtual async Task<int[]> FreshRoleIdsAsync(Customer customer)
    {
        var customerId = customer.Id;
        var mapped = await _roleMappingRepository.GetAllAsync(query => query.Where(mapping => mapping.CustomerId == customerId));
        var active = (await _customerService.GetAllCustomerRolesAsync()).Select(role => role.Id).ToHashSet();
        return mapped.Select(mapping => mapping.CustomerRoleId).Where(active.Contains).Distinct().ToArray();
    }

    /// <summary>
    /// Reads the customers in some roles page by page, newest first (named arguments: the platform's parameter order is long)
    /// </summary>
    public virtual Task<IPagedList<Customer>> CustomersPageAsync(int[] roleIds, DateTime? createdToUtc, int pageIndex, bool countOnly = false) =>
        _customerService.GetAllCustomersAsync(createdToUtc: createdToUtc, customerRoleIds: roleIds, pageIndex: pageIndex,
            pageSize: IcontactDefaults.BulkPageSize, getOnlyTotalCount: countOnly);

    /// <summary>
    /// Reads a customer's facts, and all its newsletter subscriptions in the store (active or not)
    /// </summary>
    public virtual async Task<(CustomerFacts Facts, IList<NewsLetterSubscription> Newsletters)> ReadAsync(Customer customer, int storeId)
    {
        var roles = await _customerService.GetCustomerRoleIdsAsync(customer);
        var newsletters = string.IsNullOrWhiteSpace(customer.Email)
            ? []
            : await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(customer.Email, storeId);
        var activeTypes = newsletters.Where(s => s.Active).Select(s => s.TypeId).ToList();
        return (new CustomerFacts(customer.Email, customer.Active, roles, activeTypes), newsletters);
    }

    #endregion
}
