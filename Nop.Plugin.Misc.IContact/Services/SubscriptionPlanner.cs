using System.Text.Json;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Decides, inside the shopper's request, which list memberships a customer should have and queues the difference.
/// It makes no call to iContact and only cheap, indexed queries.
/// </summary>
public class SubscriptionPlanner
{
    #region Fields

    protected readonly ContactSnapshotBuilder _contactSnapshotBuilder;
    protected readonly CustomerFactsReader _customerFactsReader;
    protected readonly ICustomerService _customerService;
    protected readonly IcontactRuleService _ruleService;
    protected readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;
    protected readonly OrderStatisticsReader _orderStatisticsReader;
    protected readonly PurchaseReader _purchaseReader;
    protected readonly QueueService _queueService;
    protected readonly SubscriberService _subscriberService;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public SubscriptionPlanner(ContactSnapshotBuilder contactSnapshotBuilder,
        CustomerFactsReader customerFactsReader,
        ICustomerService customerService,
        IcontactRuleService ruleService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        ISettingService settingService,
        IStoreContext storeContext,
        OrderStatisticsReader orderStatisticsReader,
        PurchaseReader purchaseReader,
        QueueService queueService,
        SubscriberService subscriberService,
        TimeProvider timeProvider)
    {
        _contactSnapshotBuilder = contactSnapshotBuilder;
        _customerFactsReader = customerFactsReader;
        _customerService = customerService;
        _ruleService = ruleService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _settingService = settingService;
        _storeContext = storeContext;
        _orderStatisticsReader = orderStatisticsReader;
        _purchaseReader = purchaseReader;
        _queueService = queueService;
        _subscriberService = subscriberService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected static bool CanHaveContact(Customer customer) =>
        customer is { Deleted: false, IsSystemAccount: false } && !string.IsNullOrWhiteSpace(customer.Email);

    protected virtual async Task<int> StoreOfAsync(Customer customer) =>
        customer.RegisteredInStoreId > 0 ? customer.RegisteredInStoreId : (await _storeContext.GetCurrentStoreAsync())?.Id ?? 0;

    protected virtual async Task<(IcontactSettings Settings, IReadOnlyList<IcontactRule> Rules)> RulesOfStoreAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        return IcontactConnectionService.IsConfigured(settings) ? (settings, await _ruleService.GetRulesAsync(storeId)) : (settings, []);
    }

    /// <summary>
    /// Gathers what the rules need, each only when a rule the customer's roles match asks for it: newsletter
    /// subscriptions (consent, newsletter trigger), order statistics (one grouped query), purchases (one set-based query)
    /// </summary>
    protected virtual async Task<CustomerFacts> FactsAsync(Customer customer, int storeId, IReadOnlyList<IcontactRule> rules)
    {
        var roleIds = await _customerFactsReader.FreshRoleIdsAsync(customer);
        var matching = rules.Where(rule => RuleEvaluator.MatchesRoles(rule, roleIds)).ToList();
        IReadOnlyCollection<int> newsletterTypes = [];
        if (matching.Any(rule => rule.NeedsNewsletters))
            newsletterTypes = await ActiveNewsletterTypesAsync(customer.Email, storeId);

        var orders = matching.Any(rule => rule.NeedsOrders) ? await _orderStatisticsReader.GetAsync(customer.Id, storeId) : OrderStatistics.None;
        var purchases = orders.OrderCount > 0 && PurchaseReader.Needed(matching) ? await _purchaseReader.GetAsync(customer.Id, storeId, matching) : PurchaseFacts.None;
        return new CustomerFacts(customer.Email, customer.Active, roleIds, newsletterTypes, orders)
        {
            Purchases = purchases,
            AsOfUtc = _timeProvider.GetUtcNow().UtcDateTime
        };
    }

    protected virtual async Task<IReadOnlyCollection<int>> ActiveNewsletterTypesAsync(string email, int storeId) =>
        (await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(email, storeId, isActive: true))
        .Select(subscription => subscription.TypeId)
        .Distinct()
        .ToList();

    #endregion

    #region Methods

