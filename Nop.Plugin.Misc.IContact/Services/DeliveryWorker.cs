using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Delivers promptly in the background: woken by every enqueue, and every minute in any case. It does not depend on
/// nopCommerce's schedule task, whose timers post to the store's own URL; the task remains the safety net after restarts.
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

    #endregion

    #region Methods

    /// <summary>
    /// Runs delivery passes, and steps of bulk synchronisations, until neither has anything to do
    /// </summary>
    public virtual async Task<DeliveryPassResult> DeliverAsync(CancellationToken cancellationToken)
    {
        await using var scope = _serviceScopeFactory.CreateAsyncScope();
        try
        {
            var total = await scope.ServiceProvider.GetRequiredService<SynchronizationRunner>().DrainAsync(cancellationToken: cancellationToken);
            _lastError = null;
            return total;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //e.g. the database is not ready yet, or the plugin was just uninstalled: log once per distinct error, retry later
            if (exception.Message != _lastError)
            {
                _lastError = exception.Message;
                var logger = scope.ServiceProvider.GetService<ILogger>();
                if (logger is not null)
                    await logger.ErrorAsync($"{IcontactDefaults.SystemName}: background delivery failed: {exception.Message}", exception);
            }

            return DeliveryPassResult.None;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _deliverySignal.WaitAsync(IdleInterval, stoppingToken);
                await DeliverAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    #endregion
}
