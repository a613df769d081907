using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents one customer of a bulk page: the customer, its roles among the rules' roles, the types of its active
/// newsletter rows in the store, and what the plugin delivered to it in the store (null for nothing)
/// </summary>
public record CustomerPageEntry(Customer Customer, IReadOnlyCollection<int> RoleIds, IReadOnlyCollection<int> NewsletterTypeIds, IcontactSubscriber Subscriber);

/// <summary>
/// Reads, for the bulk synchronisation and its preview, the customers the rules concern and what the rules need to
/// know about each
/// </summary>
public class CustomerFactsReader
{
    #region Fields

    protected readonly ICustomerService _customerService;
    protected readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    protected readonly IRepository<Customer> _customerRepository;
    protected readonly IRepository<CustomerCustomerRoleMapping> _customerRoleMappingRepository;
    protected readonly IRepository<NewsLetterSubscription> _newsLetterSubscriptionRepository;
    protected readonly IRepository<IcontactCustomerPageRow> _pageRowRepository;
    protected readonly SubscriberService _subscriberService;

    #endregion

    #region Ctor

    public CustomerFactsReader(ICustomerService customerService, INewsLetterSubscriptionService newsLetterSubscriptionService,
        IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> customerRoleMappingRepository,
        IRepository<NewsLetterSubscription> newsLetterSubscriptionRepository,
        IRepository<IcontactCustomerPageRow> pageRowRepository,
        SubscriberService subscriberService)
    {
        _customerService = customerService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _customerRepository = customerRepository;
        _customerRoleMappingRepository = customerRoleMappingRepository;
        _newsLetterSubscriptionRepository = newsLetterSubscriptionRepository;
        _pageRowRepository = pageRowRepository;
        _subscriberService = subscriberService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the roles the enabled rules mention
    /// </summary>
    public static int[] RolesOf(IEnumerable<IcontactRule> rules) =>
        rules.Where(rule => rule.Enabled).SelectMany(rule => rule.CustomerRoleIds).Distinct().ToArray();

    /// <summary>
    /// Gets the roles whose customers a bulk run reads: the roles the enabled rules name, or none (every customer)
    /// when an enabled rule names no role (an order or newsletter rule such as "spent 500 or more" is about everyone);
    /// null when there is no enabled rule
    /// </summary>
    public static int[] AudienceOf(IReadOnlyCollection<IcontactRule> rules) =>
        rules.Any(rule => rule.Enabled && rule.CustomerRoleIds is not { Count: > 0 }) ? []
        : RolesOf(rules) is { Length: > 0 } roles ? roles
        : null;

    /// <summary>
    /// Reads a customer's active roles from the mappings themselves, never from the platform's per-request role cache:
    /// a role-mapping event may reach the plugin before the platform's cache consumer has evicted the roles read
    /// earlier in the same request (consumer order is not fixed)
    /// </summary>
    public virtual async Task<int[]> FreshRoleIdsAsync(Customer customer)
    {
        var customerId = customer.Id;
        var mapped = await _customerRoleMappingRepository.GetAllAsync(query => query.Where(mapping => mapping.CustomerId == customerId));
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
    /// Gets the customers (not deleted: the repository's table includes soft-deleted rows) in any of some roles (no
    /// roles: every customer, for rules about newsletter subscribers or buyers that name none), registered up to a time;
    /// the query is not run, so callers count or page it
    /// </summary>
    public virtual IQueryable<Customer> CustomersInRoles(int[] roleIds, DateTime? createdToUtc = null)
    {
        var mappings = _customerRoleMappingRepository.Table;
        var customers = roleIds.Length == 0
            ? _customerRepository.Table.Where(c => !c.Deleted)
            : _customerRepository.Table.Where(c => !c.Deleted && mappings.Any(m => m.CustomerId == c.Id && roleIds.Contains(m.CustomerRoleId)));
        return createdToUtc is { } to ? customers.Where(c => c.CreatedOnUtc <= to) : customers;
    }

    /// <summary>
    /// Gets the newsletter rows of a store (every store for 0); the query is not run
    /// </summary>
    public virtual IQueryable<NewsLetterSubscription> NewslettersOfStore(int storeId) =>
        _newsLetterSubscriptionRepository.Table.Where(n => storeId == 0 || n.StoreId == storeId);

    /// <summary>
    /// Reads the next page of customers by key (customers with an id above the last one read, so customers registering
    /// or deleted meanwhile shift nothing), with their roles among the given ones, their active newsletter rows in the
    /// store when asked and their subscriber records, in one query; the page is empty when the run is no longer where
    /// its caller found it
    /// </summary>
    /// <param name="audience">The customers' roles (none: every customer; see <see cref="AudienceOf"/>)</param>
    /// <param name="roleIds">The rules' roles, read for each customer</param>
    /// <param name="createdToUtc">Newest registration the run covers</param>
    /// <param name="afterCustomerId">Id of the last customer read (0 at the start)</param>
    /// <param name="storeId">Store of the newsletter rows and subscriber records</param>
    /// <param name="withNewsletters">Whether a rule asks for newsletter consent</param>
    /// <param name="runStillThere">A query that finds the run only while it is still at this position (not run here)</param>
    /// <returns>The page, by id</returns>
    public virtual async Task<IList<CustomerPageEntry>> ReadPageAsync(int[] audience, int[] roleIds, DateTime createdToUtc, int afterCustomerId, int storeId,
        bool withNewsletters, IQueryable<IcontactSyncRun> runStillThere)
    {
        var page = CustomersInRoles(audience, createdToUtc)
            .Where(c => c.Id > afterCustomerId && runStillThere.Any())
            .OrderBy(c => c.Id)
            .Take(IcontactDefaults.BulkPageSize);
        var mappings = _customerRoleMappingRepository.Table;
        var newsletters = _newsLetterSubscriptionRepository.Table;
        var subscribers = _subscriberService.RecordsOfStore(storeId);

        //one row per customer × role (or none) × newsletter row (or none) × subscriber record (or none): a few rows per customer
        var rows = await _pageRowRepository.GetAllAsync(_ =>
            from customer in page
            from mapping in mappings.Where(m => m.CustomerId == customer.Id && roleIds.Contains(m.CustomerRoleId)).DefaultIfEmpty()
            from newsletter in newsletters.Where(n => withNewsletters && n.Active && (storeId == 0 || n.StoreId == storeId) && n.Email == customer.Email).DefaultIfEmpty()
            from subscriber in subscribers.Where(s => s.CustomerId == customer.Id).DefaultIfEmpty()
            select new IcontactCustomerPageRow
            {
                Id = customer.Id,
                Customer = customer,
                RoleId = mapping == null ? null : mapping.CustomerRoleId,
                NewsletterTypeId = newsletter == null ? null : newsletter.TypeId,
                Subscriber = subscriber
            });

        return rows
            .GroupBy(row => row.Id)
            .OrderBy(group => group.Key)
            .Select(group => new CustomerPageEntry(group.First().Customer,
                group.Where(row => row.RoleId.HasValue).Select(row => row.RoleId.Value).Distinct().ToList(),
                group.Where(row => row.NewsletterTypeId.HasValue).Select(row => row.NewsletterTypeId.Value).Distinct().ToList(),
                group.First().Subscriber))
            .ToList();
    }

    /// <summary>
    /// Counts the customers of a query made from <see cref="CustomersInRoles"/> (one aggregate query)
    /// </summary>
    public virtual async Task<int> CountAsync(IQueryable<Customer> customers) =>
        (await _customerRepository.GetAllPagedAsync(_ => customers, pageIndex: 0, pageSize: 1, getOnlyTotalCount: true)).TotalCount;

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
