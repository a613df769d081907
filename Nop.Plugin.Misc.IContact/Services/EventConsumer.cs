using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Listens to the platform's events inside the shopper's request: a guard (installed?), one call into the planner or
/// the erasure service, which only queue (and purge) rows. Nothing here talks to iContact.
/// </summary>
public class EventConsumer :
    IConsumer<CustomerRegisteredEvent>,
    IConsumer<CustomerActivatedEvent>,
    IConsumer<EntityInsertedEvent<CustomerCustomerRoleMapping>>,
    IConsumer<EntityDeletedEvent<CustomerCustomerRoleMapping>>,
    IConsumer<EntityUpdatedEvent<Customer>>,
    IConsumer<EntityDeletedEvent<Customer>>,
    IConsumer<CustomerPermanentlyDeleted>,
    IConsumer<EmailSubscribedEvent>,
    IConsumer<EmailUnsubscribedEvent>,
    IConsumer<OrderPlacedEvent>,
    IConsumer<OrderPaidEvent>,
    IConsumer<OrderRefundedEvent>,
    IConsumer<OrderStatusChangedEvent>
{
    #region Fields

    protected readonly CustomerErasureService _customerErasureService;
    protected readonly InstallationGuard _installationGuard;
    protected readonly SubscriptionPlanner _subscriptionPlanner;

    #endregion

    #region Ctor

    public EventConsumer(InstallationGuard installationGuard, CustomerErasureService customerErasureService, SubscriptionPlanner subscriptionPlanner)
    {
        _installationGuard = installationGuard;
        _customerErasureService = customerErasureService;
        _subscriptionPlanner = subscriptionPlanner;
    }

    #endregion

    #region Methods

    /// <summary>
    /// A customer registered (possibly still inactive until email validation or approval)
    /// </summary>
    public Task HandleEventAsync(CustomerRegisteredEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.SyncCustomerAsync(eventMessage.Customer));

    /// <summary>
    /// A customer validated the email address
    /// </summary>
    public Task HandleEventAsync(CustomerActivatedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.SyncCustomerAsync(eventMessage.Customer));

    /// <summary>
    /// A role was given (also: customers created by an administrator, who raise no registration event)
    /// </summary>
    public Task HandleEventAsync(EntityInsertedEvent<CustomerCustomerRoleMapping> eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.RoleChangedAsync(eventMessage.Entity));

    /// <summary>
    /// A role was taken
    /// </summary>
    public Task HandleEventAsync(EntityDeletedEvent<CustomerCustomerRoleMapping> eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.RoleChangedAsync(eventMessage.Entity));

    /// <summary>
    /// A customer was updated (noisy: activity and logins too); only an email change or an approval leads anywhere
    /// </summary>
    public Task HandleEventAsync(EntityUpdatedEvent<Customer> eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.CustomerUpdatedAsync(eventMessage.Entity));

    /// <summary>
    /// A customer was deleted (an administrator's delete; the GDPR erasure raises the event below instead)
    /// </summary>
    public Task HandleEventAsync(EntityDeletedEvent<Customer> eventMessage) => _installationGuard.WhenInstalledAsync(() => _customerErasureService.EraseAsync(eventMessage.Entity.Id, eventMessage.Entity.Email));

    /// <summary>
    /// A customer was erased under the GDPR (the platform soft-deletes it and blanks its address before this event)
    /// </summary>
    public Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage) => _installationGuard.WhenInstalledAsync(() => _customerErasureService.EraseAsync(eventMessage.CustomerId, eventMessage.Email));

    /// <summary>
    /// An address subscribed to a newsletter
    /// </summary>
    public Task HandleEventAsync(EmailSubscribedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.NewsletterChangedAsync(eventMessage.Subscription));

    /// <summary>
    /// An address unsubscribed from a newsletter
    /// </summary>
    public Task HandleEventAsync(EmailUnsubscribedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.NewsletterChangedAsync(eventMessage.Subscription));

    /// <summary>
    /// An order was placed (nopCommerce publishes it before the status check and, for an order paid at once, before
    /// the paid event: the queue keeps one change per address and list)
    /// </summary>
    public Task HandleEventAsync(OrderPlacedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.OrderChangedAsync(eventMessage.Order));

    /// <summary>
    /// An order was paid
    /// </summary>
    public Task HandleEventAsync(OrderPaidEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.OrderChangedAsync(eventMessage.Order));

    /// <summary>
    /// An order was refunded, fully or partly (the amount spent drops)
    /// </summary>
    public Task HandleEventAsync(OrderRefundedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.OrderChangedAsync(eventMessage.Order));

    /// <summary>
    /// An order's status changed: only a cancellation (or its undoing) changes what the rules count
    /// </summary>
    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        eventMessage.Order?.OrderStatus == OrderStatus.Cancelled || eventMessage.PreviousOrderStatus == OrderStatus.Cancelled
            ? _installationGuard.WhenInstalledAsync(() => _subscriptionPlanner.OrderChangedAsync(eventMessage.Order))
            : Task.CompletedTask;

    #endregion
}
