using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Tells whether the plugin is installed. After an uninstall (until the restart) and after a failed install (retried
/// at every start) the platform still runs the plugin's consumers, worker and task, against dropped or missing tables;
/// every entry point asks here first. Cheap: the platform keeps plugin descriptors in memory.
/// </summary>
public class InstallationGuard
{
    #region Fields

    protected readonly IPluginService _pluginService;

    #endregion

    #region Ctor

    public InstallationGuard(IPluginService pluginService)
    {
        _pluginService = pluginService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets whether the plugin is installed
    /// </summary>
    public virtual async Task<bool> IsInstalledAsync() =>
        (await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(IcontactDefaults.SystemName, LoadPluginsMode.All))?.Installed == true;

    /// <summary>
    /// Runs an action only when the plugin is installed
    /// </summary>
    public virtual async Task WhenInstalledAsync(Func<Task> action)
    {
        if (await IsInstalledAsync())
            await action();
    }

    #endregion
}
