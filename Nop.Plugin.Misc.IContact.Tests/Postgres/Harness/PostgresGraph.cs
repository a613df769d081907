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
