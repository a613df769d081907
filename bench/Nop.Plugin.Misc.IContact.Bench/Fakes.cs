using Microsoft.Extensions.DependencyInjection;
using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// A store's data in memory, indexed like a database would be: 100,000 customers must not cost O(n) per lookup
/// </summary>
public sealed class FakeStore : ICustomerService, INewsLetterSubscriptionService, ISettingService, IStoreContext, Nop.Services.Stores.IStoreService, ILogger, IEncryptionService, ILocalizationService
{
    public Dictionary<int, Customer> Customers { get; } = [];
    public Dictionary<int, int[]> Roles { get; } = [];
    public Dictionary<string, List<NewsLetterSubscription>> Newsletters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public IcontactSettings Settings { get; set; }
    private List<Customer> _newestFirst;
    private Dictionary<string, Customer> _byEmail;

    public void Index()
    {
        _newestFirst = Customers.Values.OrderByDescending(c => c.CreatedOnUtc).ThenByDescending(c => c.Id).ToList();
        _byEmail = Customers.Values.Where(c => !string.IsNullOrEmpty(c.Email)).ToDictionary(c => c.Email, StringComparer.OrdinalIgnoreCase);
    }

    public void Add(Customer customer, int[] roles)
    {
        Customers[customer.Id] = customer;
        Roles[customer.Id] = roles;
        _newestFirst?.Insert(0, customer);
        if (_byEmail is not null && !string.IsNullOrEmpty(customer.Email))
            _byEmail[customer.Email] = customer;
    }

    //customers
    public Task<IList<CustomerRole>> GetAllCustomerRolesAsync(bool showHidden = false) => Task.FromResult<IList<CustomerRole>>([new CustomerRole { Id = 3, Name = "Registered" }]);
    public Task<int[]> GetCustomerRoleIdsAsync(Customer customer, bool showHidden = false) => Task.FromResult(Roles.GetValueOrDefault(customer.Id, []));
    public Task<Customer> GetCustomerByIdAsync(int customerId) => Task.FromResult(Customers.GetValueOrDefault(customerId));
    public Task<Customer> GetCustomerByEmailAsync(string email) => Task.FromResult(_byEmail.GetValueOrDefault(email));
    public Task<IList<Customer>> GetCustomersByIdsAsync(int[] customerIds) => Task.FromResult<IList<Customer>>(customerIds.Select(id => Customers[id]).ToList());

    public Task<IPagedList<Customer>> GetAllCustomersAsync(DateTime? createdFromUtc = null, DateTime? createdToUtc = null, DateTime? lastActivityFromUtc = null,
        DateTime? lastActivityToUtc = null, int affiliateId = 0, int vendorId = 0, int[] customerRoleIds = null, string email = null, string username = null,
        string firstName = null, string lastName = null, int dayOfBirth = 0, int monthOfBirth = 0, string company = null, string phone = null,
        string zipPostalCode = null, string ipAddress = null, bool? isActive = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false)
    {
        //every bench customer is in the queried role; the cut-off is what matters for paging
        var matching = createdToUtc is null ? _newestFirst : _newestFirst.Where(c => c.CreatedOnUtc <= createdToUtc).ToList();
        var page = getOnlyTotalCount ? [] : matching.Skip(pageIndex * pageSize).Take(pageSize).ToList();
        return Task.FromResult<IPagedList<Customer>>(new PagedList<Customer>(page, pageIndex, pageSize, matching.Count));
    }

    //newsletter
    public Task<IList<NewsLetterSubscription>> GetNewsLetterSubscriptionsByEmailAsync(string email, int storeId = 0, int subscriptionTypeId = 0, bool? isActive = null) =>
        Task.FromResult<IList<NewsLetterSubscription>>(Newsletters.GetValueOrDefault(email, [])
            .Where(s => (subscriptionTypeId == 0 || s.TypeId == subscriptionTypeId) && (isActive is null || s.Active == isActive)).ToList());
    public Task UpdateNewsLetterSubscriptionAsync(NewsLetterSubscription newsLetterSubscription, bool publishSubscriptionEvents = true) => Task.CompletedTask;

