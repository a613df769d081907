using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Controllers;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.IContact.Tests.Infrastructure;

/// <summary>
/// nopCommerce 4.90 runs on Microsoft DI or on Autofac (UseAutofac, the default): everything the plugin registers
/// must resolve in both, given the platform services it depends on
/// </summary>
public class DependencyInjectionTests
{
    private static (IServiceCollection Services, IReadOnlyList<Type> PluginServices) CreateServices()
    {
        var services = new ServiceCollection();
        //what the platform registers for every plugin
        services.AddSingleton(Mock.Of<IEncryptionService>());
        services.AddSingleton(Mock.Of<ILocalizationService>());
        services.AddSingleton(Mock.Of<ICustomerService>());
        services.AddSingleton(Mock.Of<INewsLetterSubscriptionTypeService>());
        services.AddSingleton(Mock.Of<Nop.Services.Catalog.ICategoryService>());
        services.AddSingleton(Mock.Of<Nop.Services.Catalog.IManufacturerService>());
        services.AddSingleton(Mock.Of<Nop.Services.Catalog.IProductService>());
        services.AddSingleton(Mock.Of<INotificationService>());
        services.AddSingleton(Mock.Of<ISettingService>());
        services.AddSingleton(Mock.Of<IStoreContext>());
        services.AddSingleton(Mock.Of<Nop.Services.Stores.IStoreService>());
        services.AddSingleton(Mock.Of<INewsLetterSubscriptionService>());
        services.AddSingleton(Mock.Of<Nop.Services.Logging.ILogger>());
        services.AddSingleton(Mock.Of<Nop.Core.Caching.ILocker>());
        services.AddSingleton(Mock.Of<Nop.Services.Plugins.IPluginService>());
        services.AddSingleton(Mock.Of<Nop.Services.Directory.ICountryService>());
        services.AddSingleton(Mock.Of<Nop.Services.Directory.IStateProvinceService>());
        services.AddSingleton(Mock.Of<ILanguageService>());
        services.AddSingleton(Mock.Of<Nop.Services.Attributes.IAttributeService<Nop.Core.Domain.Customers.CustomerAttribute, Nop.Core.Domain.Customers.CustomerAttributeValue>>());
        services.AddSingleton(Mock.Of<Nop.Services.Attributes.IAttributeParser<Nop.Core.Domain.Customers.CustomerAttribute, Nop.Core.Domain.Customers.CustomerAttributeValue>>());
        services.AddSingleton<Nop.Core.Caching.IStaticCacheManager>(new MemoryStaticCacheManager(TimeProvider.System));
        services.AddScoped(typeof(IRepository<>), typeof(InMemoryRepository<>));
        services.AddScoped(_ => new IcontactSettings());

        var before = services.Select(d => d.ServiceType).ToHashSet();
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        var pluginServices = services
            .Select(d => d.ServiceType)
            .Where(t => !before.Contains(t) && t.Assembly == typeof(IcontactPlugin).Assembly)
            .Distinct()
            .ToList();

        //tasks and consumers are not registered by the plugin but resolved by the platform with constructor injection
        services.AddTransient<SynchronizationTask>();
        services.AddScoped<EventConsumer>();
        services.AddScoped<EncryptionKeyConsumer>();
        services.AddScoped<FieldEventConsumer>();
        return (services, pluginServices.Append(typeof(SynchronizationTask)).Append(typeof(EventConsumer)).Append(typeof(EncryptionKeyConsumer))
            .Append(typeof(FieldEventConsumer)).ToList());
    }

    [Test]
    public void Startup_registers_the_plugin_services()
    {
        var (_, pluginServices) = CreateServices();

        Assert.That(pluginServices, Is.SupersetOf(new[]
        {
            typeof(IContact.Api.IcontactHttpClient), typeof(IcontactConnectionService), typeof(QueueService), typeof(DeliveryQueue), typeof(InboundQueue), typeof(QueueAdminService), typeof(StatusService), typeof(ErrorDescriber),
            typeof(SubscriptionPlanner), typeof(DeliveryService), typeof(DeliverySignal), typeof(IcontactGateway), typeof(IcontactRuleService)
        }));
    }

    [Test]
    public void Every_plugin_service_resolves_with_Microsoft_DI()
    {
        var (services, pluginServices) = CreateServices();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        foreach (var type in pluginServices)
            Assert.That(scope.ServiceProvider.GetService(type), Is.Not.Null, type.Name);
    }

    [Test]
    public void Every_plugin_service_resolves_with_Autofac()
    {
        var (services, pluginServices) = CreateServices();
        var builder = new ContainerBuilder();
        builder.Populate(services);
        using var container = builder.Build();
        using var scope = container.BeginLifetimeScope();
        var provider = new AutofacServiceProvider(scope);

        foreach (var type in pluginServices)
            Assert.That(provider.GetService(type), Is.Not.Null, type.Name);
    }

    [Test]
    public void The_background_delivery_worker_is_a_hosted_service()
    {
        var (services, _) = CreateServices();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DeliveryWorker>().Count(), Is.EqualTo(1));
    }

    [TestCase(typeof(IcontactController))]
    [TestCase(typeof(IcontactRulesController))]
    [TestCase(typeof(IcontactSyncController))]
    public void Each_controller_can_be_activated_from_the_container(Type controller)
    {
        //MVC activates controllers from the request's services, as ActivatorUtilities does
        var (services, _) = CreateServices();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.That(ActivatorUtilities.CreateInstance(scope.ServiceProvider, controller), Is.Not.Null);
    }

    [Test]
    public void Startup_runs_after_the_platform()
    {
        Assert.That(new NopStartup().Order, Is.GreaterThan(2000));
    }
}
