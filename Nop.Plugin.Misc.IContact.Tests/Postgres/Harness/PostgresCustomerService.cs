using System.Net.Mail;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

//linq2db\'s async operators win over the platform\'s System.Linq ones inside this namespace
using LinqToDB.Async;

/// <summary>
/// The members of nopCommerce 4.90.6's CustomerService and NewsLetterSubscriptionService that the plugin calls, with
/// their queries against the PostgreSQL repositories (the per-customer path bulk synchronisation takes today):
/// roles come from an all-roles dictionary read once (the platform caches it) and one mapping query per customer
/// (the platform's short-term cache does not help across customers); customers page by CreatedOnUtc descending with a
/// count and Skip/Take; newsletter rows are one query per email.
/// </summary>
public class PostgresCustomerService(PostgresDatabase database) : ICustomerService, INewsLetterSubscriptionService
{
    private readonly PostgresRepository<Customer> _customers = database.Repository<Customer>();
    private readonly PostgresRepository<CustomerRole> _roles = database.Repository<CustomerRole>();
    private readonly PostgresRepository<CustomerCustomerRoleMapping> _mappings = database.Repository<CustomerCustomerRoleMapping>();
    private readonly PostgresRepository<NewsLetterSubscription> _subscriptions = database.Repository<NewsLetterSubscription>();
    private Dictionary<int, CustomerRole> _allRoles;

    private async Task<Dictionary<int, CustomerRole>> AllRolesAsync() =>
        _allRoles ??= (await _roles.GetAllAsync(query => query)).ToDictionary(role => role.Id);

    //CustomerService.GetAllCustomerRolesAsync
    public async Task<IList<CustomerRole>> GetAllCustomerRolesAsync(bool showHidden = false) =>
        (await AllRolesAsync()).Values.Where(role => showHidden || role.Active).ToList();

    //CustomerService.GetCustomerRoleIdsAsync → GetCustomerRolesAsync: the customer's mappings, then the cached roles
    public async Task<int[]> GetCustomerRoleIdsAsync(Customer customer, bool showHidden = false)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var roles = await AllRolesAsync();
        var mappings = await _mappings.GetAllAsync(query => query.Where(mapping => mapping.CustomerId == customer.Id));
        return mappings.Select(mapping => roles.GetValueOrDefault(mapping.CustomerRoleId))
            .Where(role => role is not null && (showHidden || role.Active))
            .Select(role => role.Id)
            .ToArray();
    }

    public Task<Customer> GetCustomerByIdAsync(int customerId) => _customers.GetByIdAsync(customerId);

    //CustomerService.GetCustomerByEmailAsync: the first by id (citext: any letter case)
    public async Task<Customer> GetCustomerByEmailAsync(string email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        return await _customers.Table.OrderBy(customer => customer.Id).Where(customer => customer.Email == email).FirstOrDefaultAsync();
    }

    public Task<IList<Customer>> GetCustomersByIdsAsync(int[] customerIds) => _customers.GetByIdsAsync(customerIds);

    //CustomerService.GetAllCustomersAsync with the filters the ref Customer can express
    public Task<IPagedList<Customer>> GetAllCustomersAsync(DateTime? createdFromUtc = null, DateTime? createdToUtc = null, DateTime? lastActivityFromUtc = null,
        DateTime? lastActivityToUtc = null, int affiliateId = 0, int vendorId = 0, int[] customerRoleIds = null, string email = null, string username = null,
        string firstName = null, string lastName = null, int dayOfBirth = 0, int monthOfBirth = 0, string company = null, string phone = null,
        string zipPostalCode = null, string ipAddress = null, bool? isActive = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false)
    {
        if (lastActivityFromUtc.HasValue || lastActivityToUtc.HasValue || affiliateId > 0 || vendorId > 0 || dayOfBirth > 0 || monthOfBirth > 0 || !string.IsNullOrWhiteSpace(ipAddress))
            throw new NotSupportedException("the harness's Customer has no such column");

        return _customers.GetAllPagedAsync(query =>
        {
            if (createdFromUtc.HasValue)
                query = query.Where(c => createdFromUtc.Value <= c.CreatedOnUtc);
            if (createdToUtc.HasValue)
                query = query.Where(c => createdToUtc.Value >= c.CreatedOnUtc);
            if (isActive.HasValue)
                query = query.Where(c => c.Active == isActive.Value);
            query = query.Where(c => !c.Deleted);
            if (customerRoleIds is { Length: > 0 })
                query = query.Join(_mappings.Table, x => x.Id, y => y.CustomerId, (x, y) => new { Customer = x, Mapping = y })
                    .Where(z => customerRoleIds.Contains(z.Mapping.CustomerRoleId))
                    .Select(z => z.Customer)
                    .Distinct();
            if (!string.IsNullOrWhiteSpace(email))
                query = query.Where(c => c.Email.Contains(email));
            if (!string.IsNullOrWhiteSpace(username))
                query = query.Where(c => c.Username.Contains(username));
            if (!string.IsNullOrWhiteSpace(firstName))
                query = query.Where(c => c.FirstName.Contains(firstName));
            if (!string.IsNullOrWhiteSpace(lastName))
                query = query.Where(c => c.LastName.Contains(lastName));
            if (!string.IsNullOrWhiteSpace(company))
                query = query.Where(c => c.Company.Contains(company));
            if (!string.IsNullOrWhiteSpace(phone))
                query = query.Where(c => c.Phone.Contains(phone));
            if (!string.IsNullOrWhiteSpace(zipPostalCode))
                query = query.Where(c => c.ZipPostalCode.Contains(zipPostalCode));
            return query.OrderByDescending(c => c.CreatedOnUtc);
        }, pageIndex, pageSize, getOnlyTotalCount);
    }

    //NewsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync: nothing for an invalid address
    public async Task<IList<NewsLetterSubscription>> GetNewsLetterSubscriptionsByEmailAsync(string email, int storeId = 0, int subscriptionTypeId = 0, bool? isActive = null)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !MailAddress.TryCreate(email, out _))
            return [];

        return await _subscriptions.GetAllAsync(query =>
        {
            query = query.Where(s => s.Email == email);
            if (storeId > 0)
                query = query.Where(s => s.StoreId == storeId);
            if (subscriptionTypeId > 0)
                query = query.Where(s => s.TypeId == subscriptionTypeId);
            if (isActive.HasValue)
                query = query.Where(s => s.Active == isActive.Value);
            return query.OrderBy(s => s.Email).ThenBy(s => s.StoreId).ThenBy(s => s.TypeId).ThenBy(s => s.Id);
        });
    }

    public Task UpdateNewsLetterSubscriptionAsync(NewsLetterSubscription newsLetterSubscription, bool publishSubscriptionEvents = true) =>
        _subscriptions.UpdateAsync(newsLetterSubscription);
}
