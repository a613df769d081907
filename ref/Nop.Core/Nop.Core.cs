namespace Nop.Core
{
    public abstract partial class BaseEntity
    {
        public int Id { get; set; }
    }
    public partial interface IPagedList<T> : System.Collections.Generic.IList<T>
    {
        int PageIndex { get; }
        int PageSize { get; }
        int TotalCount { get; }
        int TotalPages { get; }
        bool HasPreviousPage { get; }
        bool HasNextPage { get; }
    }
    public partial interface IStoreContext
    {
        System.Threading.Tasks.Task<Nop.Core.Domain.Stores.Store> GetCurrentStoreAsync();
        Nop.Core.Domain.Stores.Store GetCurrentStore();
        System.Threading.Tasks.Task<int> GetActiveStoreScopeConfigurationAsync();
    }
    public partial interface IWebHelper
    {
        string GetStoreLocation(bool? useSsl = null);
    }
    public partial interface IWorkContext
    {
        System.Threading.Tasks.Task<Nop.Core.Domain.Customers.Customer> GetCurrentCustomerAsync();
    }
}
namespace Nop.Core.Caching
{
    public partial class CacheKey
    {
        public CacheKey(string key) { Key = key; }
        public string Key { get; protected set; }
        public int CacheTime { get; set; }
    }
    public partial interface ICacheKeyService
    {
        Nop.Core.Caching.CacheKey PrepareKey(Nop.Core.Caching.CacheKey cacheKey, params object[] cacheKeyParameters);
        Nop.Core.Caching.CacheKey PrepareKeyForDefaultCache(Nop.Core.Caching.CacheKey cacheKey, params object[] cacheKeyParameters);
    }
    public partial interface IStaticCacheManager : System.IDisposable, Nop.Core.Caching.ICacheKeyService
    {
        System.Threading.Tasks.Task<T> GetAsync<T>(Nop.Core.Caching.CacheKey key, System.Func<System.Threading.Tasks.Task<T>> acquire);
        System.Threading.Tasks.Task<T> GetAsync<T>(Nop.Core.Caching.CacheKey key, System.Func<T> acquire);
        System.Threading.Tasks.Task<T> GetAsync<T>(Nop.Core.Caching.CacheKey key, T defaultValue = default);
        System.Threading.Tasks.Task<object> GetAsync(Nop.Core.Caching.CacheKey key);
        System.Threading.Tasks.Task RemoveAsync(Nop.Core.Caching.CacheKey cacheKey, params object[] cacheKeyParameters);
        System.Threading.Tasks.Task SetAsync<T>(Nop.Core.Caching.CacheKey key, T data);
        System.Threading.Tasks.Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters);
        System.Threading.Tasks.Task ClearAsync();
    }
    public partial interface ILocker
    {
        System.Threading.Tasks.Task<bool> PerformActionWithLockAsync(string resource, System.TimeSpan expirationTime, System.Func<System.Threading.Tasks.Task> action);
        System.Threading.Tasks.Task RunWithHeartbeatAsync(string key, System.TimeSpan expirationTime, System.TimeSpan heartbeatInterval, System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task> action, System.Threading.CancellationTokenSource cancellationTokenSource = null);
        System.Threading.Tasks.Task CancelTaskAsync(string key, System.TimeSpan expirationTime);
        System.Threading.Tasks.Task<bool> IsTaskRunningAsync(string key);
    }
}
namespace Nop.Core.Configuration
{
    public partial interface ISettings
    {
    }
}
namespace Nop.Core.Infrastructure
{
    public partial interface INopStartup
    {
        void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration);
        void Configure(Microsoft.AspNetCore.Builder.IApplicationBuilder application);
        int Order { get; }
    }
}
namespace Nop.Core.Domain.Common
{
    public partial class AdminAreaSettings : Nop.Core.Configuration.ISettings
    {
    }
}
namespace Nop.Core.Domain.Customers
{
    public partial class CustomerRole : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public string SystemName { get; set; }
        public bool Active { get; set; }
        public bool IsSystemRole { get; set; }
    }
    public partial class Customer : Nop.Core.BaseEntity
    {
        public System.Guid CustomerGuid { get; set; }
        public string Username { get; set; }
        public string Email { get; set; }
        public string FirstName { get; set; }
        public string LastName { get; set; }
        public string Company { get; set; }
        public string StreetAddress { get; set; }
        public string StreetAddress2 { get; set; }
        public string ZipPostalCode { get; set; }
        public string City { get; set; }
        public string Phone { get; set; }
        public string Gender { get; set; }
        public System.DateTime? DateOfBirth { get; set; }
        public string CustomCustomerAttributesXML { get; set; }
        public int? LanguageId { get; set; }
        public int CountryId { get; set; }
        public int StateProvinceId { get; set; }
        public bool Active { get; set; }
        public bool Deleted { get; set; }
        public bool IsSystemAccount { get; set; }
        public int RegisteredInStoreId { get; set; }
        public System.DateTime CreatedOnUtc { get; set; }
    }
    public partial class CustomerActivatedEvent
    {
        public CustomerActivatedEvent(Nop.Core.Domain.Customers.Customer customer) { Customer = customer; }
        public Nop.Core.Domain.Customers.Customer Customer { get; }
    }
    public partial class CustomerCustomerRoleMapping : Nop.Core.BaseEntity
    {
        public int CustomerId { get; set; }
        public int CustomerRoleId { get; set; }
    }
    public partial class CustomerRegisteredEvent
    {
        public CustomerRegisteredEvent(Nop.Core.Domain.Customers.Customer customer) { Customer = customer; }
        public Nop.Core.Domain.Customers.Customer Customer { get; }
    }
}
namespace Nop.Core.Events
{
    public partial class EntityInsertedEvent<T> where T : Nop.Core.BaseEntity
    {
        public EntityInsertedEvent(T entity) { Entity = entity; }
        public T Entity { get; }
    }
    public partial class EntityUpdatedEvent<T> where T : Nop.Core.BaseEntity
    {
        public EntityUpdatedEvent(T entity) { Entity = entity; }
        public T Entity { get; }
    }
    public partial class EntityDeletedEvent<T> where T : Nop.Core.BaseEntity
    {
        public EntityDeletedEvent(T entity) { Entity = entity; }
        public T Entity { get; }
    }
}
namespace Nop.Core.Domain.Gdpr
{
    public partial class CustomerPermanentlyDeleted
    {
        public CustomerPermanentlyDeleted(int customerId, string email) { CustomerId = customerId; Email = email; }
        public int CustomerId { get; }
        public string Email { get; }
    }
}
namespace Nop.Core.Domain.Logging
{
    public enum LogLevel
    {
        Debug = 10,
        Information = 20,
        Warning = 30,
        Error = 40,
        Fatal = 50,
    }
}
namespace Nop.Core.Domain.Messages
{
    public partial class EmailSubscribedEvent
    {
        public EmailSubscribedEvent(Nop.Core.Domain.Messages.NewsLetterSubscription subscription) { Subscription = subscription; }
        public Nop.Core.Domain.Messages.NewsLetterSubscription Subscription { get; }
    }
    public partial class EmailUnsubscribedEvent
    {
        public EmailUnsubscribedEvent(Nop.Core.Domain.Messages.NewsLetterSubscription subscription) { Subscription = subscription; }
        public Nop.Core.Domain.Messages.NewsLetterSubscription Subscription { get; }
    }
    public partial class NewsLetterSubscription : Nop.Core.BaseEntity
    {
        public System.Guid NewsLetterSubscriptionGuid { get; set; }
        public string Email { get; set; }
        public bool Active { get; set; }
        public int StoreId { get; set; }
        public System.DateTime CreatedOnUtc { get; set; }
        public int LanguageId { get; set; }
        public int TypeId { get; set; }
    }
    public partial class NewsLetterSubscriptionType : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public int DisplayOrder { get; set; }
    }
}
namespace Nop.Core.Domain.Catalog
{
    public partial class Category : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public int ParentCategoryId { get; set; }
        public bool Published { get; set; }
        public bool Deleted { get; set; }
    }
    public partial class Manufacturer : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public bool Published { get; set; }
        public bool Deleted { get; set; }
    }
    public partial class Product : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public bool Published { get; set; }
        public bool Deleted { get; set; }
    }
    public enum ProductType
    {
        SimpleProduct = 5,
        GroupedProduct = 10
    }
    public enum ProductSortingEnum
    {
        Position = 0,
        NameAsc = 5,
        NameDesc = 6,
        PriceAsc = 10,
        PriceDesc = 11,
        CreatedOn = 15
    }
    public partial class SpecificationAttributeOption : Nop.Core.BaseEntity
    {
    }
    public partial class ProductCategory : Nop.Core.BaseEntity
    {
        public int ProductId { get; set; }
        public int CategoryId { get; set; }
        public bool IsFeaturedProduct { get; set; }
        public int DisplayOrder { get; set; }
    }
    public partial class ProductManufacturer : Nop.Core.BaseEntity
    {
        public int ProductId { get; set; }
        public int ManufacturerId { get; set; }
        public bool IsFeaturedProduct { get; set; }
        public int DisplayOrder { get; set; }
    }
}
namespace Nop.Core.Domain.Orders
{
    public partial class Order : Nop.Core.BaseEntity
    {
        public System.Guid OrderGuid { get; set; }
        public int StoreId { get; set; }
        public int CustomerId { get; set; }
        public int AffiliateId { get; set; }
        public int OrderStatusId { get; set; }
        public int PaymentStatusId { get; set; }
        public string CustomerCurrencyCode { get; set; }
        public decimal CurrencyRate { get; set; }
        public decimal OrderTotal { get; set; }
        public decimal RefundedAmount { get; set; }
        public System.DateTime? PaidDateUtc { get; set; }
        public bool Deleted { get; set; }
        public System.DateTime CreatedOnUtc { get; set; }
        public string CustomOrderNumber { get; set; }
        public Nop.Core.Domain.Orders.OrderStatus OrderStatus { get { return (Nop.Core.Domain.Orders.OrderStatus)OrderStatusId; } set { OrderStatusId = (int)value; } }
        public Nop.Core.Domain.Payments.PaymentStatus PaymentStatus { get { return (Nop.Core.Domain.Payments.PaymentStatus)PaymentStatusId; } set { PaymentStatusId = (int)value; } }
    }
    public partial class OrderItem : Nop.Core.BaseEntity
    {
        public System.Guid OrderItemGuid { get; set; }
        public int OrderId { get; set; }
        public int ProductId { get; set; }
        public int Quantity { get; set; }
        public decimal PriceInclTax { get; set; }
        public decimal PriceExclTax { get; set; }
    }
    public enum OrderStatus
    {
        Pending = 10,
        Processing = 20,
        Complete = 30,
        Cancelled = 40,
    }
    public partial class OrderPlacedEvent
    {
        public OrderPlacedEvent(Nop.Core.Domain.Orders.Order order) { Order = order; }
        public Nop.Core.Domain.Orders.Order Order { get; }
    }
    public partial class OrderPaidEvent
    {
        public OrderPaidEvent(Nop.Core.Domain.Orders.Order order) { Order = order; }
        public Nop.Core.Domain.Orders.Order Order { get; }
    }
    public partial class OrderRefundedEvent
    {
        public OrderRefundedEvent(Nop.Core.Domain.Orders.Order order, decimal amount) { Order = order; Amount = amount; }
        public Nop.Core.Domain.Orders.Order Order { get; }
        public decimal Amount { get; }
    }
    public partial class OrderStatusChangedEvent
    {
        public OrderStatusChangedEvent(Nop.Core.Domain.Orders.Order order, Nop.Core.Domain.Orders.OrderStatus previousOrderStatus) { Order = order; PreviousOrderStatus = previousOrderStatus; }
        public Nop.Core.Domain.Orders.Order Order { get; }
        public Nop.Core.Domain.Orders.OrderStatus PreviousOrderStatus { get; set; }
    }
}
namespace Nop.Core.Domain.Payments
{
    public enum PaymentStatus
    {
        Pending = 10,
        Authorized = 20,
        Paid = 30,
        PartiallyRefunded = 35,
        Refunded = 40,
        Voided = 50,
    }
}
namespace Nop.Core.Domain.ScheduleTasks
{
    public partial class ScheduleTask : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public int Seconds { get; set; }
        public string Type { get; set; }
        public System.DateTime? LastEnabledUtc { get; set; }
        public bool Enabled { get; set; }
        public bool StopOnError { get; set; }
        public System.DateTime? LastStartUtc { get; set; }
        public System.DateTime? LastEndUtc { get; set; }
        public System.DateTime? LastSuccessUtc { get; set; }
    }
}
namespace Nop.Core.Domain.Security
{
    public partial class SecuritySettings : Nop.Core.Configuration.ISettings
    {
        public string EncryptionKey { get; set; }
        public bool UseAesEncryptionAlgorithm { get; set; }
    }
    public partial class SecuritySettingsChangedEvent
    {
        public SecuritySettingsChangedEvent(Nop.Core.Domain.Security.SecuritySettings securitySettings, string oldEncryptionPrivateKey) { SecuritySettings = securitySettings; OldEncryptionPrivateKey = oldEncryptionPrivateKey; }
        public Nop.Core.Domain.Security.SecuritySettings SecuritySettings { get; set; }
        public string OldEncryptionPrivateKey { get; set; }
    }
}
namespace Nop.Core.Domain.Stores
{
    public partial class Store : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public string Url { get; set; }
    }
}
namespace Nop.Core.Domain.Attributes
{
    public abstract partial class BaseAttribute : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public int AttributeControlTypeId { get; set; }
        public int DisplayOrder { get; set; }
        public Nop.Core.Domain.Catalog.AttributeControlType AttributeControlType { get { return (Nop.Core.Domain.Catalog.AttributeControlType)AttributeControlTypeId; } set { AttributeControlTypeId = (int)value; } }
    }
    public abstract partial class BaseAttributeValue : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public int DisplayOrder { get; set; }
        public int AttributeId { get; set; }
    }
}
namespace Nop.Core.Domain.Catalog
{
    public enum AttributeControlType
    {
        DropdownList = 1,
        RadioList = 2,
        Checkboxes = 3,
        TextBox = 4,
        MultilineTextbox = 10,
        Datepicker = 20,
        FileUpload = 30,
        ColorSquares = 40,
        ImageSquares = 45,
        ReadonlyCheckboxes = 50,
    }
}
namespace Nop.Core.Domain.Customers
{
    public partial class CustomerAttribute : Nop.Core.Domain.Attributes.BaseAttribute
    {
    }
    public partial class CustomerAttributeValue : Nop.Core.Domain.Attributes.BaseAttributeValue
    {
    }
}
namespace Nop.Core.Domain.Directory
{
    public partial class Country : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
    }
    public partial class StateProvince : Nop.Core.BaseEntity
    {
        public int CountryId { get; set; }
        public string Name { get; set; }
        public string Abbreviation { get; set; }
    }
}
namespace Nop.Core.Domain.Localization
{
    public partial class Language : Nop.Core.BaseEntity
    {
        public string Name { get; set; }
        public string LanguageCulture { get; set; }
    }
}
