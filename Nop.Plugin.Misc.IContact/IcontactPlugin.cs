using Nop.Core;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact;

/// <summary>
/// Represents the iContact plugin
/// </summary>
public class IcontactPlugin : BasePlugin, IMiscPlugin
{
    #region Fields

    protected readonly IcontactRuleService _ruleService;
    protected readonly ILocalizationService _localizationService;
    protected readonly IScheduleTaskService _scheduleTaskService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreService _storeService;
    protected readonly IWebHelper _webHelper;
    protected readonly StoreScopeUpgrade _storeScopeUpgrade;

    #endregion

    #region Ctor

    public IcontactPlugin(IcontactRuleService ruleService,
        ILocalizationService localizationService,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        IStoreService storeService,
        IWebHelper webHelper,
        StoreScopeUpgrade storeScopeUpgrade)
    {
        _ruleService = ruleService;
        _storeService = storeService;
        _localizationService = localizationService;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _webHelper = webHelper;
        _storeScopeUpgrade = storeScopeUpgrade;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a configuration page URL
    /// </summary>
    public override string GetConfigurationPageUrl()
    {
        return $"{_webHelper.GetStoreLocation()}{IcontactDefaults.ConfigurationPath}";
    }

    /// <summary>
    /// Install the plugin
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public override async Task InstallAsync()
    {
        //settings
        await _settingService.SaveSettingAsync(new IcontactSettings());

        //the safety-net task; created enabled because nopCommerce builds timers at start-up for enabled tasks only,
        //and it does nothing while the plugin is not configured
        var (name, type, period) = IcontactDefaults.SynchronizationTask;
        if (await _scheduleTaskService.GetTaskByTypeAsync(type) is null)
        {
            await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = name,
                Type = type,
                Seconds = period,
                Enabled = true,
                StopOnError = false,
                LastEnabledUtc = DateTime.UtcNow
            });
        }

        //locales
        await _localizationService.AddOrUpdateLocaleResourceAsync(IcontactLocales.All);

        await base.InstallAsync();
    }

    /// <summary>
    /// Uninstall the plugin; the queue table is dropped afterwards by the schema migration's Down
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public override async Task UninstallAsync()
    {
        //settings (of every store)
        await _settingService.DeleteSettingAsync<IcontactSettings>();

        //schedule task
        if (await _scheduleTaskService.GetTaskByTypeAsync(IcontactDefaults.SynchronizationTask.Type) is ScheduleTask task)
            await _scheduleTaskService.DeleteTaskAsync(task);

        //locales
        await _localizationService.DeleteLocaleResourcesAsync($"{IcontactDefaults.LocalePrefix}.");

        await base.UninstallAsync();
    }

    /// <summary>
    /// Update the plugin: add the locale resources introduced since the installed version
    /// </summary>
    /// <param name="currentVersion">Current version of plugin</param>
    /// <param name="targetVersion">New version of plugin</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        var resources = IcontactLocales.Introduced(currentVersion, targetVersion);
        if (resources.Count > 0)
            await _localizationService.AddOrUpdateLocaleResourceAsync(resources);

        //1.1: rules leave the settings for the rule table (created by RuleTableMigration, which has run by now)
        await _ruleService.MoveRulesOutOfSettingsAsync((await _storeService.GetAllStoresAsync()).Select(store => store.Id));

        //1.2: a single-store install's bulk runs and their records join the store's (they were kept under store id 0)
        await _storeScopeUpgrade.MoveSharedScopeToStoreAsync();

        await base.UpdateAsync(currentVersion, targetVersion);
    }

    #endregion
}
