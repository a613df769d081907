using System.Linq.Expressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Nop.Core.Caching;
using Nop.Data;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Controllers;
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
using Nop.Services.Stores;
using Nop.Core.Domain.Stores;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// The configure page's controller with mocked platform services, English resources, and the emulator as iContact
/// </summary>
public abstract class ConfigurationControllerTestBase : EmulatorTestBase
{
    protected Mock<ISettingService> SettingService { get; private set; }
    protected Mock<INotificationService> Notifications { get; private set; }
    protected Mock<IStoreContext> StoreContext { get; private set; }
    protected Mock<Nop.Services.Stores.IStoreService> StoreService { get; private set; }

    /// <summary>
    /// The current store's URL (IStoreContext.GetCurrentStoreAsync), where web hooks are registered for the shared scope
    /// </summary>
    protected string StoreUrl { get; set; }
    protected Dictionary<int, IcontactSettings> StoredSettings { get; private set; }
    protected InMemoryRepository<IcontactStoreStatus> StatusRepository { get; private set; }
    protected InMemoryRepository<IcontactQueueItem> QueueRepository { get; private set; }
    protected InMemoryRepository<IcontactRuleRecord> RuleRepository { get; private set; }
    protected InMemoryRepository<IcontactFieldMap> FieldMapRepository { get; private set; }
    protected InMemoryRepository<IcontactSyncRun> RunRepository { get; private set; }
    protected FieldPlatformFakes FieldPlatform { get; private set; }
    protected List<(string Type, string Message)> Shown { get; private set; }
    protected IEncryptionService Encryption { get; set; }
    protected List<Store> Stores { get; private set; }

    protected const string EncryptedPrefix = PlatformFakes.EncryptedPrefix;

    [SetUp]
    public void CreatePlatform()
    {
        StoredSettings = new() { [0] = new IcontactSettings() };
        StoreUrl = "https://shop.example.com/";
        Shown = [];
        Encryption = PlatformFakes.Encryption().Object;
        Stores = [new Store { Id = 1, Name = "Shop" }];
        StatusRepository = new InMemoryRepository<IcontactStoreStatus>();
        QueueRepository = new InMemoryRepository<IcontactQueueItem>();
        RuleRepository = new InMemoryRepository<IcontactRuleRecord>();
        FieldMapRepository = new InMemoryRepository<IcontactFieldMap>();
        RunRepository = new InMemoryRepository<IcontactSyncRun>();
        FieldPlatform = new FieldPlatformFakes();

        SettingService = new Mock<ISettingService>();
        SettingService.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => StoredSettings.TryGetValue(storeId, out var s) ? s : StoredSettings[0]);