    /// <summary>
    /// Brings a customer's queued memberships in line with the rules: subscribes to lists the customer now belongs on,
    /// unsubscribes from the plugin's lists the customer no longer belongs on (role removed, consent withdrawn), and
    /// moves memberships to a changed email address
    /// </summary>
    /// <param name="customer">Customer</param>
    public virtual async Task SyncCustomerAsync(Customer customer) => await SyncCustomerInStoreAsync(customer, await StoreOfAsync(customer));

    /// <summary>
    /// Brings a customer's queued memberships in one store in line with that store's rules and the consent given there
    /// </summary>
    /// <param name="customer">Customer</param>
    /// <param name="storeId">Store whose rules, consent and queue apply</param>
    public virtual async Task SyncCustomerInStoreAsync(Customer customer, int storeId)
    {
        if (!CanHaveContact(customer))
            return;

        var (settings, rules) = await RulesOfStoreAsync(storeId);
        if (rules.Count == 0)
            return;

        var email = QueueItemFactory.NormalizeEmail(customer.Email);
        var subscriber = await _subscriberService.GetAsync(customer.Id, storeId);
        var items = new List<IcontactQueueItem>();

        //an email change: the old address leaves every list the plugin put it on
        var delivered = subscriber?.GetListIds() ?? new HashSet<string>();
        if (subscriber is not null && subscriber.Email != email)
        {
            items.AddRange(delivered.Select(listId => QueueItemFactory.Unsubscribe(storeId, customer.Id, subscriber.Email, listId)));
            delivered = new HashSet<string>();
        }

        //lists the address joined as a guest (the newsletter box) before it had an account count as delivered
        if (rules.Any(rule => rule.Trigger == RuleTrigger.NewsletterSubscribers) && await _subscriberService.GetGuestAsync(storeId, email) is { } guest)
            delivered.UnionWith(guest.GetListIds());

        var facts = await FactsAsync(customer, storeId, rules);
        var targets = RuleEvaluator.Evaluate(rules, facts);
        var joining = targets.Where(target => !delivered.Contains(target.ListId)).ToList();
        if (joining.Count > 0)
        {
            //the mapped fields (order statistics only when a mapping uses them: one grouped query)
            var snapshot = await _contactSnapshotBuilder.BuildAsync(customer, storeId, settings, rules.Any(rule => rule.Enabled && rule.NeedsOrders) ? facts.Orders : null);
            items.AddRange(joining.Select(target => QueueItemFactory.Subscribe(storeId, customer, target, snapshot)));
        }

        //lists no rule puts the customer on any more (delivered ones, and ones still waiting to be delivered) that the
        //rules' removal says to leave
        var onLists = delivered.Union(await _queueService.GetListsWithPendingSubscribesAsync(storeId, email));
        items.AddRange(RuleEvaluator.Leaving(rules, facts, onLists, targets).Select(listId => QueueItemFactory.Unsubscribe(storeId, customer.Id, email, listId)));

        await _queueService.EnqueueAsync(items);

        //an active customer no rule covers: remember the address, so the noisy customer updates stop at the comparison
        if (items.Count == 0 && customer.Active && (subscriber is null || subscriber.Email != email))
            await _subscriberService.MarkEvaluatedAsync(storeId, customer.Id, email);
    }

    /// <summary>
    /// Reacts to a customer update with one comparison: an address that differs from what was delivered, or an active
    /// customer never delivered (approved by an administrator), leads to a sync; any other update does nothing more
    /// </summary>
    /// <param name="customer">Customer</param>
    public virtual async Task CustomerUpdatedAsync(Customer customer)
    {
        if (!CanHaveContact(customer))
            return;

        var storeId = await StoreOfAsync(customer);
        var subscriber = await _subscriberService.GetAsync(customer.Id, storeId);
        if (subscriber is not null ? subscriber.Email != QueueItemFactory.NormalizeEmail(customer.Email) : customer.Active)
            await SyncCustomerAsync(customer);
    }

