using Nop.Core.Domain.Orders;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Listens to orders for the field mappings (their order statistics): a guard (installed?) and one call into
/// <see cref="ContactFieldUpdater"/>, which only queues. Nothing here talks to iContact.
/// </summary>
public class FieldEventConsumer : IConsumer<OrderPlacedEvent>, IConsumer<OrderPaidEvent>, IConsumer<OrderRefundedEvent>, IConsumer<OrderStatusChangedEvent>
{
    #region Fields

    protected readonly ContactFieldUpdater _contactFieldUpdater;
    protected readonly InstallationGuard _installationGuard;

    #endregion

    #region Ctor

    public FieldEventConsumer(ContactFieldUpdater contactFieldUpdater, InstallationGuard installationGuard)
    {
        _contactFieldUpdater = contactFieldUpdater;
        _installationGuard = installationGuard;
    }

    #endregion

    #region Methods

    /// <summary>
    /// An order was placed: the customer's order count, dates and last total changed
    /// </summary>
    public Task HandleEventAsync(OrderPlacedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _contactFieldUpdater.OrderChangedAsync(eventMessage.Order));

    /// <summary>
    /// An order was paid: the amount the customer spent changed
    /// </summary>
    public Task HandleEventAsync(OrderPaidEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _contactFieldUpdater.OrderChangedAsync(eventMessage.Order));

    /// <summary>
    /// An order was refunded (fully or partly): the amount the customer spent changed
    /// </summary>
    public Task HandleEventAsync(OrderRefundedEvent eventMessage) => _installationGuard.WhenInstalledAsync(() => _contactFieldUpdater.OrderChangedAsync(eventMessage.Order));

    /// <summary>
    /// An order was cancelled, or a cancelled one taken up again: it leaves or rejoins the customer's statistics
    /// (other status changes move no statistic)
    /// </summary>
    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        eventMessage.Order.OrderStatus == OrderStatus.Cancelled || eventMessage.PreviousOrderStatus == OrderStatus.Cancelled
            ? _installationGuard.WhenInstalledAsync(() => _contactFieldUpdater.OrderChangedAsync(eventMessage.Order))
            : Task.CompletedTask;

    #endregion
}
