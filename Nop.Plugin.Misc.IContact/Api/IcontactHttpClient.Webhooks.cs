using System.Net;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// The web hooks resource (…/webhooks) and the single-item reads a hook receiver confirms claims with
/// </summary>
public partial class IcontactHttpClient
{
    #region Utilities

    /// <summary>
    /// Calls the web hooks resource; an account that may not use it (iContact documents it as agency-only in places,
    /// and the status it then answers is unknown) gets <see cref="IcontactErrorKind.ResourceRefused"/>
    /// </summary>
    protected virtual async Task<T> WebhooksCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (IcontactApiException exception) when (exception.Kind is IcontactErrorKind.Forbidden or IcontactErrorKind.NotFound
            || exception.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            throw new IcontactApiException(IcontactErrorKind.ResourceRefused, exception.Message, exception.StatusCode, exception.ServerMessages, exception);
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets one page of the folder's web hooks
    /// </summary>
    /// <exception cref="IcontactApiException">Kind <see cref="IcontactErrorKind.ResourceRefused"/> when the account may not use web hooks</exception>
    public virtual Task<IcontactPage<IcontactWebhook>> GetWebhooksPageAsync(IcontactFolder folder, int offset, int limit = 500, CancellationToken cancellationToken = default) =>
        WebhooksCallAsync(() => GetPageAsync<IcontactWebhook>(folder.Credentials, $"{folder.Path}/webhooks", "webhooks", offset,
            Math.Clamp(limit, 1, IcontactDefaults.MaxPageSize), cancellationToken));

    /// <summary>
    /// Creates one hook per event for a URL (iContact takes one event per hook and does not de-duplicate)
    /// </summary>
    /// <returns>The hooks created and the warnings for those left out</returns>
    /// <exception cref="IcontactApiException">Kind <see cref="IcontactErrorKind.ResourceRefused"/> when the account may not use web hooks</exception>
    public virtual Task<(List<IcontactWebhook> Items, IReadOnlyList<string> Warnings)> CreateWebhooksAsync(IcontactFolder folder, string url,
        IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default) =>
        WebhooksCallAsync(() => PostCollectionAsync<IcontactWebhook>(folder, "webhooks",
            eventIds.Select(eventId => (object)new { url, eventId }).ToList(), cancellationToken));

    /// <summary>
    /// Deletes a hook
    /// </summary>
    /// <exception cref="IcontactApiException">Kind <see cref="IcontactErrorKind.ResourceRefused"/> when the account may not use web hooks (or the hook is gone)</exception>
    public virtual Task DeleteWebhookAsync(IcontactFolder folder, string webhookId, CancellationToken cancellationToken = default) =>
        WebhooksCallAsync(() => SendAsync(HttpMethod.Delete, folder.Credentials, $"{folder.Path}/webhooks/{Uri.EscapeDataString(webhookId)}", null, cancellationToken));

    /// <summary>
    /// Gets a contact's subscription to a list (GET …/subscriptions/{listId}_{contactId}), or null when it has none
    /// </summary>
    public virtual async Task<IcontactSubscription> GetSubscriptionAsync(IcontactFolder folder, string listId, string contactId,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await SendAsync(HttpMethod.Get, folder.Credentials,
                $"{folder.Path}/subscriptions/{Uri.EscapeDataString(listId)}_{Uri.EscapeDataString(contactId)}", null, cancellationToken);
            return IcontactResponse.Array<IcontactSubscription>(json, "subscription").FirstOrDefault();
        }
        catch (IcontactApiException exception) when (exception.Kind == IcontactErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Gets a contact (GET …/contacts/{contactId}), or null when it does not exist
    /// </summary>
    public virtual async Task<IcontactContact> GetContactAsync(IcontactFolder folder, string contactId, CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await SendAsync(HttpMethod.Get, folder.Credentials, $"{folder.Path}/contacts/{Uri.EscapeDataString(contactId)}", null, cancellationToken);
            return IcontactResponse.Array<IcontactContact>(json, "contact").FirstOrDefault();
        }
        catch (IcontactApiException exception) when (exception.Kind == IcontactErrorKind.NotFound)
        {
            return null;
        }
    }

    #endregion
}
