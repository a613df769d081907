using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Carries out a customer's erasure (nopCommerce's GDPR "permanent delete", which only soft-deletes the customer, and a
/// real delete): queues the contact's deletion or its unsubscription from the plugin's lists, as each store's owner
/// chose, and purges every plugin row that holds the customer's personal data. What the erasure's own delivery needs
/// (the address, nothing else) stays in the queue until it is delivered, then goes too.
/// </summary>
public class CustomerErasureService
{
    #region Fields

    protected readonly ISettingService _settingService;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly QueueService _queueService;
    protected readonly SubscriberService _subscriberService;

    #endregion

    #region Ctor

    public CustomerErasureService(ISettingService settingService, QueueAdminService queueAdminService, QueueService queueService, SubscriberService subscriberService)
    {
        _settingService = settingService;
        _queueAdminService = queueAdminService;
        _queueService = queueService;
        _subscriberService = subscriberService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets the items that tell iContact about the erasure of one address in one store: no customer id (delivery must
    /// not record a subscriber again) and no contact fields but the address
    /// </summary>
    protected virtual async Task<IList<IcontactQueueItem>> ErasureItemsAsync(int storeId, string email, IEnumerable<string> listIds)
    {
        //settings loaded for the store explicitly: off-request (the platform's inactive-customer task) nothing is injected fresh
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        if (!IcontactConnectionService.IsConfigured(settings))
            return [];

        var items = settings.DeleteContactOnCustomerErase
            ? [QueueItemFactory.DeleteContact(storeId, 0, email)]
            : listIds.Where(listId => !string.IsNullOrEmpty(listId)).Distinct().Select(listId => QueueItemFactory.Unsubscribe(storeId, 0, email, listId)).ToList();
        foreach (var item in items)
            item.RuleId = IcontactDefaults.ErasureMark;
        return items;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Erases a customer from the plugin and queues the erasure for iContact
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="email">The customer's address before the erasure blanked it (may be empty or carry a "-DELETED" suffix)</param>
    public virtual async Task EraseAsync(int customerId, string email)
    {
        //every address the plugin knows the customer by: the one given, the delivered ones, the queued ones
        var subscribers = await _subscriberService.GetAllAsync(customerId);
        var emails = subscribers.Select(s => s.Email).Append(QueueItemFactory.NormalizeEmail(email))
            .Where(e => !string.IsNullOrWhiteSpace(e)).Distinct().ToList();
        if (customerId <= 0 && emails.Count == 0)
            return;

        //what the addresses joined as guests (the newsletter box, before or without the account)
        subscribers = subscribers.Concat(await _subscriberService.GetGuestsAsync(emails)).ToList();

        //what iContact may hold, per store and address: delivered lists and lists of any queued item (the side events
        //of the erasure itself queued some already, and the worker may have delivered them)
        var queued = await _queueAdminService.GetListsOfAsync(customerId, emails);
        var targets = subscribers.SelectMany(s => s.GetListIds().Select(listId => (s.StoreId, s.Email, ListId: listId)))
            .Concat(queued)
            .ToList();

        var items = new List<IcontactQueueItem>();
        foreach (var group in targets.GroupBy(t => (t.StoreId, t.Email)))
            items.AddRange(await ErasureItemsAsync(group.Key.StoreId, group.Key.Email, group.Select(t => t.ListId)));

        await _queueAdminService.PurgePersonalDataAsync(0, customerId, emails);
        await _subscriberService.PurgeAsync(0, customerId, emails);
        await _queueService.EnqueueAsync(items);
    }

    /// <summary>
    /// Purges what delivered erasures still held (their own items, and anything a delivery running at the time of the
    /// erasure recorded again) in the store they were delivered for
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="delivered">Items just delivered</param>
    public virtual async Task ForgetDeliveredAsync(int storeId, IEnumerable<IcontactQueueItem> delivered)
    {
        var emails = delivered.Where(item => item.RuleId == IcontactDefaults.ErasureMark).Select(item => item.Email).Distinct().ToList();
        if (emails.Count == 0)
            return;

        await _queueAdminService.PurgePersonalDataAsync(storeId, 0, emails);
        await _subscriberService.PurgeAsync(storeId, 0, emails);
    }

    #endregion
}
