using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what one rule would do to a store's existing customers
/// </summary>
public record RulePreview(IcontactRule Rule)
{
    public int Subscribe { get; set; }
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
public record RuleVerdict(IcontactRule Rule, bool Joins, string ReasonKey, IReadOnlyList<int> RoleIds);

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
    protected readonly SubscriberService _subscriberService;
    protected readonly UnsubscribeReconciler _unsubscribeReconciler;

    #endregion

    #region Ctor

    public SyncPreviewService(CustomerFactsReader customerFactsReader,
        ICustomerService customerService,
        IcontactRuleService ruleService,
        SubscriberService subscriberService,
        UnsubscribeReconciler unsubscribeReconciler)
    {
        _customerFactsReader = customerFactsReader;
        _customerService = customerService;
        _ruleService = ruleService;
        _subscriberService = subscriberService;
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
        var roles = CustomerFactsReader.RolesOf(rules);
        if (roles.Length == 0)
            return previews;

        for (var pageIndex = 0; ; pageIndex++)
        {
            var page = await _customerFactsReader.CustomersPageAsync(roles, null, pageIndex);
            if (page.Count == 0)
                break;

            var delivered = (await _subscriberService.GetManyAsync(storeId, page.Select(c => c.Id).ToList())).ToDictionary(s => s.CustomerId);
            foreach (var customer in page)
            {
                var (facts, newsletters) = await _customerFactsReader.ReadAsync(customer, storeId);
                var email = QueueItemFactory.NormalizeEmail(customer.Email);
                foreach (var preview in previews)
                {
                    var rule = preview.Rule;
                    var explanation = RuleEvaluator.Explain(rule, facts);
                    if (!explanation.MatchesRoles)
                        continue;

                    if (!explanation.HasEmail)
                        preview.SkippedNoEmail++;
                    else if (!customer.Active)
                        preview.SkippedInactive++;
                    else if (delivered.TryGetValue(customer.Id, out var s) && s.Email == email && s.GetListIds().Contains(rule.ListId))
                        preview.AlreadySubscribed++;
                    else if (unsubscribedInIcontact.TryGetValue(rule.ListId ?? string.Empty, out var gone) && gone.Contains(email))
                        preview.LeftAloneUnsubscribedInIcontact++;
                    else if (!explanation.ConsentHolds)
                    {
                        var hadConsent = newsletters.Any(n => !n.Active && (rule.NewsletterTypeId == 0 || n.TypeId == rule.NewsletterTypeId));
                        if (hadConsent)
                            preview.LeftAloneUnsubscribedInStore++;
                        else
                            preview.SkippedNoConsent++;
                    }
                    else
                        preview.Subscribe++;
                }
            }

            if (!page.HasNextPage)
                break;
        }

        return previews;
    }

    /// <summary>
    /// Explains, rule by rule, which lists a customer would join and why, or why not
    /// </summary>
    /// <returns>Null when no customer has the address</returns>
    public virtual async Task<IList<RuleVerdict>> SimulateAsync(int storeId, string email)
    {
        var customer = string.IsNullOrWhiteSpace(email) ? null : await _customerService.GetCustomerByEmailAsync(email.Trim());
        if (customer is null)
            return null;

        var rules = await _ruleService.GetRulesAsync(storeId);
        var (facts, _) = await _customerFactsReader.ReadAsync(customer, storeId);

        return rules.Select(rule =>
        {
            var explanation = RuleEvaluator.Explain(rule, facts);
            IReadOnlyList<int> roleIds = explanation.Reason switch
            {
                RuleReason.NoRole => rule.CustomerRoleIds,
                RuleReason.Joins or RuleReason.JoinsWithConsent => [explanation.MatchedRoleId],
                _ => []
            };
            return new RuleVerdict(rule, explanation.Joins, $"{IcontactDefaults.LocalePrefix}.Simulator.{explanation.Reason}", roleIds);
        }).ToList();
    }

    #endregion
}
