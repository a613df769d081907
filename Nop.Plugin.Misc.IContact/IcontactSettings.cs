using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.IContact;

/// <summary>
/// Represents plugin settings; every value can be overridden per store
/// </summary>
public class IcontactSettings : ISettings
{
    /// <summary>
    /// Gets or sets the iContact login username (case-sensitive on iContact's side)
    /// </summary>
    public string Username { get; set; }

    /// <summary>
    /// Gets or sets the 32-character application id (AppID)
    /// </summary>
    public string AppId { get; set; }

    /// <summary>
    /// Gets or sets the application password, encrypted with the store's encryption key; never shown, never logged
    /// </summary>
    public string EncryptedAppPassword { get; set; }

    /// <summary>
    /// Gets or sets the API base URL (production by default; point it at the emulator to try the plugin offline)
    /// </summary>
    public string ApiBaseUrl { get; set; } = IcontactDefaults.ApiBaseUrl;

    /// <summary>
    /// Gets or sets the iContact account id found by credential verification
    /// </summary>
    public string AccountId { get; set; }

    /// <summary>
    /// Gets or sets the client folder id chosen at credential verification
    /// </summary>
    public string ClientFolderId { get; set; }

    /// <summary>
    /// Gets or sets the customer group → list rules, serialized as JSON (the setting service persists only simple values)
    /// </summary>
    public string RulesJson { get; set; }

    /// <summary>
    /// Gets or sets the private name of an iContact custom field that receives the nopCommerce customer id (empty: none)
    /// </summary>
    public string CustomerIdCustomField { get; set; }

    /// <summary>
    /// Gets or sets the number of contacts sent to iContact in one request (their subscriptions follow in one more)
    /// </summary>
    public int BatchSize { get; set; } = IcontactDefaults.DefaultBatchSize;

    /// <summary>
    /// Gets or sets the most API requests the plugin makes per hour
    /// </summary>
    public int RequestsPerHour { get; set; } = IcontactDefaults.DefaultRequestsPerHour;

    /// <summary>
    /// Gets or sets the most API requests the plugin makes per day
    /// </summary>
    public int RequestsPerDay { get; set; } = IcontactDefaults.DefaultRequestsPerDay;

    /// <summary>
    /// Gets or sets the number of delivery attempts before a queue item is marked failed
    /// </summary>
    public int MaxAttempts { get; set; } = IcontactDefaults.DefaultMaxAttempts;

    /// <summary>
    /// Gets or sets the request timeout in seconds
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = IcontactDefaults.DefaultRequestTimeout;

    /// <summary>
    /// Gets or sets the number of days delivered queue items are kept
    /// </summary>
    public int DoneRetentionDays { get; set; } = IcontactDefaults.DefaultDoneRetentionDays;

    /// <summary>
    /// Gets or sets how often (hours) contacts unsubscribed in iContact are marked unsubscribed in the store's newsletter
    /// for consent rules; 0 turns it off
    /// </summary>
    public int ReconcileUnsubscribesHours { get; set; } = IcontactDefaults.DefaultReconcileUnsubscribesHours;

    /// <summary>
    /// Gets or sets a value indicating whether an erased customer's iContact contact is deleted, not only unsubscribed
    /// </summary>
    public bool DeleteContactOnCustomerErase { get; set; }

    /// <summary>
    /// Gets or sets the secret in the store's web hook URL, encrypted (written per store by the web hook registration)
    /// </summary>
    public string EncryptedWebhookSecret { get; set; }

    /// <summary>
    /// Gets or sets the outcome of the last web hook registration (<see cref="Domain.WebhookState"/>)
    /// </summary>
    public int WebhookStateId { get; set; }

    /// <summary>
    /// Gets or sets when the web hooks were last registered, refused or failed
    /// </summary>
    public DateTime? WebhookStateOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the URL the hooks were registered with, without its secret, or why registration failed
    /// </summary>
    public string WebhookNote { get; set; }
}