        StoreContext = new Mock<IStoreContext>();
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(() => new Nop.Core.Domain.Stores.Store { Id = 1, Url = StoreUrl });
        StoreService = new Mock<Nop.Services.Stores.IStoreService>();
        StoreService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => new Nop.Core.Domain.Stores.Store { Id = id, Url = StoreUrl });

        Notifications = new Mock<INotificationService>();
        Notifications.Setup(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback<string, bool, int>((m, _, _) => Shown.Add(("success", m)));
        Notifications.Setup(n => n.ErrorNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback<string, bool, int>((m, _, _) => Shown.Add(("error", m)));
        Notifications.Setup(n => n.WarningNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback<string, bool, int>((m, _, _) => Shown.Add(("warning", m)));
    }

    /// <summary>
    /// The plugin's object graph as NopStartup describes it, over the platform fakes of this fixture
    /// </summary>
    protected List<Nop.Core.Domain.Catalog.Category> Categories { get; } = [new() { Id = 5, Name = "Coffee" }, new() { Id = 6, Name = "Espresso", ParentCategoryId = 5 }];
    protected List<Nop.Core.Domain.Catalog.Manufacturer> Manufacturers { get; } = [new() { Id = 7, Name = "Roastery" }];
    protected List<(string Keywords, int StoreId, bool ShowHidden)> ProductSearches { get; } = [];

    protected List<Nop.Core.Domain.Catalog.Product> Products { get; } =
        [new() { Id = 50, Name = "Espresso beans" }, new() { Id = 51, Name = "Espresso cups", Published = false }, new() { Id = 52, Name = "Old espresso tamper", Deleted = true }];

    protected ServiceProvider CreateServices()
    {
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetAllCustomerRolesAsync(It.IsAny<bool>())).ReturnsAsync(new List<CustomerRole>
        {
            new() { Id = 1, Name = "Administrators" }, new() { Id = 3, Name = "Registered" }, new() { Id = 4, Name = "Guests" }
        });
        customers.SetupCustomerPaging((_, _, _, pageIndex, pageSize, _) => new PagedList<Customer>([], pageIndex, pageSize, 0));
        var newsletterTypes = new Mock<INewsLetterSubscriptionTypeService>();
        newsletterTypes.Setup(n => n.GetAllNewsLetterSubscriptionTypesAsync(It.IsAny<int>()))
            .ReturnsAsync(new List<NewsLetterSubscriptionType> { new() { Id = 1, Name = "Newsletter" } });

        //the store's catalog: ICategoryService.GetAllCategoriesAsync(storeId, showHidden), IManufacturerService.GetAllManufacturersAsync
        //(paged), IProductService.GetProductsByIdsAsync (ids it does not know are left out)
        var categories = new Mock<Nop.Services.Catalog.ICategoryService>();
        categories.Setup(c => c.GetAllCategoriesAsync(It.IsAny<int>(), It.IsAny<bool>())).ReturnsAsync(Categories);
        //CategoryService.GetFormattedBreadCrumbAsync: the names from the root down, joined by " >> "
        categories.Setup(c => c.GetFormattedBreadCrumbAsync(It.IsAny<Nop.Core.Domain.Catalog.Category>(), It.IsAny<IList<Nop.Core.Domain.Catalog.Category>>(), It.IsAny<string>(), It.IsAny<int>()))
            .ReturnsAsync((Nop.Core.Domain.Catalog.Category category, IList<Nop.Core.Domain.Catalog.Category> all, string separator, int _) =>
            {
                var names = new List<string>();
                for (var current = category; current is not null; current = (all ?? Categories).FirstOrDefault(c => c.Id == current.ParentCategoryId))
                    names.Insert(0, current.Name);
                return string.Join($" {separator} ", names);
            });
        var manufacturers = new Mock<Nop.Services.Catalog.IManufacturerService>();
        manufacturers.Setup(m => m.GetAllManufacturersAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<bool?>()))
            .ReturnsAsync(() => new PagedList<Nop.Core.Domain.Catalog.Manufacturer>(Manufacturers, 0, int.MaxValue, Manufacturers.Count));
        var products = new Mock<Nop.Services.Catalog.IProductService>();
        products.Setup(p => p.GetProductsByIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => Products.Where(p => ids.Contains(p.Id)).ToList());
        products.SetupProductSearch(Products, ProductSearches);

        var services = new ServiceCollection();
        services.AddSingleton(categories.Object);
        services.AddSingleton(manufacturers.Object);
        services.AddSingleton(products.Object);
        services.AddSingleton(Encryption);
        services.AddSingleton(PlatformFakes.EnglishResources().Object);
        services.AddSingleton(customers.Object);
        services.AddSingleton(newsletterTypes.Object);
        //INewsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync: an empty list when nobody subscribed
        var newsletters = new Mock<INewsLetterSubscriptionService>();
        newsletters.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync(new List<NewsLetterSubscription>());
        services.AddSingleton(newsletters.Object);
        services.AddSingleton(Notifications.Object);
        services.AddSingleton(SettingService.Object);
        services.AddSingleton(StoreContext.Object);
        StoreService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => Stores);
        services.AddSingleton(StoreService.Object);
        services.AddSingleton(Mock.Of<ILogger>());
        services.AddSingleton<IStaticCacheManager>(new MemoryStaticCacheManager(TimeProvider.System));
        services.AddSingleton<IRepository<IcontactStoreStatus>>(StatusRepository);
        services.AddSingleton<IRepository<IcontactQueueItem>>(QueueRepository);
        services.AddSingleton<IRepository<IcontactRuleRecord>>(RuleRepository);
        services.AddSingleton<IRepository<IcontactFieldMap>>(FieldMapRepository);
        FieldPlatform.AddTo(services);
        services.AddSingleton<IRepository<CustomerCustomerRoleMapping>>(new InMemoryRepository<CustomerCustomerRoleMapping>());
        services.AddSingleton<IRepository<IcontactSubscriber>>(new InMemoryRepository<IcontactSubscriber>());
        services.AddSingleton<IRepository<IcontactSyncRun>>(RunRepository);
        services.AddSingleton<IRepository<IcontactRequestCount>>(new InMemoryRepository<IcontactRequestCount>());
        //the platform's tables the bulk synchronisation reads (the platform registers IRepository<> for every entity)
        services.AddSingleton<IRepository<Nop.Core.Domain.Customers.Customer>>(new InMemoryRepository<Nop.Core.Domain.Customers.Customer>());
        services.AddSingleton<IRepository<Nop.Core.Domain.Customers.CustomerCustomerRoleMapping>>(new InMemoryRepository<Nop.Core.Domain.Customers.CustomerCustomerRoleMapping>());
        services.AddSingleton<IRepository<Nop.Core.Domain.Messages.NewsLetterSubscription>>(new InMemoryRepository<Nop.Core.Domain.Messages.NewsLetterSubscription>());
        services.AddSingleton<IRepository<IcontactLease>>(new InMemoryRepository<IcontactLease> { UniqueKey = lease => lease.Name });
        //any other entity, as the platform registers IRepository<> for every entity type
        services.AddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>));
        services.AddSingleton(PlatformFakes.Plugins(PlatformFakes.InstalledDescriptor()).Object);
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider();
    }

    protected T Create<T>() where T : class
    {
        //MVC activates controllers from the request's services, as ActivatorUtilities does
        var provider = CreateServices();
        _providers.Add(provider);
        return ActivatorUtilities.CreateInstance<T>(provider.CreateScope().ServiceProvider);
    }

    private readonly List<ServiceProvider> _providers = [];

    [TearDown]
    public void DisposeServices()
    {
        foreach (var provider in _providers)
            provider.Dispose();
        _providers.Clear();
    }

    protected IcontactController CreateController() => Create<IcontactController>();

    protected IcontactRulesController CreateRulesController() => Create<IcontactRulesController>();

    protected IcontactSyncController CreateSyncController() => Create<IcontactSyncController>();

    protected IcontactFieldsController CreateFieldsController() => Create<IcontactFieldsController>();

    /// <summary>
    /// Settings that point at the emulator with working credentials
    /// </summary>
    protected IcontactSettings ConfiguredSettings() => new()
    {
        Username = Emulator.Options.Username,
        AppId = Emulator.Options.AppId,
        EncryptedAppPassword = EncryptedPrefix + Emulator.Options.AppPassword,
        ApiBaseUrl = Emulator.ApiBaseUrl,
        AccountId = Emulator.Options.AccountId,
        ClientFolderId = Emulator.Options.ClientFolderId
    };

    protected static string English(string key, params object[] args)
    {
        var text = IcontactLocales.All[key];
        return args.Length > 0 ? string.Format(text, args) : text;
    }

    protected void VerifySaved<TProp>(Expression<Func<IcontactSettings, TProp>> property, bool overrideForStore, int storeId) =>
        SettingService.Verify(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<IcontactSettings>(),
            It.Is<Expression<Func<IcontactSettings, TProp>>>(e => e.ToString() == property.ToString()), overrideForStore, storeId, It.IsAny<bool>()), Times.Once);
}
