namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Wakes the background delivery worker when something was queued (singleton; node-local by design: other nodes
/// find the work on their next poll or through the schedule task)
/// </summary>
public class DeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>
    /// Asks for a delivery pass soon
    /// </summary>
    public virtual void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            //a pass is already requested
        }
    }

    /// <summary>
    /// Waits for a request or the timeout
    /// </summary>
    /// <returns>True when woken by a request</returns>
    public virtual Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