    //settings: one store, settings objects changed in place
    public Task<T> LoadSettingAsync<T>(int storeId = 0) where T : Nop.Core.Configuration.ISettings, new() => Task.FromResult((T)(object)Settings);
    public Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : Nop.Core.Configuration.ISettings, new() => Task.CompletedTask;
    public Task SaveSettingAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0, bool clearCache = true) where T : Nop.Core.Configuration.ISettings, new() => Task.CompletedTask;
    public Task SaveSettingOverridablePerStoreAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, bool overrideForStore, int storeId = 0, bool clearCache = true) where T : Nop.Core.Configuration.ISettings, new() => Task.CompletedTask;
    public Task<bool> SettingExistsAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0) where T : Nop.Core.Configuration.ISettings, new() => Task.FromResult(false);
    public Task DeleteSettingAsync<T>() where T : Nop.Core.Configuration.ISettings, new() => Task.CompletedTask;
    public Task DeleteSettingAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0) where T : Nop.Core.Configuration.ISettings, new() => Task.CompletedTask;
    public Task<T> GetSettingByKeyAsync<T>(string key, T defaultValue = default, int storeId = 0, bool loadSharedValueIfNotFound = false) => Task.FromResult(defaultValue);
    public Task SetSettingAsync<T>(string key, T value, int storeId = 0, bool clearCache = true) => Task.CompletedTask;
    public Task ClearCacheAsync() => Task.CompletedTask;

    //store context
    public Task<Store> GetCurrentStoreAsync() => Task.FromResult(new Store { Id = 0 });

    public Task<Store> GetStoreByIdAsync(int storeId) => Task.FromResult(new Store { Id = storeId });
    public Task<IList<Store>> GetAllStoresAsync() => Task.FromResult<IList<Store>>([new Store { Id = 1 }]);
    public Store GetCurrentStore() => new() { Id = 0 };
    public Task<int> GetActiveStoreScopeConfigurationAsync() => Task.FromResult(0);

    //logger: quiet
    public bool IsEnabled(LogLevel level) => false;
    public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null) => Task.CompletedTask;
    public Task InformationAsync(string message, Exception exception = null, Customer customer = null) => Task.CompletedTask;
    public Task WarningAsync(string message, Exception exception = null, Customer customer = null) => Task.CompletedTask;
    public Task ErrorAsync(string message, Exception exception = null, Customer customer = null) => Task.CompletedTask;

    //encryption: the bench keeps the password as it is
    public string EncryptText(string plainText, string encryptionPrivateKey = "") => plainText;
    public string DecryptText(string cipherText, string encryptionPrivateKey = "") => cipherText;

    //resources
    public Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null) => Task.CompletedTask;
    public Task AddOrUpdateLocaleResourceAsync(string resourceName, string resourceValue, string languageCulture = null) => Task.CompletedTask;
    public Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null) => Task.CompletedTask;
    public Task DeleteLocaleResourcesAsync(IList<string> resourceNames, int? languageId = null) => Task.CompletedTask;
    public Task<string> GetResourceAsync(string resourceKey) => Task.FromResult(IcontactLocales.All.TryGetValue(resourceKey, out var value) ? value : resourceKey);
}

/// <summary>
/// The subscriber table with the index a database has on (customer, store)
/// </summary>
public sealed class IndexedSubscriberRepository : InMemoryRepository<IcontactSubscriber>
{
    public Dictionary<(int Store, int Customer), IcontactSubscriber> ByCustomer { get; } = [];

    public override async Task InsertAsync(IcontactSubscriber entity, bool publishEvent = true)
    {
        await base.InsertAsync(entity, publishEvent);
        ByCustomer[(entity.StoreId, entity.CustomerId)] = entity;
    }

    public override async Task UpdateAsync(IcontactSubscriber entity, bool publishEvent = true)
    {
        await base.UpdateAsync(entity, publishEvent);
        ByCustomer[(entity.StoreId, entity.CustomerId)] = entity;
    }
}

/// <summary>
/// The subscriber service reading through the index (the real one asks the database with the same filters)
/// </summary>
public sealed class IndexedSubscriberService(IndexedSubscriberRepository repository, TimeProvider timeProvider) : SubscriberService(repository, timeProvider)
{
    public override Task<IcontactSubscriber> GetAsync(int customerId, int storeId) =>
        Task.FromResult(repository.ByCustomer.GetValueOrDefault((storeId, customerId)));

    public override Task<IList<IcontactSubscriber>> GetManyAsync(int storeId, IList<int> customerIds) =>
        Task.FromResult<IList<IcontactSubscriber>>(customerIds.Select(id => repository.ByCustomer.GetValueOrDefault((storeId, id))).Where(s => s is not null).ToList());

    public override Task<IList<IcontactSubscriber>> GetByContactIdsAsync(int storeId, IList<string> contactIds)
    {
        var wanted = contactIds.ToHashSet();
        return Task.FromResult<IList<IcontactSubscriber>>(repository.ByCustomer.Values.Where(s => s.StoreId == storeId && wanted.Contains(s.ContactId)).ToList());
    }
}

/// <summary>
/// The facts reader reading role mappings through the store's index (the real one asks the mapping table by customer id)
/// </summary>
public sealed class IndexedCustomerFactsReader(FakeStore store, IServiceProvider services)
    : CustomerFactsReader(store, store, services.GetRequiredService<Nop.Data.IRepository<Customer>>(),
        services.GetRequiredService<Nop.Data.IRepository<CustomerCustomerRoleMapping>>(), services.GetRequiredService<Nop.Data.IRepository<Nop.Core.Domain.Messages.NewsLetterSubscription>>(),
        services.GetRequiredService<Nop.Data.IRepository<Nop.Plugin.Misc.IContact.Domain.IcontactCustomerPageRow>>(), services.GetRequiredService<SubscriberService>())
{
    public override Task<int[]> FreshRoleIdsAsync(Customer customer) => Task.FromResult(store.Roles.GetValueOrDefault(customer.Id, []));
}
