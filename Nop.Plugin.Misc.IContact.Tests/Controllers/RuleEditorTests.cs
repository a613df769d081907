using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// The rule editor's fields beyond roles (issue 11): who, the catalog filter, order conditions and removal
/// </summary>
public class RuleEditorTests : ConfigurationControllerTestBase
{
    private string _listId;

    [SetUp]
    public void Configure()
    {
        StoredSettings[0] = ConfiguredSettings();
        ProductSearches.Clear();
        lock (Emulator.State.Lock)
            _listId = Emulator.State.AddList("VIP").ListId.ToString();
    }

    private static string ErrorOf(IActionResult result) =>
        ((JsonResult)result).Value!.GetType().GetProperty("error")?.GetValue(((JsonResult)result).Value)?.ToString();

    private async Task<List<RuleModel>> GridAsync() =>
        ((RuleListModel)((JsonResult)await CreateRulesController().RuleList(new RuleSearchModel { Length = 50 })).Value!).Data.ToList();

    private IcontactRule Stored() => RuleStorage.ParseRows(RuleRepository.Items.Where(row => row.StoreId == 0)).Single();

    [Test]
    public async Task An_order_rule_with_a_catalog_filter_is_saved_and_described_in_the_grid()
    {
        var result = await CreateRulesController().RuleSave(new RuleModel
        {
            Trigger = (int)RuleTrigger.OrderPaid, CategoryIds = [5], ManufacturerIds = [7], ProductIds = [50, 51, 50], MinTotalSpent = 500m, MinOrderCount = 2,
            WhenNoLongerMatching = (int)RuleRemoval.Unsubscribe, ListId = _listId, SubscriptionStatus = "normal", Enabled = true
        });

        Assert.That(ErrorOf(result), Is.Null);
        var stored = Stored();
        Assert.That((stored.Trigger, stored.MinTotalSpent, stored.MinOrderCount, stored.LapsedDays, stored.WhenNoLongerMatching),
            Is.EqualTo((RuleTrigger.OrderPaid, 500m, 2, 0, RuleRemoval.Unsubscribe)));
        Assert.That((stored.ProductIds, stored.CategoryIds, stored.ManufacturerIds, stored.CustomerRoleIds),
            Is.EqualTo((new List<int> { 50, 51 }, new List<int> { 5 }, new List<int> { 7 }, new List<int>())));
        var row = (await GridAsync()).Single();
        Assert.That(row.ConditionsText, Is.EqualTo(
            "Customers who paid an order; containing Espresso beans, Espresso cups, Coffee, Roastery; at least 2 orders; spent at least 500 (Unsubscribe from the list)"));
        Assert.That(row.ProductIds, Is.EqualTo(new[] { 50, 51 }));
        Assert.That(row.Products.Select(p => (p.Value, p.Text)), Is.EqualTo(new[] { ("50", "Espresso beans"), ("51", "Espresso cups") }), "the editor shows the picked products by name");
    }

    [Test]
    public async Task The_category_picker_names_categories_by_their_path()
    {
        var page = (ConfigurationModel)((ViewResult)await CreateController().Configure()).Model!;

        Assert.That(page.AvailableCategories.Select(c => (c.Text, c.Value)), Is.EqualTo(new[] { ("Coffee", "5"), ("Coffee >> Espresso", "6") }));
    }

    [Test]
    public void A_new_rule_leaves_customers_on_the_list_when_they_stop_matching()
    {
        Assert.That(new RuleModel().WhenNoLongerMatching, Is.EqualTo((int)RuleRemoval.LeaveOnList));
    }

    [Test]
    public async Task A_newsletter_rule_needs_no_roles_but_a_customer_rule_does()
    {
        var newsletter = await CreateRulesController().RuleSave(new RuleModel { Trigger = (int)RuleTrigger.NewsletterSubscribers, ListId = _listId, Enabled = true });
        var customers = await CreateRulesController().RuleSave(new RuleModel { Trigger = (int)RuleTrigger.Customers, ListId = _listId, Enabled = true });

        Assert.That(ErrorOf(newsletter), Is.Null);
        Assert.That(ErrorOf(customers), Is.EqualTo(English("Plugins.Misc.IContact.Rules.Errors.NoRoles")));
        Assert.That(Stored().Trigger, Is.EqualTo(RuleTrigger.NewsletterSubscribers));
    }

    [Test]
    public async Task A_catalog_filter_on_a_rule_that_is_not_about_orders_is_refused()
    {
        var result = await CreateRulesController().RuleSave(new RuleModel { Trigger = (int)RuleTrigger.Customers, CustomerRoleIds = [3], CategoryIds = [5], ListId = _listId });

        Assert.That(ErrorOf(result), Is.EqualTo(English("Plugins.Misc.IContact.Rules.Errors.CatalogWithoutOrder")));
        Assert.That(RuleRepository.Items, Is.Empty);
    }

    [Test]
    public async Task Products_the_catalog_no_longer_has_and_negative_conditions_are_refused()
    {
        var products = await CreateRulesController().RuleSave(new RuleModel { Trigger = (int)RuleTrigger.OrderPlaced, ProductIds = [50, 52, 99], ListId = _listId });
        var negative = await CreateRulesController().RuleSave(new RuleModel { Trigger = (int)RuleTrigger.OrderPlaced, LapsedDays = -1, ListId = _listId });
        var trigger = await CreateRulesController().RuleSave(new RuleModel { Trigger = 99, CustomerRoleIds = [3], ListId = _listId });

        Assert.That(ErrorOf(products), Is.EqualTo(English("Plugins.Misc.IContact.Rules.Errors.ProductIds").Replace("{0}", "#52, #99")), "deleted and unknown products are named");
        Assert.That(ErrorOf(negative), Is.EqualTo(English("Plugins.Misc.IContact.Rules.Errors.Negative")));
        Assert.That(ErrorOf(trigger), Is.EqualTo(English("Plugins.Misc.IContact.Rules.Errors.Trigger")));
        Assert.That(RuleRepository.Items, Is.Empty);
    }

    private async Task<List<(string Id, string Text)>> SearchAsync(string term)
    {
        var value = ((JsonResult)await CreateRulesController().ProductSearch(term)).Value!;
        var results = (System.Collections.IEnumerable)value.GetType().GetProperty("results")!.GetValue(value)!;
        return results.Cast<object>().Select(r => ((string)r.GetType().GetProperty("id")!.GetValue(r)!, (string)r.GetType().GetProperty("text")!.GetValue(r)!)).ToList();
    }

    [Test]
    public async Task The_product_picker_finds_catalog_products_by_name_including_unpublished_ones_but_not_deleted_ones()
    {
        var found = await SearchAsync("ESPRESSO");

        Assert.That(found, Is.EqualTo(new[] { ("50", "Espresso beans (#50)"), ("51", "Espresso cups (#51)") }));
        Assert.That(ProductSearches, Is.EqualTo(new[] { ("ESPRESSO", 0, true) }), "the platform's search, unpublished products too, in the rules' store scope");
    }

    [Test]
    public async Task The_product_picker_finds_a_product_by_its_id_and_does_not_search_names_for_one_character()
    {
        Assert.That(await SearchAsync("#51"), Is.EqualTo(new[] { ("51", "Espresso cups (#51)") }));
        Assert.That(await SearchAsync("52"), Is.Empty, "a deleted product is not offered");
        Assert.That(await SearchAsync("e"), Is.Empty);
        Assert.That(ProductSearches.Select(s => s.Keywords), Is.EqualTo(new[] { "#51", "52" }), "one character searches nothing");
    }
}