    /// <summary>
    /// Reacts to a role being given or taken, with the rules of the customer's store (in the admin the current store is
    /// the admin host's, not the customer's): customers in roles no rule of any scope mentions (every new visitor gets
    /// "Guests") cost nothing more than this cached check
    /// </summary>
    /// <param name="mapping">Role mapping</param>
    public virtual async Task RoleChangedAsync(CustomerCustomerRoleMapping mapping)
    {
        if (!await _ruleService.AnyScopeInvolvesRoleAsync(mapping.CustomerRoleId))
            return;

        var customer = await _customerService.GetCustomerByIdAsync(mapping.CustomerId);
        if (customer is null)
            return;

        var (_, rules) = await RulesOfStoreAsync(await StoreOfAsync(customer));
        if (RuleEvaluator.InvolvesRole(rules, mapping.CustomerRoleId))
            await SyncCustomerAsync(customer);
    }

    /// <summary>
    /// Reacts to a newsletter subscription or unsubscription (deactivation and deletion raise the unsubscribe too), with
    /// the rules and consent of the store the subscription belongs to (not the store the customer registered in). The
    /// subscriptions are read afresh: a deactivation's event carries the row as it was before. An address without a
    /// customer account (the newsletter box), or only a deleted one, is judged as a guest.
    /// </summary>
    /// <param name="subscription">The subscription the event carries</param>
    public virtual async Task NewsletterChangedAsync(NewsLetterSubscription subscription)
    {
        if (string.IsNullOrWhiteSpace(subscription?.Email))
            return;

        //the platform's lookup finds soft-deleted customers too: their address signs up as anyone without an account does
        //(as Synchronize's guest step judges it)
        var customer = await _customerService.GetCustomerByEmailAsync(subscription.Email.Trim());
        if (customer is { Deleted: false })
            await SyncCustomerInStoreAsync(customer, subscription.StoreId > 0 ? subscription.StoreId : await StoreOfAsync(customer));
        else
            await SyncGuestAsync(subscription.Email, subscription.StoreId > 0 ? subscription.StoreId : (await _storeContext.GetCurrentStoreAsync())?.Id ?? 0);
    }

    /// <summary>
    /// Brings a guest's (an address without an account) queued memberships in a store in line with the rules: only
    /// newsletter rules without roles or order conditions can take a guest; the lists it joined are remembered by
    /// address (customer id 0), so an unsubscribe or deactivation takes it off them again
    /// </summary>
    /// <param name="email">Address</param>
    /// <param name="storeId">Store of the subscription</param>
    public virtual async Task SyncGuestAsync(string email, int storeId)
    {
        var (_, rules) = await RulesOfStoreAsync(storeId);
        if (!rules.Any(rule => rule.Enabled && rule.Trigger == RuleTrigger.NewsletterSubscribers))
            return;

        email = QueueItemFactory.NormalizeEmail(email);
        var facts = CustomerFacts.Guest(email, await ActiveNewsletterTypesAsync(email, storeId));
        var targets = RuleEvaluator.Evaluate(rules, facts);
        var delivered = (await _subscriberService.GetGuestAsync(storeId, email))?.GetListIds() ?? new HashSet<string>();
        var items = targets.Where(target => !delivered.Contains(target.ListId)).Select(target => QueueItemFactory.SubscribeGuest(storeId, email, target)).ToList();
        var onLists = delivered.Union(await _queueService.GetListsWithPendingSubscribesAsync(storeId, email));
        items.AddRange(RuleEvaluator.Leaving(rules, facts, onLists, targets).Select(listId => QueueItemFactory.Unsubscribe(storeId, 0, email, listId)));
        await _queueService.EnqueueAsync(items);
    }

    /// <summary>
    /// Reacts to an order placed, paid, refunded or cancelled, with the rules of the order's store: a customer whose
    /// store has no rule about orders costs this cached check. A guest checkout is left out: nopCommerce keeps the
    /// buyer's address on the order's billing address only, never on the guest customer, and a checkout is no consent
    /// to marketing (guests reach iContact through the newsletter box).
    /// </summary>
    /// <param name="order">Order</param>
    public virtual async Task OrderChangedAsync(Order order)
    {
        if (order is null || order.CustomerId <= 0)
            return;

        var (_, rules) = await RulesOfStoreAsync(order.StoreId);
        if (!rules.Any(rule => rule.Enabled && rule.NeedsOrders))
            return;

        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        if (CanHaveContact(customer))
            await SyncCustomerInStoreAsync(customer, order.StoreId);
    }

    #endregion
}
