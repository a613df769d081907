using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.IContact.Infrastructure;

/// <summary>
/// Maps the public web hook receiver: {store URL}/Plugins/IContact/Webhook/{storeId}/{secret} (POST only)
/// </summary>
public class RouteProvider : IRouteProvider
{
    /// <summary>
    /// Registers the receiver's route
    /// </summary>
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: IcontactDefaults.WebhookRouteName,
            pattern: $"{IcontactDefaults.WebhookPath}/{{storeId:int}}/{{secret}}",
            defaults: new { controller = "IcontactWebhook", action = "Receive" });
    }

    /// <summary>
    /// Gets the priority (the plugin's one route conflicts with nothing)
    /// </summary>
    public int Priority => 0;
}
