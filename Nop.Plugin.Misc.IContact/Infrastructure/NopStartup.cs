using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Misc.IContact.Infrastructure;

/// <summary>
/// Represents the plugin's service registrations (settings, consumers, repositories and tasks need none)
/// </summary>
public class NopStartup : INopStartup
{
    /// <summary>
    /// Add and configure any of the middleware
    /// </summary>
    /// <param name="services">Collection of service descriptors</param>
    /// <param name="configuration">Configuration of the application</param>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<IcontactHttpClient>().WithProxy();
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<IcontactConnectionService>();
        services.AddScoped<ErrorDescriber>();
        services.AddScoped<StatusService>();
        services.AddScoped<SubscriberService>();
        services.AddScoped<InstallationGuard>();
        services.AddScoped<IcontactLeaseService>();
        services.AddScoped<QueueService>();
        services.AddScoped<DeliveryQueue>();
        services.AddScoped<InboundQueue>();
        services.AddScoped<QueueAdminService>();
        services.AddScoped<RequestBudget>();
        services.AddScoped<IcontactGateway>();
        services.AddScoped<IcontactAccountService>();
        services.AddScoped<IcontactRuleService>();
        services.AddScoped<SubscriptionPlanner>();
        services.AddScoped<CustomerErasureService>();
        services.AddScoped<StaleListGuard>();
        services.AddScoped<BatchDelivery>();
        services.AddScoped<UnsubscribedGuard>();
        services.AddScoped<DeliveryService>();
        services.AddScoped<CustomerFactsReader>();
        services.AddScoped<OrderStatisticsReader>();
        services.AddScoped<FieldMappingService>();
        services.AddScoped<ContactSnapshotBuilder>();
        services.AddScoped<ContactFieldUpdater>();
        services.AddScoped<CustomFieldService>();
        services.AddScoped<PurchaseReader>();
        services.AddScoped<RuleConditionFilter>();
        services.AddScoped<LapsedCustomerService>();
        services.AddScoped<BulkSyncService>();
        services.AddScoped<NewsletterGuestSync>();
        services.AddScoped<SyncPreviewService>();
        services.AddScoped<StoreScopeResolver>();
        services.AddScoped<StoreScopeUpgrade>();
        services.AddScoped<SynchronizationRunner>();
        services.AddScoped<UnsubscribeReconciler>();
        services.AddScoped<WebhookSecretService>();
        services.AddScoped<WebhookRegistrationService>();
        services.AddScoped<InboundChangeService>();
        services.AddScoped<Factories.IcontactModelFactory>();
        services.AddScoped<Factories.StatusModelFactory>();
        services.AddScoped<Factories.RuleModelFactory>();
        services.AddScoped<Factories.WebhookModelFactory>();
        services.AddScoped<Factories.FieldModelFactory>();

        //delivery off the request path: a signal woken by every enqueue and a background worker on this node
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<EnqueueFallback>();
        services.AddHostedService<DeliveryWorker>();
    }

    /// <summary>
    /// Configure the using of added middleware
    /// </summary>
    /// <param name="application">Builder for configuring an application's request pipeline</param>
    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>
    /// Gets order of this startup configuration implementation (after the platform's own at 2000)
    /// </summary>
    public int Order => 3000;
}
