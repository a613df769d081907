using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what one rule would do to a store's existing customers
/// </summary>
public record RulePreview(IcontactRule Rule)
{
    public int Subscribe { get; set; }

    /// <summary>
    /// Gets or sets the newsletter subscribers without a customer account the rule would add (see <see cref="NewsletterGuestSync"/>)
    /// </summary>
    public int SubscribeGuests { get; set; }
    public int AlreadySubscribed { get; set; }
    public int SkippedNoConsent { get; set; }
    public int SkippedInactive { get; set; }
    public int SkippedNoEmail { get; set; }
    public int LeftAloneUnsubscribedInStore { get; set; }
    public int LeftAloneUnsubscribedInIcontact { get; set; }
}

/// <summary>
/// Represents the rule simulator's answer for one rule
/// </summary>
/// <param name="Rule">The rule</param>
/// <param name="Joins">Whether the customer would join the rule's list</param>
/// <param name="ReasonKey">Locale key of the reason</param>
/// <param name="RoleIds">The roles the reason names (the rule's roles the customer lacks, or the one that puts it on the list)</param>
/// <param name="Conditions">Each condition of the rule beyond roles, whether it holds, and the values compared</param>
public record RuleVerdict(IcontactRule Rule, bool Joins, string ReasonKey, IReadOnlyList<int> RoleIds, IReadOnlyList<RuleCondition> Conditions = null);

/// <summary>
/// Tells the owner what the rules would do before anything changes: counts per rule for a synchronisation of the
/// store's existing customers, and an explanation of every rule for one customer
/// </summary>
public class SyncPreviewService
{
    #region Fields

    protected readonly CustomerFactsReader _customerFactsReader;
    protected readonly ICustomerService _customerService;
    protected readonly IcontactRuleService _ruleService;
    protected readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    protected readonly NewsletterGuestSync _newsletterGuestSync;
    protected readonly OrderStatisticsReader _orderStatisticsReader;
    protected readonly PurchaseReader _purchaseReader;
    protected readonly RuleConditionFilter _ruleConditionFilter;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;
    protected readonly UnsubscribeReconciler _unsubscribeReconciler;

    #endregion

    #region Ctor

