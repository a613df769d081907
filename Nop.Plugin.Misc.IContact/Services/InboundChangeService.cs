using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents how the receiver answers a hook call
/// </summary>
public enum InboundReceipt
{
    /// <summary>
    /// Recorded (or nothing to record): 200
    /// </summary>
    Accepted,

    /// <summary>
    /// Not the store's secret: 404, as if the URL did not exist
    /// </summary>
    UnknownSecret,

    /// <summary>
    /// The body is not iContact's JSON array: 400
    /// </summary>
    Malformed
}

/// <summary>
/// Changes reported by iContact's web hooks: records them durably when a hook is called (nothing else on the
/// request), then, in the background, confirms each with iContact through the store's gateway and acts only on what
/// iContact confirms: a person's unsubscribe is carried over at once (<see cref="UnsubscribeReconciler.CarryOverUnsubscribeAsync"/>;
/// the echo of the plugin's own is not), a subscription of a known contact updates its record. The payload itself is never trusted.
/// </summary>
public class InboundChangeService
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly IcontactGateway _gateway;
    protected readonly InboundQueue _inboundQueue;
    protected readonly StoreScopeResolver _storeScopeResolver;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;
    protected readonly UnsubscribeReconciler _unsubscribeReconciler;
    protected readonly WebhookSecretService _secretService;

    #endregion

    #region Ctor

    public InboundChangeService(ErrorDescriber errorDescriber,
        IcontactGateway gateway,
        InboundQueue inboundQueue,
        StoreScopeResolver storeScopeResolver,
        SubscriberService subscriberService,
        TimeProvider timeProvider,
        UnsubscribeReconciler unsubscribeReconciler,
        WebhookSecretService secretService)
    {
        _errorDescriber = errorDescriber;
        _gateway = gateway;
        _inboundQueue = inboundQueue;
        _storeScopeResolver = storeScopeResolver;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
        _unsubscribeReconciler = unsubscribeReconciler;
        _secretService = secretService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Confirms one reported change with iContact and acts on what iContact says
    /// </summary>
    /// <returns>The note for the queue grid</returns>
    protected virtual async Task<string> ConfirmAsync(IcontactStoreConnection connection, IcontactQueueItem item)
    {
        var contactId = item.ContactJson;
        var subscription = await connection.CallAsync((client, token) => client.GetSubscriptionAsync(connection.Folder, item.ListId, contactId, token));
        item.SubscriptionStatus = subscription?.Status;
        var records = await _subscriberService.GetByContactIdsAsync(item.StoreId, [contactId]);
        item.Email = records.FirstOrDefault()?.Email ?? string.Empty;

        if (subscription?.Status == IcontactDefaults.SubscriptionStatuses.Unsubscribed)
        {
            //later deliveries and bulk steps read the list again, so they leave the contact alone at once
            await connection.ForgetUnsubscribedAsync(item.ListId);
            //iContact announces the plugin's own unsubscribes too (a rule's removal, a withdrawn consent): nothing to carry over
            if (UnsubscribeReconciler.IsOwnUnsubscribe(records, item.ListId))
                return await _errorDescriber.TextAsync("Webhooks.Inbound.OwnUnsubscribe");
            if (records.Count == 0)
            {
                var contact = await connection.CallAsync((client, token) => client.GetContactAsync(connection.Folder, contactId, token));
                item.Email = QueueItemFactory.NormalizeEmail(contact?.Email) ?? string.Empty;
            }

            var deactivated = await _unsubscribeReconciler.CarryOverUnsubscribeAsync(item.StoreId, item.ListId, records, item.Email);
            return await _errorDescriber.TextAsync("Webhooks.Inbound.Unsubscribed", deactivated);
        }

        if (subscription?.Status == IcontactDefaults.SubscriptionStatuses.Normal && records.Count > 0)
        {
            await connection.ForgetUnsubscribedAsync(item.ListId);
            foreach (var record in records)
                await _subscriberService.RecordAsync(item.StoreId, record.CustomerId, record.Email, contactId, [item.ListId], []);
            return await _errorDescriber.TextAsync("Webhooks.Inbound.Subscribed");
        }

        return await _errorDescriber.TextAsync("Webhooks.Inbound.NotConfirmed", subscription?.Status ?? "-");
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handles a hook call: checks the secret, reads the body, records the reported subscription changes
    /// </summary>
    /// <param name="storeId">The store id in the URL</param>
    /// <param name="secret">The secret in the URL</param>
    /// <param name="body">The body, already bounded in size</param>
    public virtual async Task<InboundReceipt> ReceiveAsync(int storeId, string secret, string body)
    {
        if (!await _secretService.IsValidAsync(storeId, secret))
            return InboundReceipt.UnknownSecret;
        if (!IcontactWebhookEvent.TryParse(body, out var events))
            return InboundReceipt.Malformed;

        //contact_created / contact_updated name no list: nothing the plugin acts on
        var changes = events.Where(e => e.ListId is not null).Select(e => (e.ContactId, e.ListId)).ToList();
        //hooks registered from the all-stores scope of a single-store install act on its store, where the storefront's
        //changes and the subscriber records are kept
        await _inboundQueue.EnqueueInboundAsync(await _storeScopeResolver.StoreOfScopeAsync(storeId), changes);
        return InboundReceipt.Accepted;
    }

    /// <summary>
    /// Confirms and applies the received changes that are due
    /// </summary>
    /// <returns>How many were settled (confirmed or not)</returns>
    public virtual async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var items = await _inboundQueue.ClaimInboundAsync(IcontactDefaults.MaxPageSize, TimeSpan.FromMinutes(5));
        var settled = 0;
        foreach (var store in items.GroupBy(item => item.StoreId))
        {
            var connection = await _gateway.OpenAsync(store.Key);
            foreach (var item in store)
            {
                if (cancellationToken.IsCancellationRequested)
                    return settled;
                try
                {
                    var note = IcontactConnectionService.IsConfigured(connection.Settings)
                        ? await ConfirmAsync(connection, item)
                        : await _errorDescriber.TextAsync("Delivery.NotConfigured");
                    await _inboundQueue.SettleAsync(item, note);
                    settled++;
                }
                catch (IcontactBudgetExhaustedException exception)
                {
                    await _inboundQueue.DeferInboundAsync(item, exception.AvailableOnUtc, await connection.DescribeAsync(exception));
                }
                catch (IcontactApiException exception) when (exception.IsTransient && item.Attempts < connection.Settings.MaxAttempts)
                {
                    await _inboundQueue.DeferInboundAsync(item, _timeProvider.GetUtcNow().UtcDateTime.AddMinutes(item.Attempts), await connection.DescribeAsync(exception));
                }
                catch (IcontactApiException exception)
                {
                    //settled with the reason, not failed: a retried failed item would go to delivery, which has nothing to send
                    await _inboundQueue.SettleAsync(item, await connection.RecordErrorAsync(exception));
                }
            }
        }

        return settled;
    }

    #endregion
}
