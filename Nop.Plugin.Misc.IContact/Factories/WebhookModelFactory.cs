using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Factories;

/// <summary>
/// Prepares the web hook health shown on the status card
/// </summary>
public class WebhookModelFactory
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly InboundQueue _inboundQueue;
    protected readonly StoreScopeResolver _storeScopeResolver;
    protected readonly WebhookRegistrationService _registrationService;

    #endregion

    #region Ctor

    public WebhookModelFactory(ErrorDescriber errorDescriber, InboundQueue inboundQueue, StoreScopeResolver storeScopeResolver,
        WebhookRegistrationService registrationService)
    {
        _errorDescriber = errorDescriber;
        _inboundQueue = inboundQueue;
        _storeScopeResolver = storeScopeResolver;
        _registrationService = registrationService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Prepares the web hook health of a store
    /// </summary>
    public virtual async Task<WebhookModel> PrepareWebhookModelAsync(IcontactSettings settings, int storeId)
    {
        var state = (WebhookState)settings.WebhookStateId;
        var storeUrl = await _registrationService.GetStoreUrlAsync(storeId);
        return new WebhookModel
        {
            State = await _errorDescriber.TextAsync($"Webhooks.State.{state}"),
            StateBadge = state switch
            {
                WebhookState.Registered => "bg-success",
                WebhookState.Refused => "bg-warning",
                WebhookState.Failed => "bg-danger",
                _ => "bg-secondary"
            },
            Note = state is WebhookState.Refused or WebhookState.Failed ? settings.WebhookNote : null,
            StateOnUtc = settings.WebhookStateOnUtc,
            //the hook's calls are kept under the store the scope stands for (a single-store install's all-stores hook: its store)
            LastReceivedOnUtc = await _inboundQueue.GetLastInboundOnUtcAsync(await _storeScopeResolver.StoreOfScopeAsync(storeId)),
            Url = string.IsNullOrEmpty(storeUrl) ? null : WebhookSecretService.BuildUrl(storeUrl, storeId, null),
            Warning = !string.IsNullOrEmpty(storeUrl) && WebhookSecretService.LooksUnreachable(storeUrl)
                ? await _errorDescriber.TextAsync("Webhooks.Unreachable", storeUrl)
                : null,
            CanRegister = IcontactConnectionService.IsConfigured(settings)
        };
    }

    #endregion
}
