using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.IContact.Controllers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Pipeline;

namespace Nop.Plugin.Misc.IContact.Tests.Webhooks;

/// <summary>
/// The pipeline with the web hook receiver: the plugin's controller called with a request body, or hosted in Kestrel
/// on loopback (under the receiver's route) so the emulator's own hook calls reach it
/// </summary>
public abstract class WebhookTestBase : PipelineTestBase
{
    private WebApplication _store;

    protected const string StoreUrl = "https://shop.example.com/";

    [SetUp]
    public void CreateStore() => Stores[StoreId] = new Store { Id = StoreId, Url = StoreUrl };

    [TearDown]
    public async Task StopStore()
    {
        if (_store is not null)
            await _store.DisposeAsync();
        _store = null;
    }

    protected Task<string> SecretAsync() => Resolve<WebhookSecretService>().GetOrCreateAsync(StoreId);

    /// <summary>
    /// Posts a body to the receiver action as MVC would, returning the status code it answers
    /// </summary>
    /// <param name="contentLength">The Content-Length header: the body's length by default; null for a chunked body</param>
    protected async Task<int> PostAsync(int storeId, string secret, string body, string contentType = "application/json; charset=utf-8",
        long? contentLength = -1)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = contentLength == -1 ? bytes.Length : contentLength;
        return await InvokeReceiverAsync(context, storeId, secret);
    }

    private async Task<int> InvokeReceiverAsync(HttpContext context, int storeId, string secret)
    {
        using var scope = Provider.CreateScope();
        var controller = ActivatorUtilities.CreateInstance<IcontactWebhookController>(scope.ServiceProvider);
        controller.ControllerContext = new ControllerContext { HttpContext = context };
        var result = await controller.Receive(storeId, secret);
        return (result as IStatusCodeActionResult)?.StatusCode ?? 200;
    }

    /// <summary>
    /// Hosts the receiver in Kestrel on a free loopback port, under the plugin's route, and makes it the store's URL
    /// </summary>
    protected async Task<string> HostStoreAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _store = builder.Build();
        _store.MapPost($"/{IcontactDefaults.WebhookPath}/{{storeId:int}}/{{secret}}", async (HttpContext context, int storeId, string secret) =>
            context.Response.StatusCode = await InvokeReceiverAsync(context, storeId, secret));
        await _store.StartAsync();
        var url = _store.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Stores[StoreId] = new Store { Id = StoreId, Url = url };
        return url;
    }

    /// <summary>
    /// A customer in the Registered role with newsletter consent, delivered: on the Customers and Newsletter lists
    /// </summary>
    protected async Task<(Customer Customer, string ContactId)> DeliveredCustomerAsync(string email)
    {
        var customer = NewCustomer(email);
        Subscribe(email);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        return (customer, Subscribers.Items.Single(s => s.CustomerId == customer.Id).ContactId);
    }

    protected static string Body(string contactId, params string[] listIds) =>
        "[" + string.Join(",", listIds.Select(listId =>
            $"{{\"contact\":{{\"contactId\":\"{contactId}\",\"email\":\"x@example.com\",\"status\":\"normal\"}},\"list\":{{\"listId\":\"{listId}\",\"name\":\"L\"}}}}")) + "]";

    protected void SetStatusInEmulator(string contactId, string listId, string status)
    {
        lock (Emulator.State.Lock)
            Emulator.State.Subscriptions.Values.Single(s => s.ContactId.ToString() == contactId && s.ListId.ToString() == listId).Status = status;
    }

    protected List<IcontactQueueItem> Inbound => Queue.Items.Where(i => i.Operation == QueueOperation.InboundCheck).ToList();
}
