using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the configuration page. The application password travels only from the browser to the server.
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    #region Credentials

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.Username")]
    public string Username { get; set; }
    public bool Username_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.AppId")]
    public string AppId { get; set; }
    public bool AppId_OverrideForStore { get; set; }

    /// <summary>
    /// Gets or sets a new application password; empty keeps the stored one. Never filled by the server.
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.AppPassword")]
    [DataType(DataType.Password)]
    public string AppPassword { get; set; }
    public bool AppPassword_OverrideForStore { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a password is stored for this scope
    /// </summary>
    public bool AppPasswordIsSet { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the stored password can no longer be decrypted (the store's key changed)
    /// </summary>
    public bool AppPasswordUnreadable { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.ApiBaseUrl")]
    public string ApiBaseUrl { get; set; }
    public bool ApiBaseUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.AccountId")]
    public string AccountId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.ClientFolderId")]
    public string ClientFolderId { get; set; }
    public bool ClientFolderId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableClientFolders { get; set; } = [];

    #endregion

    #region Delivery

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.BatchSize")]
    [Range(1, 1000)]
    public int BatchSize { get; set; }
    public bool BatchSize_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.RequestsPerHour")]
    [Range(1, 100_000)]
    public int RequestsPerHour { get; set; }
    public bool RequestsPerHour_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.RequestsPerDay")]
    [Range(1, 1_000_000)]
    public int RequestsPerDay { get; set; }
    public bool RequestsPerDay_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.MaxAttempts")]
    [Range(1, 100)]
    public int MaxAttempts { get; set; }
    public bool MaxAttempts_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.RequestTimeoutSeconds")]
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; }
    public bool RequestTimeoutSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.DoneRetentionDays")]
    [Range(0, 3650)]
    public int DoneRetentionDays { get; set; }
    public bool DoneRetentionDays_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.CustomerIdCustomField")]
    public string CustomerIdCustomField { get; set; }
    public bool CustomerIdCustomField_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.ReconcileUnsubscribesHours")]
    [Range(0, 8760)]
    public int ReconcileUnsubscribesHours { get; set; }
    public bool ReconcileUnsubscribesHours_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Fields.DeleteContactOnCustomerErase")]
    public bool DeleteContactOnCustomerErase { get; set; }
    public bool DeleteContactOnCustomerErase_OverrideForStore { get; set; }

    #endregion

    #region Lists and rules

    /// <summary>
    /// Gets or sets a value indicating whether this store keeps rules of its own
    /// </summary>
    public bool RulesJson_OverrideForStore { get; set; }

    public RuleModel NewRule { get; set; } = new();
    public RuleSearchModel RuleSearchModel { get; set; } = new();
    public IList<SelectListItem> AvailableLists { get; set; } = [];
    public IList<SelectListItem> AvailableCustomerRoles { get; set; } = [];
    public IList<SelectListItem> AvailableNewsletterTypes { get; set; } = [];
    public IList<SelectListItem> AvailableTriggers { get; set; } = [];
    public IList<SelectListItem> AvailableRemovals { get; set; } = [];
    public IList<SelectListItem> AvailableCategories { get; set; } = [];
    public IList<SelectListItem> AvailableManufacturers { get; set; } = [];
    public IList<SelectListItem> AvailableSubscriptionStatuses { get; set; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether the lists were read from iContact for this page
    /// </summary>
    public bool ListsLoaded { get; set; }

    [NopResourceDisplayName("Plugins.Misc.IContact.Lists.NewListName")]
    public string NewListName { get; set; }

    #endregion

    public StatusModel Status { get; set; } = new();
    public WebhookModel Webhooks { get; set; } = new();
    public FieldMappingCardModel FieldMappings { get; set; } = new();

    public QueueSearchModel QueueSearchModel { get; set; } = new();
    public IList<SelectListItem> AvailableQueueStates { get; set; } = [];
}
