using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
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

    #endregion

    #region Ctor

    public CustomerFactsReader(ICustomerService customerService, INewsLetterSubscriptionService newsLetterSubscriptionService)
    {
        _customerService = customerService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the roles the enabled rules mention
    /// </summary>
    public static int[] RolesOf(IEnumerable<IcontactRule> rules) =>
        rules.Where(rule => rule.Enabled).SelectMany(rule => rule.CustomerRoleIds).Distinct().ToArray();

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
