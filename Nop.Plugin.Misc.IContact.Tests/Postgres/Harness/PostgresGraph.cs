using Nop.Plugin.Misc.IContact.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Logging;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// The plugin's object graph as its NopStartup describes it, over the PostgreSQL repositories (the platform's tables
/// and the plugin's) and the platform services a test or the bench supplies (settings, logger, locker, caches …)
/// </summary>
public static class PostgresGraph
{
    public static ServiceProvider Build(PostgresDatabase database, Action<IServiceCollection> platform)
    {
        var services = new ServiceCollection();
        platform(services);
        services.AddSingleton<IRepository<Customer>>(database.Repository<Customer>());
        services.AddSingleton<IRepository<CustomerCustomerRoleMapping>>(database.Repository<CustomerCustomerRoleMapping>());
        services.AddSingleton<IRepository<NewsLetterSubscription>>(database.Repository<NewsLetterSubscription>());
        services.AddSingleton<IRepository<Nop.Core.Domain.Orders.Order>>(database.Repository<Nop.Core.Domain.Orders.Order>());
        services.AddSingleton<IRepository<Nop.Core.Domain.Orders.OrderItem>>(database.Repository<Nop.Core.Domain.Orders.OrderItem>());
        services.AddSingleton<IRepository<Nop.Core.Domain.Catalog.ProductCategory>>(database.Repository<Nop.Core.Domain.Catalog.ProductCategory>());
        services.AddSingleton<IRepository<Nop.Core.Domain.Catalog.ProductManufacturer>>(database.Repository<Nop.Core.Domain.Catalog.ProductManufacturer>());
        services.AddSingleton<IRepository<IcontactCustomerPageRow>>(database.Repository<IcontactCustomerPageRow>());
        services.AddSingleton<IRepository<IcontactGuestPageRow>>(database.Repository<IcontactGuestPageRow>());
        foreach (var entity in PluginSchema.EntityTypes)
        {
            var repository = typeof(IRepository<>).MakeGenericType(entity);
            services.AddSingleton(repository, Activator.CreateInstance(typeof(PostgresRepository<>).MakeGenericType(entity), database)!);
        }

        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider();
    }

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
        return Build(database, services =>
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

    /// <summary>
    /// Gives the settings shared by all stores these rules, as rows of the plugin's rule table (where the rule service keeps them)
    /// </summary>
    public static async Task SeedRulesAsync(PostgresDatabase database, IReadOnlyList<IcontactRule> rules)
    {
        for (var order = 0; order < rules.Count; order++)
            await database.Repository<IcontactRuleRecord>().InsertAsync(new IcontactRuleRecord
            {
                StoreId = 0, RuleId = rules[order].Id, DisplayOrder = order, RuleJson = RuleStorage.SerializeRule(rules[order])
            });
    }

    /// <summary>
    /// Resolves a service in a fresh scope (one "request")
    /// </summary>
    public static T Resolve<T>(this ServiceProvider provider) where T : notnull => provider.CreateScope().ServiceProvider.GetRequiredService<T>();
}
