using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Web.Framework.Mvc;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

public class RulePageTests : ConfigurationControllerTestBase
{
    private string _customersListId;

    [SetUp]
    public void Configure()
    {
        StoredSettings[0] = ConfiguredSettings();
        lock (Emulator.State.Lock)
            _customersListId = Emulator.State.AddList("Customers").ListId.ToString();
    }

    private async Task<List<RuleModel>> GridAsync() =>
        ((RuleListModel)((JsonResult)await CreateRulesController().RuleList(new RuleSearchModel { Length = 50 })).Value!).Data.ToList();

    private static string ErrorOf(IActionResult result) =>
        ((JsonResult)result).Value!.GetType().GetProperty("error")?.GetValue(((JsonResult)result).Value)?.ToString();

    [Test]
    public async Task A_saved_rule_round_trips_through_the_settings_string()
    {
        var result = await CreateRulesController().RuleSave(new RuleModel
        {
            CustomerRoleIds = [3, 1, 3], RequireNewsletter = true, NewsletterTypeId = 1, ListId = _customersListId,
            SubscriptionStatus = "pending", Enabled = true
        });

        Assert.That(ErrorOf(result), Is.Null);
        var stored = RuleStorage.ParseRows(RuleRepository.Items.Where(row => row.StoreId == 0)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.CustomerRoleIds, Is.EqualTo(new[] { 3, 1 }));
            Assert.That(stored.RequireNewsletter, Is.True);
            Assert.That(stored.NewsletterTypeId, Is.EqualTo(1));
            Assert.That(stored.ListId, Is.EqualTo(_customersListId));
            Assert.That(stored.ListName, Is.EqualTo("Customers"), "the list's name is remembered for re-created lists");
            Assert.That(stored.SubscriptionStatus, Is.EqualTo("pending"));
        });

        var row = (await GridAsync()).Single();
        Assert.That(row.CustomerRoleNames, Is.EqualTo("Registered, Administrators"));
        Assert.That(row.NewsletterCondition, Is.EqualTo("Newsletter"));
        Assert.That(row.IsBroken, Is.False);
    }

    [Test]
    public void Rules_survive_serialization_unchanged()
    {
        var rules = new[]
        {
            new IcontactRule { CustomerRoleIds = [3], ListId = "205305", ListName = "Customers" },
            new IcontactRule { CustomerRoleIds = [3, 5], RequireNewsletter = true, NewsletterTypeId = 2, ListId = "7", ListName = "VIP", SubscriptionStatus = "pending", Enabled = false },
            new IcontactRule
            {
                Trigger = RuleTrigger.OrderPaid, ProductIds = [50], CategoryIds = [5, 6], ManufacturerIds = [7], MinOrderCount = 2, MinTotalSpent = 499.95m,
                LapsedDays = 180, WhenNoLongerMatching = RuleRemoval.LeaveOnList, ListId = "8", ListName = "VIP buyers"
            }
        };

        var parsed = RuleStorage.Parse(RuleStorage.Serialize(rules));

        //records compare lists by reference: compare the lists separately
        var none = new List<int>();
        IcontactRule WithoutLists(IcontactRule r) => r with { CustomerRoleIds = none, ProductIds = none, CategoryIds = none, ManufacturerIds = none };
        Assert.That(parsed.Select(WithoutLists), Is.EqualTo(rules.Select(WithoutLists)));
        Assert.That(parsed.Select(r => r.CustomerRoleIds), Is.EqualTo(rules.Select(r => r.CustomerRoleIds)));
        Assert.That(parsed.Select(r => (r.ProductIds, r.CategoryIds, r.ManufacturerIds)), Is.EqualTo(rules.Select(r => (r.ProductIds, r.CategoryIds, r.ManufacturerIds))));
    }

    [Test]
    public void Corrupt_rules_are_reported_not_replaced()
    {
        Assert.Throws<InvalidOperationException>(() => RuleStorage.Parse("{not json"));
    }

    [Test]
    public async Task An_incomplete_rule_is_refused_with_every_reason()
    {
        var result = await CreateRulesController().RuleSave(new RuleModel { CustomerRoleIds = [], ListId = "" });

        var error = ErrorOf(result);
        Assert.That(error, Does.Contain(English("Plugins.Misc.IContact.Rules.Errors.NoRoles")));
        Assert.That(error, Does.Contain(English("Plugins.Misc.IContact.Rules.Errors.NoList")));
        Assert.That(RuleRepository.Items, Is.Empty);
    }

    [Test]
    public async Task A_rule_is_updated_in_place_and_deleted()
    {
        var controller = CreateRulesController();
        await controller.RuleSave(new RuleModel { CustomerRoleIds = [3], ListId = _customersListId });
        var id = (await GridAsync()).Single().Id;

        await CreateRulesController().RuleSave(new RuleModel { Id = id, CustomerRoleIds = [1], ListId = _customersListId, Enabled = false });
        var updated = (await GridAsync()).Single();
        var deleted = await CreateRulesController().RuleDelete(id);

        Assert.That(updated.Id, Is.EqualTo(id));
        Assert.That(updated.CustomerRoleIds, Is.EqualTo(new[] { 1 }));
        Assert.That(updated.Enabled, Is.False);
        Assert.That(deleted, Is.InstanceOf<NullJsonResult>());
        Assert.That(await GridAsync(), Is.Empty);
    }

    [Test]
    public async Task A_rule_whose_list_was_deleted_is_broken_and_can_be_rebound()
    {
        await CreateRulesController().RuleSave(new RuleModel { CustomerRoleIds = [3], ListId = _customersListId });
        string recreatedId;
        lock (Emulator.State.Lock)
        {
            Emulator.State.DeleteList(long.Parse(_customersListId));
            recreatedId = Emulator.State.AddList("Customers").ListId.ToString();
        }

        var broken = (await GridAsync()).Single();
        var page = (ConfigurationModel)((ViewResult)await CreateController().Configure()).Model!;

        Assert.That(broken.IsBroken, Is.True);
        Assert.That(broken.ListName, Is.EqualTo("Customers"), "the remembered name is shown");
        Assert.That(page.Status.BrokenRules, Is.EqualTo(1));

        await CreateRulesController().RuleRebind(broken.Id, recreatedId);
        var fixedRule = (await GridAsync()).Single();

        Assert.That(fixedRule.IsBroken, Is.False);
        Assert.That(fixedRule.ListId, Is.EqualTo(recreatedId));
    }

    [Test]
    public async Task Rules_edited_in_a_store_scope_are_saved_for_that_store()
    {
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);

        await CreateRulesController().RuleSave(new RuleModel { CustomerRoleIds = [3], ListId = _customersListId });

        Assert.That(RuleRepository.Items.Select(row => row.StoreId), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public async Task A_list_is_created_in_iContact()
    {
        var result = (JsonResult)await CreateRulesController().CreateList("  VIP customers ");

        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.Lists.Values.Select(l => l.Name), Does.Contain("VIP customers"));
        Assert.That(result.Value!.ToString(), Does.Contain("VIP customers"));
    }

    [Test]
    public async Task A_list_without_a_name_is_refused()
    {
        Assert.That(ErrorOf(await CreateRulesController().CreateList(" ")), Is.EqualTo(English("Plugins.Misc.IContact.Lists.NameRequired")));
    }

    [Test]
    public async Task The_status_panel_shows_queue_counts_and_the_last_call()
    {
        await QueueRepository.InsertAsync(new IcontactQueueItem { Email = "a@example.com", State = QueueItemState.Pending });
        await QueueRepository.InsertAsync(new IcontactQueueItem { Email = "b@example.com", State = QueueItemState.Failed });
        await QueueRepository.InsertAsync(new IcontactQueueItem { Email = "c@example.com", State = QueueItemState.Done });

        var model = (ConfigurationModel)((ViewResult)await CreateController().Configure()).Model!;

        Assert.That(model.Status.IsConfigured, Is.True);
        Assert.That(model.Status.QueueDepth, Is.EqualTo(1));
        Assert.That(model.Status.FailedItems, Is.EqualTo(1));
        Assert.That(model.Status.Stores.Single().LastSuccessOnUtc, Is.Not.Null, "loading the lists is a successful call");
        Assert.That(model.AvailableLists.Select(l => l.Text), Is.EqualTo(new[] { "Customers" }));
    }

    [Test]
    public async Task Lists_that_cannot_be_loaded_leave_a_warning_not_an_error_page()
    {
        Switch(s => s.Outage = true);

        var model = (ConfigurationModel)((ViewResult)await CreateController().Configure()).Model!;

        Assert.That(model.ListsLoaded, Is.False);
        Assert.That(Shown.Single().Type, Is.EqualTo("warning"));
        Assert.That(model.Status.Stores.Single().LastError, Is.EqualTo(English("Plugins.Misc.IContact.Errors.Unavailable")));
    }
}
