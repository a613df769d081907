using Nop.Core.Domain.Orders;
using Nop.Services.Configuration;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Keeps the mapped order statistics of contacts already on the plugin's lists current: an order placed or paid queues
/// the contact's fields again (no list change). Inside the shopper's request it costs the cached mappings, one indexed
/// record lookup and, only when a mapping uses order statistics, one grouped statistics query and one queue row; it
/// never calls iContact. Lists themselves are the rules' business (<see cref="SubscriptionPlanner"/>).
/// </summary>
public class ContactFieldUpdater
{
    #region Fields

    protected readonly ContactSnapshotBuilder _contactSnapshotBuilder;
    protected readonly ICustomerService _customerService;
    protected readonly ISettingService _settingService;
    protected readonly QueueService _queueService;
    protected readonly SubscriberService _subscriberService;

    #endregion

    #region Ctor

    public ContactFieldUpdater(ContactSnapshotBuilder contactSnapshotBuilder,
        ICustomerService customerService,
        ISettingService settingService,
        QueueService queueService,
        SubscriberService subscriberService)
    {
        _contactSnapshotBuilder = contactSnapshotBuilder;
        _customerService = customerService;
        _settingService = settingService;
        _queueService = queueService;
        _subscriberService = subscriberService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Queues the fields of an order's customer when a mapping of the store uses order statistics and the customer is
    /// on a list of the plugin in that store (the order's store, else the store the customer registered in)
    /// </summary>
    /// <param name="order">The order placed or paid</param>
    public virtual async Task OrderChangedAsync(Order order)
    {
        if (order is null || order.CustomerId <= 0)
            return;

        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        if (customer is not { Deleted: false, IsSystemAccount: false } || string.IsNullOrWhiteSpace(customer.Email))
            return;

        var email = QueueItemFactory.NormalizeEmail(customer.Email);
        foreach (var storeId in new[] { order.StoreId, customer.RegisteredInStoreId }.Where(id => id > 0).Distinct())
        {
            var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
            if (!IcontactConnectionService.IsConfigured(settings) || !(await _contactSnapshotBuilder.GetMappingsAsync(storeId, settings)).NeedsOrders)
                continue;

            var subscriber = await _subscriberService.GetAsync(customer.Id, storeId);
            if (subscriber is null || subscriber.Email != email || subscriber.GetListIds().Count == 0)
                continue;

            var snapshot = await _contactSnapshotBuilder.BuildAsync(customer, storeId, settings);
            await _queueService.EnqueueAsync([QueueItemFactory.UpdateContact(storeId, customer, snapshot)]);
            return;
        }
    }

    #endregion
}
