using Nop.Core.Caching;

namespace Nop.Plugin.Misc.IContact;

/// <summary>
/// Represents plugin constants
/// </summary>
public static class IcontactDefaults
{
    /// <summary>
    /// Gets the plugin system name
    /// </summary>
    public static string SystemName => "Misc.IContact";

    /// <summary>
    /// Gets how long one run of the schedule task keeps delivering (well under the platform's 100 s client time-out)
    /// </summary>
    public static TimeSpan TaskRunBudget => TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets the prefix of every locale resource of the plugin
    /// </summary>
    public static string LocalePrefix => "Plugins.Misc.IContact";

    /// <summary>
    /// Gets the path of the configuration page (area route Admin/{controller}/{action})
    /// </summary>
    public static string ConfigurationPath => "Admin/Icontact/Configure";

    /// <summary>
    /// Gets the folder the views are deployed to
    /// </summary>
    public static string ViewsPath => "~/Plugins/Misc.IContact/Views/";

    /// <summary>
    /// Gets the synchronization schedule task: name, type, and default period in seconds
    /// </summary>
    public static (string Name, string Type, int Period) SynchronizationTask =>
        ("iContact synchronization (safety net)", "Nop.Plugin.Misc.IContact.Services.SynchronizationTask", 5 * 60);

    #region iContact API

    /// <summary>
    /// Gets the production API base URL
    /// </summary>
    public static string ApiBaseUrl => "https://app.icontact.com/icp";

    /// <summary>
    /// Gets the API version sent in the API-Version header
    /// </summary>
    public static string ApiVersion => "2.2";

    /// <summary>
    /// Gets the header names of the iContact API (names are case-insensitive on the server)
    /// </summary>
    public static (string Version, string AppId, string Username, string Password) ApiHeaders =>
        ("API-Version", "API-AppId", "API-Username", "API-Password");

    /// <summary>
    /// Gets the length of an iContact application id
    /// </summary>
    public static int AppIdLength => 32;

    /// <summary>
    /// Gets the largest page the API returns for a GET
    /// </summary>
    public static int MaxPageSize => 500;

    /// <summary>
    /// Gets the default request timeout in seconds
    /// </summary>
    public static int DefaultRequestTimeout => 30;

    /// <summary>
    /// Gets the longest request time-out (seconds) on the admin page: a page must not hang on a slow iContact
    /// </summary>
    public static int InteractiveRequestTimeout => 10;

    /// <summary>
    /// Gets the User-Agent header value
    /// </summary>
    public static string UserAgent => "nopCommerce-iContact-plugin/1.0";

    #endregion

    /// <summary>
    /// Gets the subscription statuses of the iContact API
    /// </summary>
    public static (string Normal, string Pending, string Unsubscribed) SubscriptionStatuses => ("normal", "pending", "unsubscribed");

    /// <summary>
    /// Gets the mark an erasure puts on its queue items in place of a rule id: once delivered they are purged with
    /// every other trace of the address
    /// </summary>
    public static string ErasureMark => "erasure";

    #region Delivery

    /// <summary>
    /// Gets the default number of queue items sent in one batch
    /// </summary>
    public static int DefaultBatchSize => 250;

    /// <summary>
    /// Gets the default request budget per hour (iContact is reported to allow 10,000; stay below)
    /// </summary>
    public static int DefaultRequestsPerHour => 9_000;

    /// <summary>
    /// Gets the default request budget per day (iContact is reported to allow 70,000; stay below)
    /// </summary>
    public static int DefaultRequestsPerDay => 63_000;

    /// <summary>
    /// Gets the default number of attempts before a queue item is marked failed
    /// </summary>
    public static int DefaultMaxAttempts => 10;

    /// <summary>
    /// Gets the default number of days delivered queue items are kept for the audit view
    /// </summary>
    public static int DefaultDoneRetentionDays => 30;

    /// <summary>
    /// Gets how many unsubscribes of a batch delivery checks one by one with iContact just before sending them (one
    /// request each), to tell its own unsubscribes from the person's; a batch with more uses the lists' remembered
    /// unsubscribed contacts (see <see cref="Services.UnsubscribedGuard"/>)
    /// </summary>
    public static int FreshUnsubscribeChecks => 10;

    /// <summary>
    /// Gets the default period (hours) of the unsubscribe reconciliation
    /// </summary>
    public static int DefaultReconcileUnsubscribesHours => 24;

    /// <summary>
    /// Gets the number of customers a bulk synchronisation reads at a time
    /// </summary>
    public static int BulkPageSize => 500;

    /// <summary>
    /// Gets how long a bulk synchronisation step may hold its run's lease (a step reads one page and queues it: seconds)
    /// </summary>
    public static TimeSpan BulkStepLease => TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets how often a store's lapsed customers ("no order for D days") are looked for by the schedule task
    /// </summary>
    public static TimeSpan LapsedCheckPeriod => TimeSpan.FromHours(1);

    /// <summary>
    /// Gets how long one schedule task run looks for lapsed customers (after its delivery budget; the platform's
    /// client time-out is 100 s)
    /// </summary>
    public static TimeSpan LapsedCheckBudget => TimeSpan.FromSeconds(20);