    public SyncPreviewService(CustomerFactsReader customerFactsReader,
        ICustomerService customerService,
        IcontactRuleService ruleService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        NewsletterGuestSync newsletterGuestSync,
        OrderStatisticsReader orderStatisticsReader,
        PurchaseReader purchaseReader,
        RuleConditionFilter ruleConditionFilter,
        SubscriberService subscriberService,
        TimeProvider timeProvider,
        UnsubscribeReconciler unsubscribeReconciler)
    {
        _customerFactsReader = customerFactsReader;
        _customerService = customerService;
        _ruleService = ruleService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _newsletterGuestSync = newsletterGuestSync;
        _orderStatisticsReader = orderStatisticsReader;
        _purchaseReader = purchaseReader;
        _ruleConditionFilter = ruleConditionFilter;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
        _unsubscribeReconciler = unsubscribeReconciler;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Counts, per rule, what a run would do, without changing anything
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="cancellationToken">Cancellation token</param>
    /// <exception cref="Api.IcontactApiException">iContact could not say who unsubscribed</exception>
    public virtual async Task<IList<RulePreview>> PreviewAsync(int storeId, CancellationToken cancellationToken = default)
    {
        var rules = await _ruleService.GetRulesAsync(storeId);
        var unsubscribedInIcontact = await _unsubscribeReconciler.UnsubscribedEmailsAsync(storeId, rules.Select(rule => rule.ListId), cancellationToken);
        var previews = rules.Where(rule => rule.Enabled).Select(rule => new RulePreview(rule)).ToList();
        foreach (var preview in previews)
        {
            var unsubscribed = unsubscribedInIcontact.GetValueOrDefault(preview.Rule.ListId ?? string.Empty);
            await CountAsync(preview, storeId, unsubscribed);
            preview.SubscribeGuests = await _newsletterGuestSync.CountAsync(preview.Rule, storeId, unsubscribed);
        }

        return previews;
    }

    /// <summary>
    /// Counts what one rule would do with aggregate queries over the customers in its roles that meet its trigger and
    /// order conditions, each outcome in the order the rule decides (no address, inactive, already on the list,
    /// unsubscribed in iContact, no consent). Newsletter subscribers without an account are counted apart (SubscribeGuests).
    /// </summary>
    protected virtual async Task CountAsync(RulePreview preview, int storeId, ISet<string> unsubscribedInIcontact)
    {
        var rule = preview.Rule;
        var roleIds = rule.CustomerRoleIds.ToArray();
        if (roleIds.Length == 0 && rule.Trigger == RuleTrigger.Customers)
            return;

        var listId = rule.ListId ?? string.Empty;
        var typeId = rule.NewsletterTypeId;
        var subscribers = _subscriberService.RecordsOfStore(storeId);
        var newsletters = _customerFactsReader.NewslettersOfStore(storeId).Where(n => typeId == 0 || n.TypeId == typeId);
        //the customers the rule is about: its roles (none: anyone), its trigger and its order conditions
        var inRoles = _ruleConditionFilter.Apply(_customerFactsReader.CustomersInRoles(roleIds), rule, storeId);

        var withEmail = inRoles.Where(c => c.Email != null && c.Email.Trim() != string.Empty);
        preview.SkippedNoEmail = await _customerFactsReader.CountAsync(inRoles) - await _customerFactsReader.CountAsync(withEmail);
        var active = withEmail.Where(c => c.Active);
        preview.SkippedInactive = await _customerFactsReader.CountAsync(withEmail.Where(c => !c.Active));

        //on the list already: the plugin delivered it for this address (lists are stored comma-separated)
        var onList = active.Where(c => subscribers.Any(s => s.CustomerId == c.Id && s.Email == c.Email && ("," + s.ListIds + ",").Contains("," + listId + ",")));
        preview.AlreadySubscribed = await _customerFactsReader.CountAsync(onList);
        var candidates = active.Where(c => !subscribers.Any(s => s.CustomerId == c.Id && s.Email == c.Email && ("," + s.ListIds + ",").Contains("," + listId + ",")));
        var total = await _customerFactsReader.CountAsync(candidates);

        //unsubscribed in iContact: the addresses iContact named, asked in chunks below database parameter limits
        foreach (var chunk in (unsubscribedInIcontact ?? new HashSet<string>()).Chunk(500))
        {
            var emails = chunk.ToList();
            preview.LeftAloneUnsubscribedInIcontact += await _customerFactsReader.CountAsync(candidates.Where(c => emails.Contains(c.Email)));
        }

        var remaining = total - preview.LeftAloneUnsubscribedInIcontact;
        if (!rule.RequireNewsletter)
        {
            preview.Subscribe = remaining;
            return;
        }

        //consent: an active newsletter row of the rule's type in the store; an inactive one means the customer withdrew
        var gone = unsubscribedInIcontact?.ToList() ?? [];
        var withoutConsent = candidates.Where(c => !newsletters.Any(n => n.Email == c.Email && n.Active));
        var noConsent = await _customerFactsReader.CountAsync(withoutConsent);
        var withdrew = await _customerFactsReader.CountAsync(withoutConsent.Where(c => newsletters.Any(n => n.Email == c.Email && !n.Active)));
        if (gone.Count > 0)
        {
            //the unsubscribed in iContact were counted above: take them out of the consent counts
            foreach (var chunk in gone.Chunk(500))
            {
                var emails = chunk.ToList();
                noConsent -= await _customerFactsReader.CountAsync(withoutConsent.Where(c => emails.Contains(c.Email)));
                withdrew -= await _customerFactsReader.CountAsync(withoutConsent.Where(c => emails.Contains(c.Email) && newsletters.Any(n => n.Email == c.Email && !n.Active)));
            }
        }

        preview.LeftAloneUnsubscribedInStore = withdrew;
        preview.SkippedNoConsent = noConsent - withdrew;
        preview.Subscribe = remaining - noConsent;
    }

    /// <summary>
    /// Explains, rule by rule, which lists a customer (or a newsletter subscriber without an account) would join and
    /// why, or why not, condition by condition, with the same facts the live events read
    /// </summary>
    /// <returns>Null when neither a customer nor a newsletter subscription in the store has the address</returns>
    public virtual async Task<IList<RuleVerdict>> SimulateAsync(int storeId, string email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;

        var rules = await _ruleService.GetRulesAsync(storeId);
        var customer = await _customerService.GetCustomerByEmailAsync(email.Trim());
        CustomerFacts facts;
        if (customer is not { Deleted: false })
        {
            //no account, or only a deleted one: the address is judged as a guest, as delivery judges it
            var newsletters = await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(email.Trim(), storeId);
            if (newsletters.Count == 0)
                return null;
            facts = CustomerFacts.Guest(email.Trim(), newsletters.Where(n => n.Active).Select(n => n.TypeId).Distinct().ToList());
        }
        else
        {
            (facts, _) = await _customerFactsReader.ReadAsync(customer, storeId);
            var orders = rules.Any(rule => rule.NeedsOrders) ? await _orderStatisticsReader.GetAsync(customer.Id, storeId) : OrderStatistics.None;
            facts = facts with
            {
                Orders = orders,
                Purchases = orders.OrderCount > 0 && PurchaseReader.Needed(rules) ? await _purchaseReader.GetAsync(customer.Id, storeId, rules) : PurchaseFacts.None,
                AsOfUtc = _timeProvider.GetUtcNow().UtcDateTime
            };
        }

        return rules.Select(rule =>
        {
            var explanation = RuleEvaluator.Explain(rule, facts);
            IReadOnlyList<int> roleIds = explanation.Reason switch
            {
                RuleReason.NoRole => rule.CustomerRoleIds,
                RuleReason.Joins or RuleReason.JoinsWithConsent when explanation.MatchedRoleId != 0 => [explanation.MatchedRoleId],
                _ => []
            };
            var reason = explanation.Joins && explanation.MatchedRoleId == 0 ? "JoinsAnyone" : explanation.Reason.ToString();
            return new RuleVerdict(rule, explanation.Joins, $"{IcontactDefaults.LocalePrefix}.Simulator.{reason}", roleIds, explanation.Conditions);
        }).ToList();
    }

    #endregion
}
