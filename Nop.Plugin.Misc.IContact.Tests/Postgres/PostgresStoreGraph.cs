using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Logging;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// The graph the PostgreSQL tests share (test-only: it mocks with Moq, which the bench, linking the harness, lacks)
/// </summary>
public static class PostgresStoreGraph
{
    /// <summary>
    /// The plugin's graph for store 1 with these settings in every scope, over the platform fakes the bulk tests and
    /// the bench share: the customer and newsletter services on PostgreSQL, the static cache, English resources, an
    /// encryption that round-trips, and the directory, language and attribute services of the field mappings
    /// </summary>
    public static ServiceProvider BuildForStore(PostgresDatabase database, IcontactSettings settings)
    {
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>())).ReturnsAsync(settings);
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        var customers = new PostgresCustomerService(database);
        return PostgresGraph.Build(database, services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<IStaticCacheManager>(new MemoryStaticCacheManager(TimeProvider.System));
            services.AddSingleton(settingService.Object);
            services.AddSingleton(storeContext.Object);
            services.AddSingleton<ICustomerService>(customers);
            services.AddSingleton<INewsLetterSubscriptionService>(customers);
            services.AddSingleton(Mock.Of<ILogger>());
            services.AddSingleton(PlatformFakes.Encryption().Object);
            services.AddSingleton(PlatformFakes.EnglishResources().Object);
            services.AddSingleton(Mock.Of<Nop.Services.Stores.IStoreService>());
            new FieldPlatformFakes().AddTo(services, withOrders: false);
        });
    }
}
