using Nop.Core;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what a web hook registration did
/// </summary>
/// <param name="State">The outcome</param>
/// <param name="Message">A localized message for the owner</param>
/// <param name="Warning">A localized warning (store URL probably not reachable from the internet), or null</param>
public record WebhookRegistrationResult(WebhookState State, string Message, string Warning);

/// <summary>
/// Registers a store's web hooks with iContact: one hook per event for the store's receiver URL, its own hooks that
/// point elsewhere (domain moved, secret rotated) removed, hooks it did not create left untouched; records the outcome
/// </summary>
public class WebhookRegistrationService
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly IcontactGateway _gateway;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;
    protected readonly IStoreService _storeService;
    protected readonly TimeProvider _timeProvider;
    protected readonly WebhookSecretService _secretService;

    #endregion

    #region Ctor

    public WebhookRegistrationService(ErrorDescriber errorDescriber,
        IcontactGateway gateway,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        TimeProvider timeProvider,
        WebhookSecretService secretService)
    {
        _errorDescriber = errorDescriber;
        _gateway = gateway;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _timeProvider = timeProvider;
        _secretService = secretService;
    }

    #endregion

    #region Utilities

    protected virtual async Task<WebhookRegistrationResult> RecordAsync(int storeId, WebhookState state, string note, string message, string warning)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        settings.WebhookStateId = (int)state;
        settings.WebhookStateOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        settings.WebhookNote = note;
        await _settingService.SaveSettingAsync(settings, s => s.WebhookStateId, storeId, false);
        await _settingService.SaveSettingAsync(settings, s => s.WebhookStateOnUtc, storeId, false);
        await _settingService.SaveSettingAsync(settings, s => s.WebhookNote, storeId);
        return new WebhookRegistrationResult(state, message, warning);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the URL hooks of a store are registered with: the store's configured URL (the current store's for the
    /// settings shared by all stores)
    /// </summary>
    public virtual async Task<string> GetStoreUrlAsync(int storeId)
    {
        var store = storeId > 0 ? await _storeService.GetStoreByIdAsync(storeId) : await _storeContext.GetCurrentStoreAsync();
        return store?.Url;
    }

    /// <summary>
    /// Registers the store's hooks; replaces its own hooks that point elsewhere
    /// </summary>
    /// <param name="storeId">Store identifier (0: the settings shared by all stores)</param>
    /// <param name="rotateSecret">Whether to replace the secret first (the old URL stops working)</param>
    /// <returns>What happened, for the page; null when the plugin is not configured</returns>
    public virtual async Task<WebhookRegistrationResult> RegisterAsync(int storeId, bool rotateSecret = false)
    {
        var connection = await _gateway.OpenAsync(storeId, interactive: true);
        if (!IcontactConnectionService.IsConfigured(connection.Settings))
            return null;

        var storeUrl = await GetStoreUrlAsync(storeId);
        if (!Uri.TryCreate(storeUrl, UriKind.Absolute, out _))
        {
            var missing = await _errorDescriber.TextAsync("Webhooks.NoStoreUrl");
            return await RecordAsync(storeId, WebhookState.Failed, missing, missing, null);
        }

        var warning = WebhookSecretService.LooksUnreachable(storeUrl) ? await _errorDescriber.TextAsync("Webhooks.Unreachable", storeUrl) : null;
        var secret = rotateSecret ? await _secretService.RotateAsync(storeId) : await _secretService.GetOrCreateAsync(storeId);
        var url = WebhookSecretService.BuildUrl(storeUrl, storeId, secret);
        var shownUrl = WebhookSecretService.BuildUrl(storeUrl, storeId, null);
        try
        {
            var present = new HashSet<string>();
            var hooks = new List<IcontactWebhook>();
            await foreach (var hook in connection.ReadAllAsync((client, offset, token) => client.GetWebhooksPageAsync(connection.Folder, offset, cancellationToken: token)))
                hooks.Add(hook);

            foreach (var hook in hooks.Where(hook => WebhookSecretService.IsOwn(hook.Url, storeId)))
            {
                if (hook.Url == url && IcontactDefaults.WebhookEvents.Contains(hook.EventId) && present.Add(hook.EventId))
                    continue;
                //the domain moved, the secret was rotated, or a duplicate: iContact cannot change a hook, so it goes
                await connection.CallAsync(async (client, token) =>
                {
                    await client.DeleteWebhookAsync(connection.Folder, hook.WebhookId, token);
                    return true;
                });
            }

            var missing = IcontactDefaults.WebhookEvents.Where(eventId => !present.Contains(eventId)).ToList();
            if (missing.Count > 0)
            {
                var (created, warnings) = await connection.CallAsync((client, token) => client.CreateWebhooksAsync(connection.Folder, url, missing, token));
                if (created.Count < missing.Count)
                    throw new IcontactApiException(IcontactErrorKind.BadRequest, string.Join(" ", warnings), serverMessages: warnings);
            }

            await connection.RecordSuccessAsync();
            return await RecordAsync(storeId, WebhookState.Registered, shownUrl, await _errorDescriber.TextAsync("Webhooks.Registered", shownUrl), warning);
        }
        catch (IcontactApiException exception) when (exception.Kind == IcontactErrorKind.ResourceRefused)
        {
            var message = await connection.DescribeAsync(exception);
            return await RecordAsync(storeId, WebhookState.Refused, message, message, warning);
        }
        catch (IcontactApiException exception)
        {
            var message = await connection.DescribeAsync(exception);
            return await RecordAsync(storeId, WebhookState.Failed, message, message, warning);
        }
    }

    #endregion
}
