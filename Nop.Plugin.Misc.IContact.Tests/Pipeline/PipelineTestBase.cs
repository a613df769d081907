using System.Linq.Expressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Nop.Core.Caching;
using Nop.Data;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
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

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// The whole subscription pipeline with in-memory platform fakes, a manual clock shared with the emulator, and the
/// emulator as iContact. Each "request" gets fresh scoped services, as in the store.
/// </summary>
public abstract class PipelineTestBase : EmulatorTestBase
{
    protected const int StoreId = 1;
    protected const int RegisteredRoleId = 3;
    protected const int GuestsRoleId = 4;
    protected const int VipRoleId = 7;
    protected const int WholesaleRoleId = 9;
    protected const int NewsletterTypeId = 1;

    private readonly ManualTimeProvider _clock = new();
    protected ManualTimeProvider Clock => _clock;
    protected override TimeProvider EmulatorClock => _clock;

    protected Dictionary<int, IcontactSettings> Settings { get; private set; }
    protected Dictionary<int, Customer> Customers { get; private set; }
    protected Dictionary<int, int[]> Roles { get; private set; }
    protected List<NewsLetterSubscription> Newsletters { get; private set; }
    protected InMemoryRepository<Order> Orders { get; private set; }
    protected InMemoryRepository<OrderItem> OrderItems { get; private set; }
    protected InMemoryRepository<ProductCategory> ProductCategories { get; private set; }
    protected InMemoryRepository<ProductManufacturer> ProductManufacturers { get; private set; }
    protected InMemoryRepository<IcontactQueueItem> Queue { get; private set; }
    protected InMemoryRepository<IcontactSubscriber> Subscribers { get; private set; }
    protected InMemoryRepository<IcontactStoreStatus> Statuses { get; private set; }
    protected InMemoryRepository<IcontactLease> Leases { get; private set; }
    protected Nop.Services.Plugins.PluginDescriptor Descriptor { get; private set; }
    protected Mock<ICustomerService> CustomerService { get; private set; }
    protected DeliverySignal Signal => Provider.GetRequiredService<DeliverySignal>();
    protected IStaticCacheManager Cache => Provider.GetRequiredService<IStaticCacheManager>();
    protected InMemoryRepository<IcontactSyncRun> Runs { get; private set; }
    protected InMemoryRepository<IcontactRequestCount> RequestCounts { get; private set; }
    protected Mock<INewsLetterSubscriptionService> NewsletterService { get; private set; }
    protected FieldPlatformFakes FieldPlatform { get; private set; }
    protected InMemoryRepository<IcontactFieldMap> FieldMaps { get; private set; }

    protected string CustomersListId { get; private set; }
    protected string NewsletterListId { get; private set; }
    protected string VipListId { get; private set; }
    protected IcontactRule CustomersRule { get; private set; }
    private int _nextCustomerId = 100;

    protected const string EncryptedPrefix = PlatformFakes.EncryptedPrefix;

