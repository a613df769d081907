namespace Nop.Services.Common
{
    public partial interface IMiscPlugin : Nop.Services.Plugins.IPlugin
    {
    }
}
namespace Nop.Services.Catalog
{
    public partial interface ICategoryService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Catalog.Category>> GetAllCategoriesAsync(int storeId = 0, bool showHidden = false);
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Catalog.Category>> GetCategoriesByIdsAsync(int[] categoryIds);
        System.Threading.Tasks.Task<string> GetFormattedBreadCrumbAsync(Nop.Core.Domain.Catalog.Category category, System.Collections.Generic.IList<Nop.Core.Domain.Catalog.Category> allCategories = null, string separator = ">>", int languageId = 0);
    }
    public partial interface IManufacturerService
    {
        System.Threading.Tasks.Task<Nop.Core.IPagedList<Nop.Core.Domain.Catalog.Manufacturer>> GetAllManufacturersAsync(string manufacturerName = "", int storeId = 0, int pageIndex = 0, int pageSize = 2147483647, bool showHidden = false, bool? overridePublished = null);
    }
    public partial interface IProductService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Catalog.Product>> GetProductsByIdsAsync(int[] productIds);
        System.Threading.Tasks.Task<Nop.Core.IPagedList<Nop.Core.Domain.Catalog.Product>> SearchProductsAsync(int pageIndex = 0, int pageSize = 2147483647, System.Collections.Generic.IList<int> categoryIds = null, System.Collections.Generic.IList<int> manufacturerIds = null, int storeId = 0, int vendorId = 0, int warehouseId = 0, Nop.Core.Domain.Catalog.ProductType? productType = null, bool visibleIndividuallyOnly = false, bool excludeFeaturedProducts = false, decimal? priceMin = null, decimal? priceMax = null, int productTagId = 0, string keywords = null, bool searchDescriptions = false, bool searchManufacturerPartNumber = true, bool searchSku = true, bool searchProductTags = false, int languageId = 0, System.Collections.Generic.IList<Nop.Core.Domain.Catalog.SpecificationAttributeOption> filteredSpecOptions = null, Nop.Core.Domain.Catalog.ProductSortingEnum orderBy = Nop.Core.Domain.Catalog.ProductSortingEnum.Position, bool showHidden = false, bool? overridePublished = null);
    }
}
namespace Nop.Services.Configuration
{
    public partial interface ISettingService
    {
        System.Threading.Tasks.Task<T> LoadSettingAsync<T>(int storeId = 0) where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task SaveSettingAsync<T, TPropType>(T settings, System.Linq.Expressions.Expression<System.Func<T, TPropType>> keySelector, int storeId = 0, bool clearCache = true) where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task SaveSettingOverridablePerStoreAsync<T, TPropType>(T settings, System.Linq.Expressions.Expression<System.Func<T, TPropType>> keySelector, bool overrideForStore, int storeId = 0, bool clearCache = true) where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task<bool> SettingExistsAsync<T, TPropType>(T settings, System.Linq.Expressions.Expression<System.Func<T, TPropType>> keySelector, int storeId = 0) where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task DeleteSettingAsync<T>() where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task DeleteSettingAsync<T, TPropType>(T settings, System.Linq.Expressions.Expression<System.Func<T, TPropType>> keySelector, int storeId = 0) where T : Nop.Core.Configuration.ISettings, new();
        System.Threading.Tasks.Task<T> GetSettingByKeyAsync<T>(string key, T defaultValue = default, int storeId = 0, bool loadSharedValueIfNotFound = false);
        System.Threading.Tasks.Task SetSettingAsync<T>(string key, T value, int storeId = 0, bool clearCache = true);
        System.Threading.Tasks.Task ClearCacheAsync();
    }
}
namespace Nop.Services.Stores
{
    public partial interface IStoreService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Stores.Store>> GetAllStoresAsync();
        System.Threading.Tasks.Task<Nop.Core.Domain.Stores.Store> GetStoreByIdAsync(int storeId);
    }
}
namespace Nop.Services.Customers
{
    public partial interface ICustomerService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Customers.CustomerRole>> GetAllCustomerRolesAsync(bool showHidden = false);
        System.Threading.Tasks.Task<int[]> GetCustomerRoleIdsAsync(Nop.Core.Domain.Customers.Customer customer, bool showHidden = false);
        System.Threading.Tasks.Task<Nop.Core.Domain.Customers.Customer> GetCustomerByIdAsync(int customerId);
        System.Threading.Tasks.Task<Nop.Core.Domain.Customers.Customer> GetCustomerByEmailAsync(string email);
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Customers.Customer>> GetCustomersByIdsAsync(int[] customerIds);
        System.Threading.Tasks.Task<Nop.Core.IPagedList<Nop.Core.Domain.Customers.Customer>> GetAllCustomersAsync(System.DateTime? createdFromUtc = null, System.DateTime? createdToUtc = null, System.DateTime? lastActivityFromUtc = null, System.DateTime? lastActivityToUtc = null, int affiliateId = 0, int vendorId = 0, int[] customerRoleIds = null, string email = null, string username = null, string firstName = null, string lastName = null, int dayOfBirth = 0, int monthOfBirth = 0, string company = null, string phone = null, string zipPostalCode = null, string ipAddress = null, bool? isActive = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false);
    }
}
namespace Nop.Services.Events
{
    public partial interface IConsumer<T>
    {
        System.Threading.Tasks.Task HandleEventAsync(T eventMessage);
    }
}
namespace Nop.Services.Localization
{
    public partial interface ILocalizationService
    {
        System.Threading.Tasks.Task AddOrUpdateLocaleResourceAsync(System.Collections.Generic.IDictionary<string, string> resources, int? languageId = null);
        System.Threading.Tasks.Task AddOrUpdateLocaleResourceAsync(string resourceName, string resourceValue, string languageCulture = null);
        System.Threading.Tasks.Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null);
        System.Threading.Tasks.Task DeleteLocaleResourcesAsync(System.Collections.Generic.IList<string> resourceNames, int? languageId = null);
        System.Threading.Tasks.Task<string> GetResourceAsync(string resourceKey);
    }
}
namespace Nop.Services.Logging
{
    public partial interface ILogger
    {
        bool IsEnabled(Nop.Core.Domain.Logging.LogLevel level);
        System.Threading.Tasks.Task InsertLogAsync(Nop.Core.Domain.Logging.LogLevel logLevel, string shortMessage, string fullMessage = "", Nop.Core.Domain.Customers.Customer customer = null);
        System.Threading.Tasks.Task InformationAsync(string message, System.Exception exception = null, Nop.Core.Domain.Customers.Customer customer = null);
        System.Threading.Tasks.Task WarningAsync(string message, System.Exception exception = null, Nop.Core.Domain.Customers.Customer customer = null);
        System.Threading.Tasks.Task ErrorAsync(string message, System.Exception exception = null, Nop.Core.Domain.Customers.Customer customer = null);
    }
}
namespace Nop.Services.Messages
{
    public partial interface INewsLetterSubscriptionService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Messages.NewsLetterSubscription>> GetNewsLetterSubscriptionsByEmailAsync(string email, int storeId = 0, int subscriptionTypeId = 0, bool? isActive = null);
        System.Threading.Tasks.Task UpdateNewsLetterSubscriptionAsync(Nop.Core.Domain.Messages.NewsLetterSubscription newsLetterSubscription, bool publishSubscriptionEvents = true);
    }
    public partial interface INewsLetterSubscriptionTypeService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Messages.NewsLetterSubscriptionType>> GetAllNewsLetterSubscriptionTypesAsync(int storeId = 0);
    }
    public partial interface INotificationService
    {
        void Notification(Nop.Services.Messages.NotifyType type, string message, bool encode = true, int timeout = 0);
        void SuccessNotification(string message, bool encode = true, int timeout = 0);
        void WarningNotification(string message, bool encode = true, int timeout = 0);
        void ErrorNotification(string message, bool encode = true, int timeout = 0);
        System.Threading.Tasks.Task ErrorNotificationAsync(System.Exception exception, bool logException = true, int timeout = 0);
    }
    public enum NotifyType
    {
        Success = 0,
        Error = 1,
        Warning = 2,
    }
}
namespace Nop.Services.Plugins
{
    public partial interface IDescriptor
    {
        string SystemName { get; set; }
        string FriendlyName { get; set; }
    }
    public partial interface IPlugin
    {
        string GetConfigurationPageUrl();
        Nop.Services.Plugins.PluginDescriptor PluginDescriptor { get; set; }
        System.Threading.Tasks.Task InstallAsync();
        System.Threading.Tasks.Task InstallSampleDataAsync();
        System.Threading.Tasks.Task UninstallAsync();
        System.Threading.Tasks.Task UpdateAsync(string currentVersion, string targetVersion);
        System.Threading.Tasks.Task PreparePluginToUninstallAsync();
    }
    public abstract partial class BasePlugin : Nop.Services.Plugins.IPlugin
    {
        public virtual string GetConfigurationPageUrl() { return null; }
        public virtual Nop.Services.Plugins.PluginDescriptor PluginDescriptor { get; set; }
        public virtual System.Threading.Tasks.Task InstallAsync() { return System.Threading.Tasks.Task.CompletedTask; }
        public virtual System.Threading.Tasks.Task InstallSampleDataAsync() { return System.Threading.Tasks.Task.CompletedTask; }
        public virtual System.Threading.Tasks.Task UninstallAsync() { return System.Threading.Tasks.Task.CompletedTask; }
        public virtual System.Threading.Tasks.Task UpdateAsync(string currentVersion, string targetVersion) { return System.Threading.Tasks.Task.CompletedTask; }
        public virtual System.Threading.Tasks.Task PreparePluginToUninstallAsync() { return System.Threading.Tasks.Task.CompletedTask; }
    }
    public enum LoadPluginsMode
    {
        All = 0,
        InstalledOnly = 10,
        NotInstalledOnly = 20,
    }
    public partial interface IPluginService
    {
        System.Threading.Tasks.Task<Nop.Services.Plugins.PluginDescriptor> GetPluginDescriptorBySystemNameAsync<TPlugin>(string systemName, Nop.Services.Plugins.LoadPluginsMode loadMode = Nop.Services.Plugins.LoadPluginsMode.InstalledOnly, Nop.Core.Domain.Customers.Customer customer = null, int storeId = 0, string group = null) where TPlugin : class, Nop.Services.Plugins.IPlugin;
    }
    public partial class PluginDescriptorBaseInfo
    {
        public virtual string SystemName { get; set; }
        public virtual string Version { get; set; }
    }
    public partial class PluginDescriptor : Nop.Services.Plugins.PluginDescriptorBaseInfo, Nop.Services.Plugins.IDescriptor
    {
        public virtual string FriendlyName { get; set; }
        public virtual string Group { get; set; }
        public virtual string AssemblyFileName { get; set; }
        public virtual System.Collections.Generic.IList<string> SupportedVersions { get; set; }
        public virtual bool Installed { get; set; }
    }
}
namespace Nop.Services.ScheduleTasks
{
    public partial interface IScheduleTask
    {
        System.Threading.Tasks.Task ExecuteAsync();
    }
    public partial interface IScheduleTaskService
    {
        System.Threading.Tasks.Task DeleteTaskAsync(Nop.Core.Domain.ScheduleTasks.ScheduleTask task);
        System.Threading.Tasks.Task<Nop.Core.Domain.ScheduleTasks.ScheduleTask> GetTaskByIdAsync(int taskId);
        System.Threading.Tasks.Task<Nop.Core.Domain.ScheduleTasks.ScheduleTask> GetTaskByTypeAsync(string type);
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.ScheduleTasks.ScheduleTask>> GetAllTasksAsync(bool showHidden = false);
        System.Threading.Tasks.Task InsertTaskAsync(Nop.Core.Domain.ScheduleTasks.ScheduleTask task);
        System.Threading.Tasks.Task UpdateTaskAsync(Nop.Core.Domain.ScheduleTasks.ScheduleTask task);
    }
}
namespace Nop.Services.Security
{
    public partial class StandardPermission
    {
        public partial class Configuration
        {
            public const string MANAGE_PLUGINS = "Configuration.ManagePlugins";
        }
    }
    public partial interface IEncryptionService
    {
        string EncryptText(string plainText, string encryptionPrivateKey = "");
        string DecryptText(string cipherText, string encryptionPrivateKey = "");
    }
}
namespace Nop.Services.Attributes
{
    public partial interface IAttributeParser<TAttribute, TAttributeValue> where TAttribute : Nop.Core.Domain.Attributes.BaseAttribute where TAttributeValue : Nop.Core.Domain.Attributes.BaseAttributeValue
    {
        System.Collections.Generic.IList<string> ParseValues(string attributesXml, int attributeId);
    }
    public partial interface IAttributeService<TAttribute, TAttributeValue> where TAttribute : Nop.Core.Domain.Attributes.BaseAttribute where TAttributeValue : Nop.Core.Domain.Attributes.BaseAttributeValue
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<TAttribute>> GetAllAttributesAsync();
        System.Threading.Tasks.Task<System.Collections.Generic.IList<TAttributeValue>> GetAttributeValuesAsync(int attributeId);
    }
}
namespace Nop.Services.Directory
{
    public partial interface ICountryService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Directory.Country>> GetAllCountriesAsync(int languageId = 0, bool showHidden = false);
    }
    public partial interface IStateProvinceService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Directory.StateProvince>> GetStateProvincesAsync(bool showHidden = false);
    }
}
namespace Nop.Services.Localization
{
    public partial interface ILanguageService
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IList<Nop.Core.Domain.Localization.Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0);
    }
}
