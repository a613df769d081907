using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddScoped<IcontactConnectionService>();
        services.AddScoped<QueueService>();
        services.AddScoped<StatusService>();
        services.AddScoped<ErrorDescriber>();
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