    /// <summary>
    /// Gets the most products the rule editor's product picker offers for one search
    /// </summary>
    public static int ProductSearchSize => 15;

    /// <summary>
    /// Gets the fewest characters the product picker searches names and SKUs for (a number also finds a product by ID)
    /// </summary>
    public static int ProductSearchMinimumLength => 2;

    #endregion

    #region Caching

    /// <summary>
    /// Gets the prefix of every cache key of the plugin
    /// </summary>
    public static string CachePrefix => "Nop.plugins.misc.icontact.";

    /// <summary>
    /// Gets the key of a client folder's lists
    /// </summary>
    /// <remarks>{0} : API base URL; {1} : account id; {2} : client folder id</remarks>
    public static CacheKey ListsCacheKey => new($"{CachePrefix}lists.{{0}}-{{1}}-{{2}}");

    /// <summary>
    /// Gets how long a folder's lists are remembered (minutes): delivery checks its target lists without a request per batch
    /// </summary>
    public static int ListsCacheTime => 5;

    /// <summary>
    /// Gets the key of the contacts a list has as unsubscribed
    /// </summary>
    /// <remarks>{0} : API base URL; {1} : account id; {2} : client folder id; {3} : list id</remarks>
    public static CacheKey UnsubscribedCacheKey => new($"{CachePrefix}unsubscribed.{{0}}-{{1}}-{{2}}-{{3}}");

    /// <summary>
    /// Gets how long a list's unsubscribed contacts are remembered (minutes)
    /// </summary>
    public static int UnsubscribedCacheTime => 10;

    /// <summary>
    /// Gets the key of parsed rules
    /// </summary>
    /// <remarks>{0} : store identifier (the rules that apply to it), or "roles" (the roles any scope's rules mention)</remarks>
    public static CacheKey RulesCacheKey => new($"{CachePrefix}rules.{{0}}");

    /// <summary>
    /// Gets the prefix of the rule cache keys (removed on every change of the rules)
    /// </summary>
    public static string RulesCachePrefix => $"{CachePrefix}rules.";

    #endregion

    #region Web hooks

    /// <summary>
    /// Gets the path of the public web hook receiver below the store's URL; the store id and the secret follow
    /// (the plugin recognises its own hooks in iContact by this path)
    /// </summary>
    public static string WebhookPath => "Plugins/IContact/Webhook";

    /// <summary>
    /// Gets the route name of the web hook receiver
    /// </summary>
    public static string WebhookRouteName => "Plugin.Misc.IContact.Webhook";

    /// <summary>
    /// Gets the largest hook body the receiver reads (iContact documents no limit; its bodies carry one contact and list each)
    /// </summary>
    public static int WebhookMaxBodyBytes => 64 * 1024;

    /// <summary>
    /// Gets the events the plugin registers hooks for
    /// </summary>
    public static IReadOnlyList<string> WebhookEvents { get; } = ["contact_unsubscribed", "contact_subscribed"];

    #endregion

    #region Field mapping

    /// <summary>
    /// Gets iContact's standard contact fields a mapping may fill (email is the contact's key, never mapped)
    /// </summary>
    public static IReadOnlyList<string> StandardContactFields { get; } =
        ["prefix", "firstName", "lastName", "suffix", "street", "street2", "city", "state", "postalCode", "phone", "fax", "business"];

    /// <summary>
    /// Gets the format of dates sent to iContact (its date custom fields take MM/DD/YYYY)
    /// </summary>
    public static string ContactDateFormat => "MM/dd/yyyy";

    /// <summary>
    /// Gets the format of amounts sent to iContact (invariant culture, two decimals; number fields take up to four)
    /// </summary>
    public static string ContactAmountFormat => "0.00";

    /// <summary>
    /// Gets the values sent for nopCommerce's gender codes M and F
    /// </summary>
    public static (string Male, string Female) GenderValues => ("Male", "Female");

    /// <summary>
    /// Gets the characters iContact refuses in a custom field's private name
    /// </summary>
    public static char[] CustomFieldForbiddenCharacters => [' ', '\'', '"', '/', '\\', '[', ']'];

    /// <summary>
    /// Gets the longest custom field private name the plugin creates
    /// </summary>
    public static int CustomFieldNameMaxLength => 64;

    /// <summary>
    /// Gets the key of a client folder's custom fields
    /// </summary>
    /// <remarks>{0} : API base URL; {1} : account id; {2} : client folder id</remarks>
    public static CacheKey CustomFieldsCacheKey => new($"{CachePrefix}customfields.{{0}}-{{1}}-{{2}}");

    /// <summary>
    /// Gets how long a folder's custom fields are remembered (minutes)
    /// </summary>
    public static int CustomFieldsCacheTime => 5;

    /// <summary>
    /// Gets the key of the stored field mappings of a scope
    /// </summary>
    /// <remarks>{0} : scope (store identifier, 0 = all stores)</remarks>
    public static CacheKey FieldMapsCacheKey => new($"{CachePrefix}fieldmaps.{{0}}");

    /// <summary>
    /// Gets the prefix of the field mapping cache keys (removed on every change of a mapping)
    /// </summary>
    public static string FieldMapsCachePrefix => $"{CachePrefix}fieldmaps.";

    #endregion
}
