namespace Nop.Plugin.Misc.IContact.Infrastructure;

/// <summary>
/// Every English locale resource the plugin shows, grouped by the plugin version that introduced it
/// </summary>
public static class IcontactLocales
{
    /// <summary>
    /// Gets the resources introduced by each plugin version, oldest first
    /// </summary>
    public static IReadOnlyList<(Version Version, IReadOnlyDictionary<string, string> Resources)> ByVersion { get; } =
    [
        (new Version(1, 0, 0), new Dictionary<string, string>
        {
            ["Plugins.Misc.IContact.Status"] = "Status",
            ["Plugins.Misc.IContact.Status.Connection"] = "Connection",
            ["Plugins.Misc.IContact.Status.Configured"] = "Configured",
            ["Plugins.Misc.IContact.Status.NotConfigured"] = "Not configured: enter and save your iContact credentials.",
            ["Plugins.Misc.IContact.Status.Paused"] = "Delivery paused",
            ["Plugins.Misc.IContact.Status.LastSuccess"] = "Last successful iContact call",
            ["Plugins.Misc.IContact.Status.LastError"] = "Last error",
            ["Plugins.Misc.IContact.Status.Never"] = "Never",
            ["Plugins.Misc.IContact.Status.Queue"] = "Queue",
            ["Plugins.Misc.IContact.Status.QueueCounts"] = "{0} waiting, {1} failed, {2} broken rules",
            ["Plugins.Misc.IContact.Status.LastNotice"] = "Last notice",
            ["Plugins.Misc.IContact.Queue"] = "Delivery queue",
            ["Plugins.Misc.IContact.Queue.Instructions"] = "Changes wait here until iContact accepts them. Failed changes stay until you retry or discard them; delivered ones are kept for the configured number of days.",
            ["Plugins.Misc.IContact.Queue.Show"] = "Show",
            ["Plugins.Misc.IContact.Queue.State.Pending"] = "Waiting",
            ["Plugins.Misc.IContact.Queue.State.InFlight"] = "Being delivered",
            ["Plugins.Misc.IContact.Queue.State.Done"] = "Delivered",
            ["Plugins.Misc.IContact.Queue.State.Failed"] = "Failed",
            ["Plugins.Misc.IContact.Queue.State.LeftAlone"] = "Left alone (unsubscribed in iContact)",
            ["Plugins.Misc.IContact.Queue.Operation.Subscribe"] = "Subscribe ({0})",
            ["Plugins.Misc.IContact.Queue.Operation.Unsubscribe"] = "Unsubscribe",
            ["Plugins.Misc.IContact.Queue.Operation.DeleteContact"] = "Delete contact",
            ["Plugins.Misc.IContact.Queue.Fields.Email"] = "Email",
            ["Plugins.Misc.IContact.Queue.Fields.Change"] = "Change",
            ["Plugins.Misc.IContact.Queue.Fields.Attempts"] = "Attempts",
            ["Plugins.Misc.IContact.Queue.Fields.NextAttempt"] = "Next attempt",
            ["Plugins.Misc.IContact.Queue.Fields.LastError"] = "Last error",
            ["Plugins.Misc.IContact.Queue.Fields.UpdatedOn"] = "Updated",
            ["Plugins.Misc.IContact.Queue.Retry"] = "Retry",
            ["Plugins.Misc.IContact.Queue.Discard"] = "Discard",
            ["Plugins.Misc.IContact.Queue.OnlyFailed"] = "Only failed changes can be discarded.",
            ["Plugins.Misc.IContact.Sync"] = "Synchronize existing customers",
            ["Plugins.Misc.IContact.Sync.Instructions"] = "Brings the customers the store already has to iContact under the rules. Preview first; Synchronize runs in the background (you can leave the page, and a restart resumes it), sends through the same queue as new registrations, and never re-subscribes anyone who unsubscribed in iContact.",
            ["Plugins.Misc.IContact.Sync.Preview"] = "Preview",
            ["Plugins.Misc.IContact.Sync.Start"] = "Synchronize",
            ["Plugins.Misc.IContact.Sync.Preview.Subscribe"] = "Would be subscribed",
            ["Plugins.Misc.IContact.Sync.Preview.AlreadySubscribed"] = "Already subscribed",
            ["Plugins.Misc.IContact.Sync.Preview.SkippedNoConsent"] = "Skipped: no newsletter consent",
            ["Plugins.Misc.IContact.Sync.Preview.SkippedInactive"] = "Skipped: inactive",
            ["Plugins.Misc.IContact.Sync.Preview.SkippedNoEmail"] = "Skipped: no email (guests)",
            ["Plugins.Misc.IContact.Sync.Preview.LeftAloneStore"] = "Left alone: unsubscribed in the store",
            ["Plugins.Misc.IContact.Sync.Preview.LeftAloneIcontact"] = "Left alone: unsubscribed in iContact",
            ["Plugins.Misc.IContact.Sync.ProgressText"] = "{0}% done: {1} delivered, {2} failed, {3} waiting, {4} customers still to read, {5} left alone (unsubscribed in iContact).",
            ["Plugins.Misc.IContact.Sync.StartedOn"] = "Started",
            ["Plugins.Misc.IContact.Sync.EstimatedFinish"] = "estimated finish",
            ["Plugins.Misc.IContact.Simulator"] = "Rule simulator",
            ["Plugins.Misc.IContact.Simulator.Email"] = "Customer email",
            ["Plugins.Misc.IContact.Simulator.Run"] = "Explain",
            ["Plugins.Misc.IContact.Simulator.NoCustomer"] = "No customer has this email address.",
            ["Plugins.Misc.IContact.Simulator.RuleDisabled"] = "not joined: the rule is disabled.",
            ["Plugins.Misc.IContact.Simulator.Inactive"] = "not joined: the customer is not active (email not validated or not approved).",
            ["Plugins.Misc.IContact.Simulator.NoRole"] = "not joined: the customer is in none of the rule's roles ({0}).",
            ["Plugins.Misc.IContact.Simulator.NoConsent"] = "not joined: the rule requires newsletter consent and the customer has no active newsletter subscription for it.",
            ["Plugins.Misc.IContact.Simulator.Joins"] = "joins, as a member of the role {0}.",
            ["Plugins.Misc.IContact.Simulator.JoinsWithConsent"] = "joins, as a member of the role {0} with newsletter consent.",
            ["Plugins.Misc.IContact.Fields.CustomerIdCustomField"] = "Custom field for the customer ID",
            ["Plugins.Misc.IContact.Fields.CustomerIdCustomField.Hint"] = "The private name of an iContact custom field (no spaces, quotes, slashes or brackets) that receives each contact's nopCommerce customer ID. Saving creates it in iContact when missing. Leave empty to send no custom field.",
            ["Plugins.Misc.IContact.Fields.CustomerIdCustomField.Invalid"] = "A custom field name may not contain spaces, quotes, slashes or square brackets.",
            ["Plugins.Misc.IContact.Fields.ReconcileUnsubscribesHours"] = "Carry iContact unsubscribes over every (hours)",
            ["Plugins.Misc.IContact.Fields.ReconcileUnsubscribesHours.Hint"] = "How often contacts who unsubscribed in iContact are marked unsubscribed in the store's newsletter, for rules that need newsletter consent. 0 turns it off.",
            ["Plugins.Misc.IContact.Delivery.NotConfigured"] = "The plugin is not configured for this store.",
            ["Plugins.Misc.IContact.Delivery.Superseded"] = "Replaced by a newer change for the same address and list.",
            ["Plugins.Misc.IContact.Delivery.LeftAlone"] = "Left alone: the contact is unsubscribed from this list in iContact.",
            ["Plugins.Misc.IContact.Delivery.ListReplaced"] = "iContact list '{0}' ({1}) no longer exists; its rule now uses the list of the same name ({2}).",
            ["Plugins.Misc.IContact.Delivery.ListGone"] = "iContact list '{0}' ({1}) no longer exists and {2} lists of that name exist: re-bind the rule on the configuration page.",
            ["Plugins.Misc.IContact.Delivery.ListGoneNoRule"] = "iContact list {0} no longer exists and no rule names it any more.",
            ["Plugins.Misc.IContact.Delivery.ContactRefused"] = "iContact did not accept the contact.",
            ["Plugins.Misc.IContact.Delivery.SubscriptionRefused"] = "iContact did not accept the subscription.",
            ["Plugins.Misc.IContact.Delivery.BudgetUsedUp"] = "The plugin's iContact request budget is used up until {0} UTC; the change waits.",
            ["Plugins.Misc.IContact.Credentials"] = "iContact credentials",
            ["Plugins.Misc.IContact.Credentials.Instructions"] = "In iContact, open Settings and Billing > iContact Integrations > Custom API Integrations and create (or open) an integration. Copy the Application ID, the username and the password you chose for it into the fields below, then click \"Verify API credentials\".",
            ["Plugins.Misc.IContact.Verify"] = "Verify API credentials",
            ["Plugins.Misc.IContact.Verify.Success"] = "The credentials work: account {0}, client folder {1}, {2} lists.",
            ["Plugins.Misc.IContact.Verify.SeveralFolders"] = "The account has {0} client folders; choose the one to use.",
            ["Plugins.Misc.IContact.Verify.SaveToKeep"] = "Click Save to keep these values.",
            ["Plugins.Misc.IContact.Rules"] = "Customer groups and lists",
            ["Plugins.Misc.IContact.Rules.Instructions"] = "Each rule puts customers in any of its roles on an iContact list, optionally only when they subscribed to the newsletter. \"Pending\" makes iContact send a double opt-in confirmation first.",
            ["Plugins.Misc.IContact.Rules.StoreRules"] = "This store uses rules of its own.",
            ["Plugins.Misc.IContact.Rules.SharedRules"] = "This store uses the rules of all stores; editing a rule here gives the store rules of its own.",
            ["Plugins.Misc.IContact.Rules.UseShared"] = "Use the rules of all stores",
            ["Plugins.Misc.IContact.Rules.Editor"] = "Add or edit a rule",
            ["Plugins.Misc.IContact.Rules.Save"] = "Save rule",
            ["Plugins.Misc.IContact.Rules.New"] = "New rule",
            ["Plugins.Misc.IContact.Rules.Broken"] = "List no longer exists",
            ["Plugins.Misc.IContact.Rules.Rebind"] = "Use this list",
            ["Plugins.Misc.IContact.Rules.AnyNewsletter"] = "Any newsletter",
            ["Plugins.Misc.IContact.Rules.NoCondition"] = "Not required",
            ["Plugins.Misc.IContact.Rules.Status.Normal"] = "Subscribed (normal)",
            ["Plugins.Misc.IContact.Rules.Status.Pending"] = "Double opt-in (pending)",
            ["Plugins.Misc.IContact.Rules.Fields.CustomerRoles"] = "Customer roles",
            ["Plugins.Misc.IContact.Rules.Fields.CustomerRoles.Hint"] = "Customers in any of these roles match the rule.",
            ["Plugins.Misc.IContact.Rules.Fields.RequireNewsletter"] = "Newsletter consent required",
            ["Plugins.Misc.IContact.Rules.Fields.RequireNewsletter.Hint"] = "Only customers with an active newsletter subscription match the rule.",
            ["Plugins.Misc.IContact.Rules.Fields.NewsletterType"] = "Newsletter",
            ["Plugins.Misc.IContact.Rules.Fields.NewsletterType.Hint"] = "The newsletter the consent must be for, or any newsletter.",
            ["Plugins.Misc.IContact.Rules.Fields.List"] = "iContact list",
            ["Plugins.Misc.IContact.Rules.Fields.List.Hint"] = "The list matching customers are subscribed to.",
            ["Plugins.Misc.IContact.Rules.Fields.SubscriptionStatus"] = "Subscription",
            ["Plugins.Misc.IContact.Rules.Fields.SubscriptionStatus.Hint"] = "Subscribed at once, or pending until the customer confirms iContact's double opt-in email.",
            ["Plugins.Misc.IContact.Rules.Fields.Enabled"] = "Enabled",
            ["Plugins.Misc.IContact.Rules.Fields.Enabled.Hint"] = "Disabled rules are kept but not applied.",
            ["Plugins.Misc.IContact.Rules.Errors.NoRoles"] = "Choose at least one customer role.",
            ["Plugins.Misc.IContact.Rules.Errors.NoList"] = "Choose an iContact list.",
            ["Plugins.Misc.IContact.Rules.Errors.Status"] = "Choose whether customers are subscribed at once or after double opt-in.",
            ["Plugins.Misc.IContact.Rules.Errors.NewsletterType"] = "Choose a newsletter.",
            ["Plugins.Misc.IContact.Lists.Create"] = "Create an iContact list",
            ["Plugins.Misc.IContact.Lists.NewListName"] = "List name",
            ["Plugins.Misc.IContact.Lists.NewListName.Hint"] = "The name of the new iContact list.",
            ["Plugins.Misc.IContact.Lists.CreateButton"] = "Create list",
            ["Plugins.Misc.IContact.Lists.NameRequired"] = "Enter a name for the list.",
            ["Plugins.Misc.IContact.Lists.NotLoaded"] = "The iContact lists could not be loaded: {0}",
            ["Plugins.Misc.IContact.Lists.Unavailable"] = "iContact lists are shown once the credentials are verified and iContact can be reached.",
            ["Plugins.Misc.IContact.Delivery"] = "Delivery",
            ["Plugins.Misc.IContact.Fields.Username"] = "Username",
            ["Plugins.Misc.IContact.Fields.Username.Hint"] = "Your iContact login username, exactly as iContact shows it: it is case-sensitive. Find it under Settings and Billing > iContact Integrations > Custom API Integrations.",
            ["Plugins.Misc.IContact.Fields.AppId"] = "Application ID (AppID)",
            ["Plugins.Misc.IContact.Fields.AppId.Hint"] = "The 32-character Application ID of your custom API integration. Spaces around it are removed.",
            ["Plugins.Misc.IContact.Fields.AppPassword"] = "Application password",
            ["Plugins.Misc.IContact.Fields.AppPassword.Hint"] = "The password you chose for the AppID (not your iContact account password). It is stored encrypted and never shown again; leave the field empty to keep the current one.",
            ["Plugins.Misc.IContact.Fields.AppPassword.IsSet"] = "A password is saved. Leave the field empty to keep it.",
            ["Plugins.Misc.IContact.Fields.ApiBaseUrl"] = "API base URL",
            ["Plugins.Misc.IContact.Fields.ApiBaseUrl.Hint"] = "The iContact API address. Keep the default (https://app.icontact.com/icp) unless you are trying the plugin against the iContact emulator.",
            ["Plugins.Misc.IContact.Fields.AccountId"] = "Account ID",
            ["Plugins.Misc.IContact.Fields.AccountId.Hint"] = "The iContact account found when the credentials were verified.",
            ["Plugins.Misc.IContact.Fields.ClientFolderId"] = "Client folder",
            ["Plugins.Misc.IContact.Fields.ClientFolderId.Hint"] = "The iContact client folder that holds your lists.",
            ["Plugins.Misc.IContact.Fields.BatchSize"] = "Batch size",
            ["Plugins.Misc.IContact.Fields.BatchSize.Hint"] = "How many contacts are sent to iContact in one request (their list subscriptions follow in one more request).",
            ["Plugins.Misc.IContact.Fields.RequestsPerHour"] = "Requests per hour",
            ["Plugins.Misc.IContact.Fields.RequestsPerHour.Hint"] = "The most iContact API requests the plugin makes in an hour (iContact allows about 10,000).",
            ["Plugins.Misc.IContact.Fields.RequestsPerDay"] = "Requests per day",
            ["Plugins.Misc.IContact.Fields.RequestsPerDay.Hint"] = "The most iContact API requests the plugin makes in a day (iContact allows about 70,000).",
            ["Plugins.Misc.IContact.Fields.MaxAttempts"] = "Maximum attempts",
            ["Plugins.Misc.IContact.Fields.MaxAttempts.Hint"] = "How often a change is retried before it is marked failed. Failed changes stay in the queue and can be retried.",
            ["Plugins.Misc.IContact.Fields.RequestTimeoutSeconds"] = "Request timeout (seconds)",
            ["Plugins.Misc.IContact.Fields.RequestTimeoutSeconds.Hint"] = "How long to wait for iContact before a request counts as failed and is retried later.",
            ["Plugins.Misc.IContact.Fields.DoneRetentionDays"] = "Keep delivered changes (days)",
            ["Plugins.Misc.IContact.Fields.DoneRetentionDays.Hint"] = "How long delivered changes stay visible in the queue for auditing.",
            ["Plugins.Misc.IContact.Fields.DeleteContactOnCustomerErase"] = "Delete contact when a customer is erased",
            ["Plugins.Misc.IContact.Errors.MissingUsername"] = "Enter your iContact username.",
            ["Plugins.Misc.IContact.Errors.InvalidAppIdFormat"] = "The AppID must be exactly 32 letters and digits; the value entered has {0} characters. Copy it again from iContact (Settings and Billing > iContact Integrations > Custom API Integrations).",
            ["Plugins.Misc.IContact.Errors.InvalidAppIdCharacters"] = "The AppID may contain only letters and digits. Copy it again from iContact (Settings and Billing > iContact Integrations > Custom API Integrations).",
            ["Plugins.Misc.IContact.Errors.AppIdWhitespaceRemoved"] = "Spaces were removed from the AppID you entered.",
            ["Plugins.Misc.IContact.Errors.MissingPassword"] = "Enter the application password you chose for the AppID.",
            ["Plugins.Misc.IContact.Errors.InvalidApiUrl"] = "The API base URL must be an absolute http or https address, such as https://app.icontact.com/icp.",
            ["Plugins.Misc.IContact.Errors.UnknownUsername"] = "iContact does not recognise the username. iContact usernames are case-sensitive: copy it exactly as shown under Settings and Billing > iContact Integrations > Custom API Integrations.",
            ["Plugins.Misc.IContact.Errors.AppIdNotRecognized"] = "iContact does not recognise the AppID, or it is not enabled for this username. Check the AppID, and enable it for your account under Settings and Billing > iContact Integrations.",
            ["Plugins.Misc.IContact.Errors.WrongPassword"] = "iContact rejected the application password. Use the password you chose for the AppID, not your iContact login password.",
            ["Plugins.Misc.IContact.Errors.AuthenticationFailed"] = "iContact rejected the credentials: {0}",
            ["Plugins.Misc.IContact.Errors.AccountDisabled"] = "The credentials are valid, but the iContact account is disabled. Contact iContact support.",
            ["Plugins.Misc.IContact.Errors.NoAccount"] = "The credentials are valid, but iContact shows no account or client folder for them.",
            ["Plugins.Misc.IContact.Errors.PaymentRequired"] = "iContact reports an unpaid bill (402 Payment Required). Settle it in iContact; delivery resumes after the credentials are verified again.",
            ["Plugins.Misc.IContact.Errors.Forbidden"] = "iContact refused access (403 Forbidden). On agency accounts, use the agency administrator's username.",
            ["Plugins.Misc.IContact.Errors.NotFound"] = "iContact could not find the item (404): {0}",
            ["Plugins.Misc.IContact.Errors.BadRequest"] = "iContact rejected the request: {0}",
            ["Plugins.Misc.IContact.Errors.Throttled"] = "iContact's request limit has been reached. Changes stay queued and are sent when the limit allows.",
            ["Plugins.Misc.IContact.Errors.Unavailable"] = "iContact is unavailable (maintenance or high load). Changes stay queued and are retried automatically.",
            ["Plugins.Misc.IContact.Errors.Transient"] = "iContact could not be reached or did not answer in time: {0}. Changes stay queued and are retried automatically.",
            ["Plugins.Misc.IContact.Fields.DeleteContactOnCustomerErase.Hint"] = "When a customer is deleted (GDPR erasure), delete the iContact contact instead of only unsubscribing it from the plugin's lists.",
        }),
        (new Version(1, 1, 0), new Dictionary<string, string>
        {
            //queue, delivery and worker (issues 9 and 14)

            //customers, rules and erasure (issue 9)

            //configure page and status (issue 9)
            ["Plugins.Misc.IContact.Errors.PasswordUnreadable"] = "The stored application password can no longer be read (the store's encryption key or algorithm was changed). Re-enter the application password and save; delivery resumes then.",
            ["Plugins.Misc.IContact.Fields.AppPassword.Unreadable"] = "The stored password can no longer be read: re-enter the application password.",
            ["Plugins.Misc.IContact.Status.AllStores"] = "All stores",
            ["Plugins.Misc.IContact.Status.Store"] = "Store",
            ["Plugins.Misc.IContact.Status.Resolved"] = "resolved by a later successful call",

            //bulk synchronisation (issue 12)

            //web hooks (issue 13)
            ["Plugins.Misc.IContact.Errors.ResourceRefused"] = "iContact does not let this account use web hooks ({0}). Unsubscribes made in iContact reach the store by polling.",
            ["Plugins.Misc.IContact.Queue.State.Received"] = "Received from iContact, being confirmed",
            ["Plugins.Misc.IContact.Queue.Operation.InboundCheck"] = "Inbound change from iContact (confirmed status: {0})",
            ["Plugins.Misc.IContact.Webhooks"] = "iContact web hooks",
            ["Plugins.Misc.IContact.Webhooks.State.NotRegistered"] = "Not registered: unsubscribes arrive by polling",
            ["Plugins.Misc.IContact.Webhooks.State.Registered"] = "Registered",
            ["Plugins.Misc.IContact.Webhooks.State.Refused"] = "Refused by iContact: unsubscribes arrive by polling",
            ["Plugins.Misc.IContact.Webhooks.State.Failed"] = "Registration failed: unsubscribes arrive by polling",
            ["Plugins.Misc.IContact.Webhooks.LastReceived"] = "Last call from iContact",
            ["Plugins.Misc.IContact.Webhooks.NeverReceived"] = "Never received",
            ["Plugins.Misc.IContact.Webhooks.Fallback"] = "iContact calls this address when a contact unsubscribes or subscribes; each call is confirmed with iContact before the store changes anything. Polling (Carry iContact unsubscribes over every) stays on as the safety net.",
            ["Plugins.Misc.IContact.Webhooks.Register"] = "Register web hooks",
            ["Plugins.Misc.IContact.Webhooks.RotateSecret"] = "New secret address",
            ["Plugins.Misc.IContact.Webhooks.Registered"] = "iContact web hooks registered for {0}.",
            ["Plugins.Misc.IContact.Webhooks.NoStoreUrl"] = "The store has no valid URL (Configuration > Stores): iContact web hooks cannot be registered; unsubscribes arrive by polling.",
            ["Plugins.Misc.IContact.Webhooks.Unreachable"] = "The store URL {0} is probably not reachable from the internet (https and a public host name are expected): iContact cannot call it, and unsubscribes arrive by polling only.",
            ["Plugins.Misc.IContact.Webhooks.Inbound.Unsubscribed"] = "Confirmed by iContact: unsubscribed; left alone from now on, {0} newsletter subscription(s) deactivated.",
            ["Plugins.Misc.IContact.Webhooks.Inbound.Subscribed"] = "Confirmed by iContact: subscribed; the contact's record was updated.",
            ["Plugins.Misc.IContact.Webhooks.Inbound.NotConfirmed"] = "Not confirmed by iContact (status there: {0}): nothing changed.",

            //rules beyond roles (issue 11)

        }),
    ];

    /// <summary>
    /// Gets every resource of every version
    /// </summary>
    public static IDictionary<string, string> All =>
        ByVersion.SelectMany(v => v.Resources).ToDictionary(r => r.Key, r => r.Value);

    /// <summary>
    /// Gets the resources introduced after one plugin version, up to and including another
    /// </summary>
    /// <param name="currentVersion">Installed version</param>
    /// <param name="targetVersion">Version being installed</param>
    /// <returns>Resources to add</returns>
    public static IDictionary<string, string> Introduced(string currentVersion, string targetVersion)
    {
        var from = Version.TryParse(currentVersion, out var current) ? current : new Version(0, 0);
        var to = Version.TryParse(targetVersion, out var target) ? target : new Version(int.MaxValue, 0);

        return ByVersion
            .Where(v => v.Version > from && v.Version <= to)
            .SelectMany(v => v.Resources)
            .ToDictionary(r => r.Key, r => r.Value);
    }
}
