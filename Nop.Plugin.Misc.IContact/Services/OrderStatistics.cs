namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents what a customer's orders in a store add up to. Orders that are deleted or cancelled do not count; the
/// amount spent counts paid orders (fully or partly refunded ones included) less what was refunded. Amounts are in the
/// store's primary currency, as nopCommerce keeps order totals.
/// </summary>
/// <param name="OrderCount">Orders placed (not deleted, not cancelled)</param>
/// <param name="TotalSpent">Paid amount less refunds</param>
/// <param name="FirstOrderUtc">When the first counted order was placed</param>
/// <param name="LastOrderUtc">When the last counted order was placed</param>
/// <param name="LastOrderTotal">Total of the last counted order</param>
public record OrderStatistics(int OrderCount, decimal TotalSpent, DateTime? FirstOrderUtc, DateTime? LastOrderUtc, decimal LastOrderTotal)
{
    /// <summary>
    /// Gets the statistics of a customer without orders
    /// </summary>
    public static OrderStatistics None { get; } = new(0, 0m, null, null, 0m);
}