    [SetUp]
    public void CreatePipeline()
    {
        lock (Emulator.State.Lock)
        {
            CustomersListId = Emulator.State.AddList("Customers").ListId.ToString();
            NewsletterListId = Emulator.State.AddList("Newsletter").ListId.ToString();
            VipListId = Emulator.State.AddList("VIP").ListId.ToString();
        }

        CustomersRule = new IcontactRule { CustomerRoleIds = [RegisteredRoleId], ListId = CustomersListId, ListName = "Customers" };
        var settings = new IcontactSettings
        {
            Username = Emulator.Options.Username,
            AppId = Emulator.Options.AppId,
            EncryptedAppPassword = EncryptedPrefix + Emulator.Options.AppPassword,
            ApiBaseUrl = Emulator.ApiBaseUrl,
            AccountId = Emulator.Options.AccountId,
            ClientFolderId = Emulator.Options.ClientFolderId,
            RequestTimeoutSeconds = 10
        };
        RuleRows = new InMemoryRepository<IcontactRuleRecord>();
        SeedRules(0,
            CustomersRule,
            new IcontactRule { CustomerRoleIds = [RegisteredRoleId], RequireNewsletter = true, NewsletterTypeId = NewsletterTypeId, ListId = NewsletterListId, ListName = "Newsletter" },
            new IcontactRule { CustomerRoleIds = [VipRoleId], ListId = VipListId, ListName = "VIP", SubscriptionStatus = "pending" });
        Settings = new() { [0] = new IcontactSettings(), [StoreId] = settings };
        Customers = [];
        Stores.Clear();
        Roles = [];
        Newsletters = [];
        OrderItems = new InMemoryRepository<OrderItem>();
        ProductCategories = new InMemoryRepository<ProductCategory>();
        ProductManufacturers = new InMemoryRepository<ProductManufacturer>();
        Queue = new InMemoryRepository<IcontactQueueItem>();
        Subscribers = new InMemoryRepository<IcontactSubscriber>();
        Statuses = new InMemoryRepository<IcontactStoreStatus> { UniqueKey = status => status.StoreId };
        Leases = new InMemoryRepository<IcontactLease> { UniqueKey = lease => lease.Name };
        Descriptor = PlatformFakes.InstalledDescriptor();
        _provider?.Dispose();
        _provider = null;
        Runs = new InMemoryRepository<IcontactSyncRun>();
        FieldPlatform = new FieldPlatformFakes();
        //one order table for the rules' conditions and the mapped order statistics
        Orders = FieldPlatform.Orders;
        FieldMaps = new InMemoryRepository<IcontactFieldMap>();
        RequestCounts = new InMemoryRepository<IcontactRequestCount>();
        CustomerPagesRead = 0;

        CustomerService = new Mock<ICustomerService>();
        CustomerService.Setup(c => c.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Customers.GetValueOrDefault(id));
        //CustomerService.GetCustomerByEmailAsync: the first by id, soft-deleted customers included
        CustomerService.Setup(c => c.GetCustomerByEmailAsync(It.IsAny<string>()))
            .ReturnsAsync((string email) => Customers.Values.OrderBy(c => c.Id).FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)));
        CustomerService.Setup(c => c.GetCustomerRoleIdsAsync(It.IsAny<Customer>(), It.IsAny<bool>()))
            .ReturnsAsync((Customer c, bool _) => Roles.GetValueOrDefault(c.Id, []));
        CustomerService.Setup(c => c.GetAllCustomerRolesAsync(It.IsAny<bool>()))
            .ReturnsAsync(() => new[] { 1, RegisteredRoleId, GuestsRoleId, VipRoleId, WholesaleRoleId }.Select(id => new CustomerRole { Id = id, Active = true }).ToList());
        //the platform's paging: any of the roles, not deleted, created up to a time, newest first
        CustomerService.SetupCustomerPaging((createdTo, roleIds, isActive, pageIndex, pageSize, countOnly) =>
        {
            var all = Customers.Values
                .Where(c => !c.Deleted && (createdTo is null || c.CreatedOnUtc <= createdTo) && (isActive is null || c.Active == isActive)
                    && (roleIds is null || Roles.GetValueOrDefault(c.Id, []).Any(roleIds.Contains)))
                .OrderByDescending(c => c.CreatedOnUtc).ThenByDescending(c => c.Id)
                .ToList();
            CustomerPagesRead++;
            var page = countOnly ? [] : all.Skip(pageIndex * pageSize).Take(pageSize).ToList();
            return new PagedList<Customer>(page, pageIndex, pageSize, all.Count);
        });
        NewsletterService = new Mock<INewsLetterSubscriptionService>();
        NewsletterService.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync((string email, int storeId, int typeId, bool? active) => Newsletters
                .Where(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase) && (storeId == 0 || s.StoreId == storeId)
                    && (typeId == 0 || s.TypeId == typeId) && (active is null || s.Active == active))
                .ToList());
    }

    /// <summary>
    /// Gives the emulator a contact who unsubscribed from a list in iContact (a campaign's unsubscribe link)
    /// </summary>
    /// <returns>The contact's id</returns>
    protected long UnsubscribedInIcontact(string email, string listId)
    {
        lock (Emulator.State.Lock)
        {
            var contact = new IcontactEmulator.ContactRecord { ContactId = Emulator.State.NextContactId() };
            contact.Fields["email"] = email;
            Emulator.State.SaveContact(contact);
            var subscription = new IcontactEmulator.SubscriptionRecord { ListId = long.Parse(listId), ContactId = contact.ContactId, Status = "unsubscribed" };
            Emulator.State.Subscriptions[subscription.SubscriptionId] = subscription;
            return contact.ContactId;
        }
    }

    protected int CustomerPagesRead { get; set; }

    /// <summary>
    /// The platform's stores (IStoreService.GetStoreByIdAsync: null for an unknown id), with the URL web hooks are registered for
    /// </summary>
    protected Dictionary<int, Store> Stores { get; } = [];

    protected Mock<Nop.Services.Stores.IStoreService> StoreService
    {
        get
        {
            var mock = new Mock<Nop.Services.Stores.IStoreService>();
            mock.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Stores.GetValueOrDefault(id));
            //IStoreService.GetAllStoresAsync: the store the fixture runs in, and any it added
            mock.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => Stores.Values.Append(new Store { Id = StoreId }).DistinctBy(store => store.Id).ToList());
            return mock;
        }
    }

    /// <summary>
    /// The plugin's rule table
    /// </summary>
    protected InMemoryRepository<IcontactRuleRecord> RuleRows { get; private set; }

    /// <summary>
    /// Gives a scope rules of its own, as rows of the rule table (tests that change them later go through the rule service)
    /// </summary>
    protected void SeedRules(int scope, params IcontactRule[] rules)
    {
        for (var order = 0; order < rules.Length; order++)
            RuleRows.InsertAsync(new IcontactRuleRecord { StoreId = scope, RuleId = rules[order].Id, DisplayOrder = order, RuleJson = RuleStorage.SerializeRule(rules[order]) }).Wait();
    }

    /// <summary>
    /// Replaces the shared scope's rules (call before the first service is resolved: rules are cached per provider)
    /// </summary>
    protected void UseRules(params IcontactRule[] rules)
    {
        RuleRows.DeleteAsync(row => row.StoreId == 0).Wait();
        SeedRules(0, rules);
    }

    /// <summary>
    /// The "distributed cache" every node's locker shares
    /// </summary>
    protected Dictionary<string, DateTime> SharedLockCache { get; } = [];

    /// <summary>
    /// Stores whose settings the fake reports as inherited from the shared scope (no overrides of their own)
    /// </summary>
    protected HashSet<int> SharedCredentialStores { get; } = [];

    protected Mock<ISettingService> SettingService()
    {
        var mock = new Mock<ISettingService>();
        mock.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>())).ReturnsAsync((int id) => Settings.GetValueOrDefault(id, Settings[0]));
        mock.Setup(s => s.SettingExistsAsync(It.IsAny<IcontactSettings>(), It.IsAny<Expression<Func<IcontactSettings, string>>>(), It.IsAny<int>()))
            .ReturnsAsync((IcontactSettings _, Expression<Func<IcontactSettings, string>> _, int id) => Settings.ContainsKey(id) && !SharedCredentialStores.Contains(id));
        return mock;
    }

    private ServiceProvider _provider;

    /// <summary>
    /// The plugin's object graph as NopStartup describes it, over this fixture's platform fakes and clock
    /// </summary>
    protected ServiceProvider Provider => _provider ??= BuildProvider();

    private ServiceProvider BuildProvider()
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = StoreId });

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IStaticCacheManager>(new MemoryStaticCacheManager(Clock));
        services.AddSingleton(PlatformFakes.Encryption().Object);
        services.AddSingleton(PlatformFakes.EnglishResources().Object);
        services.AddSingleton(CustomerService.Object);
        services.AddSingleton(NewsletterService.Object);
        services.AddSingleton(Mock.Of<INewsLetterSubscriptionTypeService>());
        services.AddSingleton(Mock.Of<INotificationService>());
        services.AddSingleton(SettingService().Object);
        services.AddSingleton(storeContext.Object);
        services.AddSingleton(StoreService.Object);
        services.AddSingleton(Mock.Of<ILogger>());
        services.AddSingleton<ILocker>(new DistributedCacheLockerFake(SharedLockCache));
        services.AddSingleton<IRepository<IcontactQueueItem>>(Queue);
        services.AddSingleton<IRepository<IcontactSubscriber>>(Subscribers);
        services.AddSingleton<IRepository<IcontactStoreStatus>>(Statuses);
        services.AddSingleton<IRepository<IcontactLease>>(Leases);
        services.AddSingleton(PlatformFakes.Plugins(Descriptor).Object);
        services.AddSingleton<IRepository<IcontactSyncRun>>(Runs);
        services.AddSingleton<IRepository<IcontactRequestCount>>(RequestCounts);
        services.AddSingleton<IRepository<IcontactRuleRecord>>(RuleRows);
        services.AddSingleton<IRepository<IcontactFieldMap>>(FieldMaps);
        FieldPlatform.AddTo(services);
        //the platform's tables behind the same rows, for the bulk synchronisation's set-based reads
        services.AddSingleton<IRepository<Customer>>(new ViewRepository<Customer>(() => Customers.Values));
        services.AddSingleton<IRepository<CustomerCustomerRoleMapping>>(new ViewRepository<CustomerCustomerRoleMapping>(() =>
            Roles.SelectMany(pair => pair.Value.Select(roleId => new CustomerCustomerRoleMapping { CustomerId = pair.Key, CustomerRoleId = roleId }))));
        services.AddSingleton<IRepository<NewsLetterSubscription>>(new ViewRepository<NewsLetterSubscription>(() => Newsletters));
        services.AddSingleton<IRepository<Order>>(Orders);
        services.AddSingleton<IRepository<OrderItem>>(OrderItems);
        services.AddSingleton<IRepository<ProductCategory>>(ProductCategories);
        services.AddSingleton<IRepository<ProductManufacturer>>(ProductManufacturers);
        services.AddSingleton<IRepository<IcontactCustomerPageRow>>(new ViewRepository<IcontactCustomerPageRow>(() => []));
        services.AddSingleton<IRepository<IcontactGuestPageRow>>(new ViewRepository<IcontactGuestPageRow>(() => []));
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider();
    }

    [TearDown]
    public void DisposeProvider()
    {
        _provider?.Dispose();
        _provider = null;
    }

    /// <summary>
    /// Resolves a service in a fresh scope: each call is one "request", as in the store
    /// </summary>
    protected T Resolve<T>() => Provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    protected SubscriptionPlanner Planner() => Resolve<SubscriptionPlanner>();

    protected EventConsumer Consumer() => new(Resolve<InstallationGuard>(), Resolve<CustomerErasureService>(), Planner());

    protected QueueService QueueService() => Resolve<QueueService>();
    protected DeliveryQueue DeliveryQueue() => Resolve<DeliveryQueue>();
    protected QueueAdminService QueueAdmin() => Resolve<QueueAdminService>();

    protected IcontactGateway Gateway() => Resolve<IcontactGateway>();

    protected IcontactRuleService Rules() => Resolve<IcontactRuleService>();

    protected DeliveryService Delivery() => Resolve<DeliveryService>();

    protected CustomerFactsReader Facts() => Resolve<CustomerFactsReader>();

    protected SyncPreviewService Preview() => Resolve<SyncPreviewService>();

    protected SynchronizationRunner Runner() => Resolve<SynchronizationRunner>();

    protected BulkSyncService Bulk() => Resolve<BulkSyncService>();

    protected UnsubscribeReconciler Reconciler() => Resolve<UnsubscribeReconciler>();

    protected StatusService Status() => Resolve<StatusService>();

    protected Customer NewCustomer(string email, bool active = true, params int[] roles)
    {
        var customer = new Customer
        {
            Id = _nextCustomerId++, Email = email, Active = active, RegisteredInStoreId = StoreId, CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddMinutes(-_nextCustomerId),
            FirstName = "First" + email.Split('@')[0], LastName = "Last", Company = "Shop Ltd", Phone = "555-0100", City = "Springfield"
        };
        Customers[customer.Id] = customer;
        Roles[customer.Id] = roles.Length > 0 ? roles : [RegisteredRoleId];
        return customer;
    }

    protected void Subscribe(string email, bool active = true) =>
        Newsletters.Add(new NewsLetterSubscription { Email = email, StoreId = StoreId, TypeId = NewsletterTypeId, Active = active });

    /// <summary>
    /// Delivers until nothing is waiting, moving the clock to the next due item whenever a pass has nothing to do
    /// </summary>
    protected async Task<DeliveryPassResult> DeliverAllAsync(int maxPasses = 500)
    {
        var total = DeliveryPassResult.None;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var result = await Delivery().RunOnceAsync();
            total += result;
            var waiting = Queue.Items.Where(i => i.State is QueueItemState.Pending or QueueItemState.InFlight).ToList();
            if (waiting.Count == 0)
                return total;
            if (result.Claimed == 0)
            {
                //the next moment something can change: a back-off ends or a lease expires (a due item may wait for an older one in flight)
                var now = Clock.GetUtcNow().UtcDateTime;
                var next = waiting.Select(i => i.State == QueueItemState.Pending ? i.NextAttemptOnUtc : i.LeaseExpiresOnUtc!.Value)
                    .Where(time => time >= now).DefaultIfEmpty(now).Min();
                Clock.MoveTo(next.AddSeconds(1));
            }
        }

        Assert.Fail($"the queue did not drain in {maxPasses} passes");
        return total;
    }

    protected List<(string Email, string ListId, string Status)> EmulatorSubscriptions()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.Subscriptions.Values
                .Select(s => (Emulator.State.Contacts[s.ContactId].Email, s.ListId.ToString(), s.Status))
                .ToList();
    }

    protected string StatusOn(string email, string listId) =>
        EmulatorSubscriptions().Where(s => s.Email == email && s.ListId == listId).Select(s => s.Status).SingleOrDefault();
}
