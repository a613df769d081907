using System.Linq.Expressions;
using Moq;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Rules live in the plugin's table, any number of them, per scope; version 1.0's RulesJson settings move there on update (issue 9 #12)
/// </summary>
public class RuleStoreTests
{
    private InMemoryRepository<IcontactRuleRecord> _rows;
    private Dictionary<(int Store, string Name), string> _settingRows;
    private Mock<ISettingService> _settings;

    private const string RulesJsonName = "icontactsettings.rulesjson";

    /// <summary>
    /// Imitates SettingService of 4.90.6 for IcontactSettings.RulesJson: LoadSettingAsync(storeId) answers the store's
    /// value, else the shared one; SettingExistsAsync only the store's own row; DeleteSettingAsync removes that row
    /// </summary>
    [SetUp]
    public void SetUp()
    {
        _rows = new InMemoryRepository<IcontactRuleRecord>();
        _settingRows = [];
        _settings = new Mock<ISettingService>();
        _settings.Setup(s => s.LoadSettingAsync<IcontactSettings>(It.IsAny<int>())).ReturnsAsync((int store) => new IcontactSettings
        {
            RulesJson = _settingRows.GetValueOrDefault((store, RulesJsonName)) ?? _settingRows.GetValueOrDefault((0, RulesJsonName))
        });
        _settings.Setup(s => s.SettingExistsAsync(It.IsAny<IcontactSettings>(), It.IsAny<Expression<Func<IcontactSettings, string>>>(), It.IsAny<int>()))
            .ReturnsAsync((IcontactSettings _, Expression<Func<IcontactSettings, string>> _, int store) => _settingRows.ContainsKey((store, RulesJsonName)));
        _settings.Setup(s => s.DeleteSettingAsync(It.IsAny<IcontactSettings>(), It.IsAny<Expression<Func<IcontactSettings, string>>>(), It.IsAny<int>()))
            .Callback((IcontactSettings _, Expression<Func<IcontactSettings, string>> _, int store) => _settingRows.Remove((store, RulesJsonName)))
            .Returns(Task.CompletedTask);
    }

    private IcontactRuleService Service() => new(_rows, _settings.Object, new MemoryStaticCacheManager(TimeProvider.System));

    private static IcontactRule Rule(int n) => new()
    {
        CustomerRoleIds = [3, 100 + n], RequireNewsletter = n % 2 == 0, NewsletterTypeId = n % 3, ListId = (200000 + n).ToString(),
        ListName = $"A list with a fairly long name number {n}", SubscriptionStatus = n % 5 == 0 ? "pending" : "normal"
    };

    [Test]
    public async Task Two_hundred_rules_save_and_load()
    {
        var rules = Enumerable.Range(1, 200).Select(Rule).ToList();
        foreach (var rule in rules)
            Assert.That(await Service().SaveRuleAsync(0, rule), Is.Empty);

        var loaded = await Service().GetRulesAsync(1);

        Assert.That(loaded.Select(r => (r.Id, r.ListId, r.ListName, r.RequireNewsletter, r.NewsletterTypeId, r.SubscriptionStatus)),
            Is.EqualTo(rules.Select(r => (r.Id, r.ListId, r.ListName, r.RequireNewsletter, r.NewsletterTypeId, r.SubscriptionStatus))));
        Assert.That(loaded.Select(r => r.CustomerRoleIds), Is.EqualTo(rules.Select(r => r.CustomerRoleIds)));
        Assert.That(RuleStorage.Serialize(rules).Length, Is.GreaterThan(6000), "more than MySQL's Setting.Value (VARCHAR(6000)) holds");
        Assert.That(_rows.Items.Max(row => row.RuleJson.Length), Is.LessThan(1000), "one rule per row");
    }

    [Test]
    public async Task A_store_scope_has_its_own_rules_until_it_uses_the_shared_ones_again()
    {
        await Service().SaveRuleAsync(0, Rule(1));
        await Service().SaveRuleAsync(2, Rule(2));

        Assert.That((await Service().GetRulesAsync(1)).Select(r => r.ListId), Is.EqualTo(new[] { "200001" }));
        Assert.That((await Service().GetRulesAsync(2)).Select(r => r.ListId), Is.EqualTo(new[] { "200001", "200002" }), "the store's copy of the shared rules, changed");
        Assert.That(await Service().HasOwnRulesAsync(2), Is.True);

        foreach (var rule in await Service().GetRulesAsync(2))
            await Service().DeleteRuleAsync(2, rule.Id);
        Assert.That(await Service().GetRulesAsync(2), Is.Empty, "a store's own empty rules are not the shared ones");
        Assert.That(await Service().HasOwnRulesAsync(2), Is.True);

        await Service().UseSharedRulesAsync(2);
        Assert.That((await Service().GetRulesAsync(2)).Select(r => r.ListId), Is.EqualTo(new[] { "200001" }));
        Assert.That(await Service().HasOwnRulesAsync(2), Is.False);
    }

    [Test]
    public async Task The_rules_of_version_1_0_move_from_the_settings_into_the_table_once()
    {
        //1.0.0 stored the shared rules and one store's override as RulesJson settings
        _settingRows[(0, RulesJsonName)] = """[{"id":"shared1","customerRoleIds":[3],"requireNewsletter":false,"newsletterTypeId":0,"listId":"11","listName":"Customers","subscriptionStatus":"normal","enabled":true},{"id":"shared2","customerRoleIds":[3],"requireNewsletter":true,"newsletterTypeId":1,"listId":"12","listName":"Newsletter","subscriptionStatus":"normal","enabled":true}]""";
        _settingRows[(2, RulesJsonName)] = """[{"id":"store2","customerRoleIds":[7],"requireNewsletter":false,"newsletterTypeId":0,"listId":"13","listName":"VIP","subscriptionStatus":"pending","enabled":false}]""";

        await Service().MoveRulesOutOfSettingsAsync([1, 2, 3]);
        await Service().MoveRulesOutOfSettingsAsync([1, 2, 3]);

        Assert.That(_settingRows, Is.Empty, "the settings are gone");
        Assert.That(_rows.Items.Select(row => (row.StoreId, row.RuleId, row.DisplayOrder)),
            Is.EquivalentTo(new[] { (0, "shared1", 0), (0, "shared2", 1), (2, "store2", 0) }), "once, however often the update runs");
        Assert.That((await Service().GetRulesAsync(1)).Select(r => r.Id), Is.EqualTo(new[] { "shared1", "shared2" }));
        Assert.That((await Service().GetRulesAsync(3)).Select(r => r.Id), Is.EqualTo(new[] { "shared1", "shared2" }));
        var store2 = (await Service().GetRulesAsync(2)).Single();
        Assert.That((store2.Id, store2.ListId, store2.ListName, store2.SubscriptionStatus, store2.Enabled), Is.EqualTo(("store2", "13", "VIP", "pending", false)));
        Assert.That(store2.CustomerRoleIds, Is.EqualTo(new[] { 7 }));
        Assert.That((store2.Trigger, store2.WhenNoLongerMatching, store2.HasCatalogFilter, store2.NeedsOrders), Is.EqualTo((RuleTrigger.Customers, RuleRemoval.Unsubscribe, false, false)),
            "a 1.0 rule keeps its meaning under the rule model of issue 11");
        Assert.That(await Service().HasOwnRulesAsync(2), Is.True);
        Assert.That(await Service().HasOwnRulesAsync(1), Is.False);
    }

    [Test]
    public async Task A_fresh_install_has_nothing_to_move()
    {
        await Service().MoveRulesOutOfSettingsAsync([1]);

        Assert.That(_rows.Items, Is.Empty);
        Assert.That(await Service().GetRulesAsync(1), Is.Empty);
    }

    [Test]
    public async Task A_store_override_of_no_rules_stays_its_own()
    {
        _settingRows[(0, RulesJsonName)] = """[{"id":"shared1","customerRoleIds":[3],"listId":"11","listName":"Customers"}]""";
        _settingRows[(2, RulesJsonName)] = "[]";

        await Service().MoveRulesOutOfSettingsAsync([2]);

        Assert.That(await Service().GetRulesAsync(2), Is.Empty);
        Assert.That(await Service().HasOwnRulesAsync(2), Is.True);
    }

    [Test]
    public async Task A_rule_row_that_is_not_json_is_reported_not_dropped()
    {
        await _rows.InsertAsync(new IcontactRuleRecord { StoreId = 0, RuleId = "x", RuleJson = "{not json" });

        Assert.ThrowsAsync<InvalidOperationException>(() => Service().GetRulesAsync(1));
    }
}
