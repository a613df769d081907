using Moq;
using Nop.Core;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.IContact.Tests.Plugin;

public class IcontactPluginTests
{
    private Mock<ILocalizationService> _localization;
    private Mock<IScheduleTaskService> _tasks;
    private Mock<ISettingService> _settings;
    private Mock<IWebHelper> _webHelper;
    private IcontactPlugin _plugin;
    private Mock<Services.StoreScopeUpgrade> _storeScopeUpgrade;

    [SetUp]
    public void SetUp()
    {
        _localization = new Mock<ILocalizationService>();
        _tasks = new Mock<IScheduleTaskService>();
        _settings = new Mock<ISettingService>();
        _webHelper = new Mock<IWebHelper>();
        var stores = new Mock<Nop.Services.Stores.IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Nop.Core.Domain.Stores.Store { Id = 1 }]);
        var rules = new Services.IcontactRuleService(new Support.InMemoryRepository<Domain.IcontactRuleRecord>(), _settings.Object,
            new Support.MemoryStaticCacheManager(TimeProvider.System));
        _storeScopeUpgrade = new Mock<Services.StoreScopeUpgrade>(MockBehavior.Loose, null, null, null, null);
        _plugin = new IcontactPlugin(rules, _localization.Object, _tasks.Object, _settings.Object, stores.Object, _webHelper.Object, _storeScopeUpgrade.Object);
    }

    [Test]
    public void Configuration_page_is_the_admin_configure_action()
    {
        _webHelper.Setup(w => w.GetStoreLocation(null)).Returns("https://shop.example/");

        Assert.That(_plugin.GetConfigurationPageUrl(), Is.EqualTo("https://shop.example/Admin/Icontact/Configure"));
    }

    [Test]
    public async Task Install_saves_default_settings()
    {
        IcontactSettings saved = null;
        _settings.Setup(s => s.SaveSettingAsync(It.IsAny<IcontactSettings>(), 0))
            .Callback<IcontactSettings, int>((settings, _) => saved = settings).Returns(Task.CompletedTask);

        await _plugin.InstallAsync();

        Assert.That(saved, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(saved.ApiBaseUrl, Is.EqualTo("https://app.icontact.com/icp"));
            Assert.That(saved.BatchSize, Is.EqualTo(250));
            Assert.That(saved.EncryptedAppPassword, Is.Null);
        });
    }

    [Test]
    public async Task Install_creates_the_synchronization_task_enabled()
    {
        ScheduleTask inserted = null;
        _tasks.Setup(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback<ScheduleTask>(t => inserted = t).Returns(Task.CompletedTask);

        await _plugin.InstallAsync();

        Assert.That(inserted, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(inserted.Type, Is.EqualTo("Nop.Plugin.Misc.IContact.Services.SynchronizationTask"));
            Assert.That(Type.GetType($"{inserted.Type}, Nop.Plugin.Misc.IContact"), Is.Not.Null, "the task type must resolve");
            Assert.That(inserted.Enabled, Is.True, "nopCommerce builds timers at start-up for enabled tasks only");
            Assert.That(inserted.StopOnError, Is.False);
            Assert.That(inserted.Seconds, Is.GreaterThan(0));
            Assert.That(inserted.LastEnabledUtc, Is.Not.Null);
        });
    }

    [Test]
    public async Task Install_keeps_an_existing_task()
    {
        _tasks.Setup(t => t.GetTaskByTypeAsync(IcontactDefaults.SynchronizationTask.Type)).ReturnsAsync(new ScheduleTask());

        await _plugin.InstallAsync();

        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    [Test]
    public async Task Install_adds_every_locale_resource()
    {
        IDictionary<string, string> added = null;
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null))
            .Callback<IDictionary<string, string>, int?>((resources, _) => added = resources).Returns(Task.CompletedTask);

        await _plugin.InstallAsync();

        Assert.That(added, Is.EquivalentTo(IcontactLocales.All));
        Assert.That(added, Does.ContainKey("Plugins.Misc.IContact.Fields.AppId"));
    }

    [Test]
    public async Task Uninstall_removes_settings_task_and_resources()
    {
        var task = new ScheduleTask { Type = IcontactDefaults.SynchronizationTask.Type };
        _tasks.Setup(t => t.GetTaskByTypeAsync(IcontactDefaults.SynchronizationTask.Type)).ReturnsAsync(task);

        await _plugin.UninstallAsync();

        _settings.Verify(s => s.DeleteSettingAsync<IcontactSettings>(), Times.Once);
        _tasks.Verify(t => t.DeleteTaskAsync(task), Times.Once);
        _localization.Verify(l => l.DeleteLocaleResourcesAsync("Plugins.Misc.IContact.", null), Times.Once);
    }

    [Test]
    public async Task Uninstall_without_a_task_deletes_no_task()
    {
        await _plugin.UninstallAsync();

        _tasks.Verify(t => t.DeleteTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    [Test]
    public async Task Update_adds_only_resources_introduced_after_the_installed_version()
    {
        await _plugin.UpdateAsync("1.0.0", "1.0.0");
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()), Times.Never);

        IDictionary<string, string> added = null;
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null))
            .Callback<IDictionary<string, string>, int?>((resources, _) => added = resources).Returns(Task.CompletedTask);

        await _plugin.UpdateAsync("0.9.0", "1.0.0");

        Assert.That(added, Is.EquivalentTo(IcontactLocales.Introduced("0.9.0", "1.0.0")));
        Assert.That(added, Is.Not.Empty);
    }

    [Test]
    public async Task Updating_from_1_1_adds_the_1_2_resources_and_rewords_changed_ones()
    {
        IDictionary<string, string> added = null;
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null))
            .Callback<IDictionary<string, string>, int?>((resources, _) => added = resources).Returns(Task.CompletedTask);

        await _plugin.UpdateAsync("1.1.0", "1.2.0");

        Assert.That(added.Keys, Does.Contain("Plugins.Misc.IContact.Queue.Who.Guest").And.Contain("Plugins.Misc.IContact.Webhooks.Inbound.OwnUnsubscribe"));
        Assert.That(added["Plugins.Misc.IContact.Rules.Errors.ProductIds"], Does.Contain("no longer has"), "a reworded text replaces the 1.1 one");
        Assert.That(added.Keys, Does.Not.Contain("Plugins.Misc.IContact.FieldMapping"), "1.1's own resources are there already");
        Assert.That(Version.Parse(PluginManifest().Version), Is.EqualTo(IcontactLocales.ByVersion[^1].Version), "the manifest's version is the newest resources'");
        _storeScopeUpgrade.Verify(u => u.MoveSharedScopeToStoreAsync(), Times.Once);
    }

    private static (string Version, string SystemName) PluginManifest()
    {
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Nop.Plugin.Misc.IContact.Tests.Support.RepositoryPaths.PluginProjectDirectory, "plugin.json"))).RootElement;
        return (json.GetProperty("Version").GetString(), json.GetProperty("SystemName").GetString());
    }
}
