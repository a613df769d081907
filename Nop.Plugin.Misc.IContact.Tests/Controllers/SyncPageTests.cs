using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

public class SyncPageTests : ConfigurationControllerTestBase
{
    private static JsonElement JsonOf(IActionResult result) =>
        JsonSerializer.SerializeToElement(((JsonResult)result).Value);

    [Test]
    public async Task Synchronize_is_refused_until_the_plugin_is_configured()
    {
        var result = JsonOf(await CreateSyncController().SyncStart());

        Assert.That(result.GetProperty("error").GetString(), Is.EqualTo(English("Plugins.Misc.IContact.Status.NotConfigured")));
    }

    [Test]
    public async Task Synchronize_starts_a_run_and_returns_its_progress_at_once()
    {
        StoredSettings[0] = ConfiguredSettings();
        await RuleRepository.InsertAsync(new Domain.IcontactRuleRecord
        {
            StoreId = 0, RuleId = "r1", RuleJson = """{"id":"r1","customerRoleIds":[3],"listId":"1","listName":"Customers","subscriptionStatus":"normal","enabled":true}"""
        });

        var started = JsonOf(await CreateSyncController().SyncStart());

        Assert.That(started.GetProperty("started").GetBoolean(), Is.True);
        Assert.That(started.GetProperty("running").GetBoolean(), Is.True);
        Assert.That(started.GetProperty("text").GetString(), Does.Contain("0 delivered"));
    }

    [Test]
    public async Task A_single_store_install_synchronizes_under_its_store_as_the_storefront_queues()
    {
        StoredSettings[0] = ConfiguredSettings();
        await RuleRepository.InsertAsync(new Domain.IcontactRuleRecord
        {
            StoreId = 0, RuleId = "r1", RuleJson = """{"id":"r1","customerRoleIds":[3],"listId":"1","listName":"Customers","subscriptionStatus":"normal","enabled":true}"""
        });

        await CreateSyncController().SyncStart();
        var progress = JsonOf(await CreateSyncController().SyncProgress());

        Assert.That(RunRepository.Items.Select(run => run.StoreId), Is.EqualTo(new[] { 1 }), "the all-stores scope is the one store");
        Assert.That(progress.GetProperty("started").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_all_stores_scope_of_a_multi_store_install_asks_for_a_store()
    {
        StoredSettings[0] = ConfiguredSettings();
        Stores.Add(new Nop.Core.Domain.Stores.Store { Id = 2, Name = "Outlet" });

        var start = JsonOf(await CreateSyncController().SyncStart());
        var preview = JsonOf(await CreateSyncController().SyncPreview());

        Assert.That(start.GetProperty("error").GetString(), Is.EqualTo(English("Plugins.Misc.IContact.Sync.ChooseStore")));
        Assert.That(preview.GetProperty("error").GetString(), Is.EqualTo(English("Plugins.Misc.IContact.Sync.ChooseStore")));
        Assert.That(RunRepository.Items, Is.Empty);
    }

    [Test]
    public async Task Progress_before_any_run_says_so()
    {
        StoredSettings[0] = ConfiguredSettings();

        var progress = JsonOf(await CreateSyncController().SyncProgress());

        Assert.That(progress.GetProperty("started").GetBoolean(), Is.False);
    }

    [Test]
    public async Task The_simulator_names_an_unknown_address()
    {
        var result = JsonOf(await CreateRulesController().Simulate("nobody@example.com"));

        Assert.That(result.GetProperty("error").GetString(), Is.EqualTo(English("Plugins.Misc.IContact.Simulator.NotFound")));
    }
}
