using Nop.Plugin.Misc.IContact.Api;
using Nop.Services.Configuration;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Keeps both sides agreeing about unsubscribes: reads who is unsubscribed from the rules' lists in iContact (within the
/// request budget) and, for rules that depend on newsletter consent, marks those customers' newsletter subscriptions
/// inactive in the store. Only a person's own unsubscribe is carried over: one the plugin made itself (a rule's removal,
/// remembered in <see cref="Domain.IcontactSubscriber.RemovedListIds"/>) looks the same in iContact and is left out.
/// </summary>
public class UnsubscribeReconciler
{
    #region Fields

    protected readonly IcontactGateway _gateway;
    protected readonly IcontactRuleService _ruleService;
    protected readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    protected readonly ISettingService _settingService;
    protected readonly StatusService _statusService;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public UnsubscribeReconciler(IcontactGateway gateway,
        IcontactRuleService ruleService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        ISettingService settingService,
        StatusService statusService,
        SubscriberService subscriberService,
        TimeProvider timeProvider)
    {
        _gateway = gateway;
        _ruleService = ruleService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _settingService = settingService;
        _statusService = statusService;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets the store's enabled rules that depend on newsletter consent
    /// </summary>
    protected virtual async Task<IList<Domain.IcontactRule>> GetConsentRulesAsync(int storeId) =>
        (await _ruleService.GetRulesAsync(storeId)).Where(rule => rule.Enabled && rule.NeedsNewsletters && !string.IsNullOrEmpty(rule.ListId)).ToList();

    /// <summary>
    /// Marks an address's active newsletter subscriptions of a consent rule inactive in the store
    /// </summary>
    /// <returns>How many were deactivated</returns>
    protected virtual async Task<int> DeactivateNewsletterAsync(int storeId, Domain.IcontactRule rule, string email)
    {
        var deactivated = 0;
        var active = await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(email, storeId, rule.NewsletterTypeId, isActive: true);
        foreach (var subscription in active)
        {
            subscription.Active = false;
            //no event: the contact already left the list in iContact; nothing needs to travel back
            await _newsLetterSubscriptionService.UpdateNewsLetterSubscriptionAsync(subscription, publishSubscriptionEvents: false);
            deactivated++;
        }

        return deactivated;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets whether a contact's unsubscribe from a list is the plugin's own: one of its records (a customer's, a
    /// guest's) says the plugin took it off the list and has not put it back since
    /// </summary>
    /// <param name="records">The plugin's records of the contact in a store</param>
    /// <param name="listId">List identifier</param>
    public static bool IsOwnUnsubscribe(IEnumerable<Domain.IcontactSubscriber> records, string listId) =>
        records.Any(record => record.GetRemovedListIds().Contains(listId));

    /// <summary>
    /// Carries one confirmed unsubscribe over at once (iContact's web hook reported it and iContact confirmed it): for
    /// consent rules on the list, the address's newsletter subscriptions become inactive; the list leaves the records
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="listId">The list the contact left in iContact</param>
    /// <param name="subscribers">The plugin's records of the contact in the store</param>
    /// <param name="email">The contact's address as iContact has it (for a contact the plugin has no record of)</param>
    /// <returns>The number of newsletter subscriptions deactivated</returns>
    public virtual async Task<int> CarryOverUnsubscribeAsync(int storeId, string listId, IList<Domain.IcontactSubscriber> subscribers, string email)
    {
        var addresses = subscribers.Select(subscriber => subscriber.Email).Append(QueueItemFactory.NormalizeEmail(email ?? string.Empty))
            .Where(address => !string.IsNullOrEmpty(address)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var deactivated = 0;
        foreach (var rule in (await GetConsentRulesAsync(storeId)).Where(rule => rule.ListId == listId))
            foreach (var address in addresses)
                deactivated += await DeactivateNewsletterAsync(storeId, rule, address);

        foreach (var subscriber in subscribers)
            await _subscriberService.RemoveListAsync(subscriber, listId);
        return deactivated;
    }

    /// <summary>
    /// Gets, per list, the email addresses iContact has as unsubscribed, the plugin's own unsubscribes left out: known
    /// contacts from the plugin's records, the rest by reading the folder's contacts page by page
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<string, ISet<string>>> UnsubscribedEmailsAsync(int storeId, IEnumerable<string> listIds,
        CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId);
        var result = new Dictionary<string, ISet<string>>();
        if (!IcontactConnectionService.IsConfigured(connection.Settings))
            return result;

        var byList = new Dictionary<string, HashSet<string>>();
        foreach (var listId in listIds.Where(id => !string.IsNullOrEmpty(id)).Distinct())
            byList[listId] = await connection.GetUnsubscribedContactIdsAsync(listId, cancellationToken);

        var wanted = byList.Values.SelectMany(ids => ids).ToHashSet();
        var records = (await _subscriberService.GetByContactIdsAsync(storeId, wanted.ToList())).ToLookup(s => s.ContactId);
        var emails = records.ToDictionary(g => g.Key, g => g.First().Email);
        try
        {
            //contacts the plugin does not know yet: read the folder's contacts until every one is found
            var missing = wanted.Count(id => !emails.ContainsKey(id));
            if (missing > 0)
                await foreach (var contact in connection.ReadAllAsync((client, offset, token) => client.GetContactsPageAsync(connection.Folder, offset, cancellationToken: token),
                    cancellationToken))
                {
                    if (!wanted.Contains(contact.ContactId) || !emails.TryAdd(contact.ContactId, QueueItemFactory.NormalizeEmail(contact.Email)))
                        continue;
                    if (--missing == 0)
                        break;
                }
        }
        catch (IcontactBudgetExhaustedException)
        {
            //the budget is spent: what is known so far is the answer
        }

        foreach (var (listId, ids) in byList)
            //the plugin's own unsubscribes are not the person's: delivery would subscribe those contacts again
            result[listId] = ids.Where(id => emails.ContainsKey(id) && !IsOwnUnsubscribe(records[id], listId))
                .Select(id => emails[id]).Where(e => !string.IsNullOrEmpty(e)).ToHashSet();
        return result;
    }

    /// <summary>
    /// For consent rules: marks the newsletter subscriptions of customers unsubscribed in iContact inactive in the store
    /// </summary>
    /// <returns>The number of newsletter subscriptions deactivated</returns>
    public virtual async Task<int> ReconcileAsync(int storeId, CancellationToken cancellationToken = default)
    {
        var connection = await _gateway.OpenAsync(storeId);
        if (!IcontactConnectionService.IsConfigured(connection.Settings))
            return 0;

        var deactivated = 0;
        foreach (var rule in await GetConsentRulesAsync(storeId))
        {
            //the carry-over reads the list afresh: what delivery remembered may be minutes old
            await connection.ForgetUnsubscribedAsync(rule.ListId);
            var unsubscribed = await connection.GetUnsubscribedContactIdsAsync(rule.ListId, cancellationToken);
            var records = await _subscriberService.GetByContactIdsAsync(storeId, unsubscribed.ToList());
            var own = records.GroupBy(record => record.ContactId).Where(contact => IsOwnUnsubscribe(contact, rule.ListId)).Select(contact => contact.Key).ToHashSet();
            foreach (var subscriber in records.Where(record => !own.Contains(record.ContactId)))
            {
                deactivated += await DeactivateNewsletterAsync(storeId, rule, subscriber.Email);
                await _subscriberService.RemoveListAsync(subscriber, rule.ListId);
            }
        }

        await _statusService.ChangeAsync(storeId, status =>
        {
            status.LastReconciledOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
            return true;
        });
        return deactivated;
    }

    /// <summary>
    /// Reconciles every store whose period has passed (stores that have a status row: every store that ever delivered)
    /// </summary>
    public virtual async Task ReconcileDueAsync(IEnumerable<int> storeIds, CancellationToken cancellationToken = default)
    {
        foreach (var storeId in storeIds)
        {
            var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
            if (settings.ReconcileUnsubscribesHours <= 0)
                continue;

            var status = await _statusService.GetAsync(storeId);
            if (status.LastReconciledOnUtc is DateTime last && _timeProvider.GetUtcNow().UtcDateTime - last < TimeSpan.FromHours(settings.ReconcileUnsubscribesHours))
                continue;

            try
            {
                await ReconcileAsync(storeId, cancellationToken);
            }
            catch (IcontactApiException)
            {
                //iContact unavailable or the budget spent: the next run of the task tries again
            }
        }
    }

    #endregion
}
