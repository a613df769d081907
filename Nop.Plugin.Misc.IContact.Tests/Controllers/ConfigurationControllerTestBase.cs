using System.Linq.Expressions;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Controllers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Factories;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// The configure page's controller with mocked platform services, English resources, and the emulator as iContact
/// </summary>
public abstract class ConfigurationControllerTestBase : EmulatorTestBase
{
    protected Mock<ISettingService> SettingService { get; private set; }
    protected Mock<INotificationService> Notifications { get; private set; }
    protected Mock<IStoreContext> StoreContext { get; private set; }
    protected Dictionary<int, IcontactSettings> StoredSettings { get; private set; }
    protected InMemoryRepository<IcontactStoreStatus> StatusRepository { get; private set; }
    protected InMemoryRepository<IcontactQueueItem> QueueRepository { get; private set; }
    protected List<(string Type, string Message)> Shown { get; private set; }

    protected const string EncryptedPrefix = PlatformFakes.EncryptedPrefix;

    [SetUp]
    public void CreatePlatform()
    {
        StoredSettings = new() { [0] = new IcontactSettings() };
        Shown = [];
        StatusRepository = new InMemoryRepository<IcontactStoreStatus>();
        QueueRepository = new InMemoryRepository<IcontactQueueItem>();

        SettingService = new Mock<ISettingService>();
        SettingService.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => StoredSettings.TryGetValue(storeId, out var s) ? s : StoredSettings[0]);

        StoreContext = new Mock<IStoreContext>();
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);

        Notifications = new Mock<INotificationService>();
        Notifications.Setup(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback<string, bool, int>((m, _, _) => Shown.Add(("success", m)));
        Notifications.Setup(n => n.ErrorNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback<string, bool, int>((m, _, _) => Shown.Add(("error", m)));
        Notifications.Setup(n => n.WarningNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback<string, bool, int>((m, _, _) => Shown.Add(("warning", m)));
    }

    /// <summary>
    /// The services behind the page's controllers, wired as NopStartup wires them
    /// </summary>
    protected record PageServices(IcontactAccountService Account, IcontactConnectionService Connection, IcontactModelFactory ModelFactory,
        IcontactRuleService Rules, BulkSyncService Bulk, QueueService Queue, SyncPreviewService Preview, Mock<ILocalizationService> Localization);

    protected PageServices CreatePageServices()
    {
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetAllCustomerRolesAsync(It.IsAny<bool>())).ReturnsAsync(new List<CustomerRole>
        {
            new() { Id = 1, Name = "Administrators" }, new() { Id = 3, Name = "Registered" }, new() { Id = 4, Name = "Guests" }
        });
        customers.SetupCustomerPaging((_, _, _, pageIndex, pageSize, _) => new PagedList<Customer>([], pageIndex, pageSize, 0));
        var newsletters = new Mock<INewsLetterSubscriptionTypeService>();
        newsletters.Setup(n => n.GetAllNewsLetterSubscriptionTypesAsync(It.IsAny<int>()))
            .ReturnsAsync(new List<NewsLetterSubscriptionType> { new() { Id = 1, Name = "Newsletter" } });
        var localization = PlatformFakes.EnglishResources();

        var queue = new QueueService(new DeliverySignal(), new InProcessLocker(), QueueRepository, TimeProvider.System);
        var status = new StatusService(StatusRepository, TimeProvider.System);
        var subscribers = new SubscriberService(new InMemoryRepository<IcontactSubscriber>(), TimeProvider.System);
        var connection = new IcontactConnectionService(PlatformFakes.Encryption().Object);
        var errors = new ErrorDescriber(localization.Object);
        var gateway = new IcontactGateway(errors, connection, Client(), SettingService.Object, new ListCache(), new RequestBudget(status, TimeProvider.System),
            status, TimeProvider.System, new UnsubscribedIndex());
        var rules = new IcontactRuleService(SettingService.Object);
        var facts = new CustomerFactsReader(customers.Object, Mock.Of<INewsLetterSubscriptionService>());
        var bulk = new BulkSyncService(facts, customers.Object, rules, new InMemoryRepository<IcontactSyncRun>(), SettingService.Object,
            queue, subscribers, TimeProvider.System);
        var reconciler = new UnsubscribeReconciler(gateway, rules, Mock.Of<INewsLetterSubscriptionService>(), SettingService.Object, status,
            subscribers, TimeProvider.System);
        var account = new IcontactAccountService(gateway, status);
        var factory = new IcontactModelFactory(account, customers.Object, rules, localization.Object, newsletters.Object, Notifications.Object,
            SettingService.Object, queue, status);
        return new PageServices(account, connection, factory, rules, bulk, queue, new SyncPreviewService(facts, customers.Object, rules, subscribers, reconciler),
            localization);
    }

    protected IcontactController CreateController()
    {
        var p = CreatePageServices();
        return new IcontactController(p.Account, p.Connection, p.ModelFactory, p.Rules, p.Localization.Object, Notifications.Object, SettingService.Object,
            StoreContext.Object);
    }

    protected IcontactRulesController CreateRulesController()
    {
        var p = CreatePageServices();
        return new IcontactRulesController(p.Account, p.ModelFactory, p.Rules, p.Localization.Object, SettingService.Object, StoreContext.Object, p.Preview);
    }

    protected IcontactSyncController CreateSyncController()
    {
        var p = CreatePageServices();
        return new IcontactSyncController(p.Bulk, new DeliverySignal(), p.Account, p.ModelFactory, p.Rules, p.Localization.Object, SettingService.Object,
            StoreContext.Object, p.Queue, p.Preview);
    }

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
