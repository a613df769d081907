using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Delivers promptly in the background: woken by every enqueue, and every minute in any case. It does not depend on
/// nopCommerce's schedule task, whose timers post to the store's own URL; the task remains the safety net after restarts.
/// Nothing escapes its loop: a faulted hosted service stops the whole store (.NET's default, which nopCommerce keeps),
/// and in a database outage even logging fails (the platform logger writes to the database).
/// </summary>
public class DeliveryWorker : BackgroundService
{
    #region Fields

    protected readonly DeliverySignal _deliverySignal;
    protected readonly IServiceScopeFactory _serviceScopeFactory;
    private string _lastError;

    #endregion

    #region Ctor

    public DeliveryWorker(DeliverySignal deliverySignal, IServiceScopeFactory serviceScopeFactory)
    {
        _deliverySignal = deliverySignal;
        _serviceScopeFactory = serviceScopeFactory;
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets or sets how long the worker sleeps without a signal
    /// </summary>
    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the pause after the first failed pass; it doubles with every further failure, up to <see cref="IdleInterval"/>
    /// </summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets the number of failed passes in a row
    /// </summary>
    public int ConsecutiveFailures { get; private set; }

    #endregion

    #region Utilities

    /// <summary>
    /// Logs through the platform logger, which writes to the database: when that fails too, the error is dropped
    /// (the next distinct error is tried again)
    /// </summary>
    protected virtual async Task TryLogAsync(IServiceProvider services, Exception exception)
    {
        try
        {
            if (exception.Message == _lastError)
                return;
            var logger = services?.GetService<ILogger>();
            if (logger is null)
                return;
            await logger.ErrorAsync($"{IcontactDefaults.SystemName}: background delivery failed: {exception.Message}", exception);
            _lastError = exception.Message;
        }
        catch (Exception)
        {
            //the database is down: nothing to write to
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Runs delivery passes, and steps of bulk synchronisations, until neither has anything to do; never throws
    /// </summary>
    /// <returns>What was done, and whether the pass failed</returns>
    public virtual async Task<(DeliveryPassResult Result, bool Failed)> TryDeliverAsync(CancellationToken cancellationToken)
    {
        AsyncServiceScope? scope = null;
        try
        {
            scope = _serviceScopeFactory.CreateAsyncScope();
            var services = scope.Value.ServiceProvider;
            if (!await services.GetRequiredService<InstallationGuard>().IsInstalledAsync())
                return (DeliveryPassResult.None, false);

            var total = await services.GetRequiredService<SynchronizationRunner>().DrainAsync(cancellationToken: cancellationToken);
            _lastError = null;
            return (total, false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            //e.g. the database is down or not ready yet: log once per distinct error, retry later
            await TryLogAsync(scope?.ServiceProvider, exception);
            return (DeliveryPassResult.None, true);
        }
        finally
        {
            try
            {
                if (scope is { } created)
                    await created.DisposeAsync();
            }
            catch (Exception)
            {
                //disposing scoped services must not stop the loop either
            }
        }
    }

    /// <summary>
    /// Runs one delivery pass (see <see cref="TryDeliverAsync"/>)
    /// </summary>
    public virtual async Task<DeliveryPassResult> DeliverAsync(CancellationToken cancellationToken) =>
        (await TryDeliverAsync(cancellationToken)).Result;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (ConsecutiveFailures == 0)
                    await _deliverySignal.WaitAsync(IdleInterval, stoppingToken);
                else
                {
                    //back off: 5 s, 10 s, 20 s … up to the idle interval; signals do not cut it short
                    var delay = FailureDelay * Math.Pow(2, Math.Min(ConsecutiveFailures - 1, 16));
                    await Task.Delay(delay < IdleInterval ? delay : IdleInterval, stoppingToken);
                }

                var (_, failed) = await TryDeliverAsync(stoppingToken);
                ConsecutiveFailures = failed ? ConsecutiveFailures + 1 : 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception)
            {
                //nothing may fault the hosted service
                ConsecutiveFailures++;
            }
        }
    }

    #endregion
}
