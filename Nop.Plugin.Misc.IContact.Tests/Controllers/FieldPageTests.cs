using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// The contact fields card: picking the account's custom fields, creating one on save, refusing names iContact
/// refuses, store scopes
/// </summary>
public class FieldPageTests : ConfigurationControllerTestBase
{
    [SetUp]
    public void Configure()
    {
        StoredSettings[0] = ConfiguredSettings();
        FieldPlatform.Attributes.Add(new CustomerAttribute { Id = 8, Name = "Favourite roast", AttributeControlType = AttributeControlType.DropdownList });
    }

    private static string ErrorOf(IActionResult result) =>
        ((JsonResult)result).Value!.GetType().GetProperty("error")?.GetValue(((JsonResult)result).Value)?.ToString();

    private async Task<List<FieldMappingModel>> GridAsync() =>
        ((FieldMappingListModel)((JsonResult)await CreateFieldsController().FieldList(new FieldMappingSearchModel { Length = 50 })).Value!).Data.ToList();

    private int CustomFieldPosts()
    {
        lock (Emulator.State.Lock)
            return Emulator.State.RequestLog.Count(r => r.StartsWith("POST") && r.EndsWith("/customfields"));
    }

    [Test]
    public async Task The_editor_offers_every_source_and_the_account_s_custom_fields()
    {
        lock (Emulator.State.Lock)
            Emulator.State.CustomFields["loyalty_tier"] = new IcontactEmulator.CustomFieldRecord { PrivateName = "loyalty_tier", PublicName = "Loyalty tier" };

        var card = await Create<Factories.FieldModelFactory>().PrepareCardModelAsync(StoredSettings[0], 0);

        Assert.That(card.IsDefault, Is.True);
        Assert.That(card.CustomFieldsError, Is.Null);
        Assert.That(card.AvailableSources.Select(s => s.Value), Does.Contain("TotalSpent").And.Contain("CustomerAttribute:8").And.Not.Contain("CustomerAttribute"));
        Assert.That(card.AvailableSources.Single(s => s.Value == "CustomerAttribute:8").Text, Is.EqualTo("Customer attribute: Favourite roast"));
        Assert.That(card.AvailableTargets.Select(t => t.Value), Does.Contain("business").And.Contain("custom:loyalty_tier").And.Contain("new"));
    }

    [Test]
    public async Task Picking_an_existing_custom_field_saves_the_mapping_without_creating_a_field()
    {
        lock (Emulator.State.Lock)
            Emulator.State.CustomFields["loyalty_tier"] = new IcontactEmulator.CustomFieldRecord { PrivateName = "loyalty_tier" };

        var result = await CreateFieldsController().FieldSave(new FieldMappingModel { Source = "CustomerAttribute:8", Target = "custom:loyalty_tier" });

        Assert.That(ErrorOf(result), Is.Null);
        Assert.That(CustomFieldPosts(), Is.Zero);
        var grid = await GridAsync();
        Assert.That(grid, Has.Count.EqualTo(9), "the default mapping (8 fields) and the new one");
        Assert.That(grid.Last().SourceName, Is.EqualTo("Customer attribute: Favourite roast"));
        Assert.That(grid.Last().TargetName, Is.EqualTo("Custom field: loyalty_tier"));
    }

    [Test]
    public async Task A_new_custom_field_is_created_in_iContact_on_save()
    {
        var result = await CreateFieldsController().FieldSave(new FieldMappingModel { Source = "TotalSpent", Target = "new", NewCustomField = " total_spent " });

        Assert.That(ErrorOf(result), Is.Null);
        lock (Emulator.State.Lock)
        {
            Assert.That(Emulator.State.CustomFields.Keys, Does.Contain("total_spent"));
            Assert.That(Emulator.State.CustomFields["total_spent"].FieldType, Is.EqualTo("text"));
        }
        var mappings = (await Create<FieldMappingService>().GetAsync(0, StoredSettings[0])).Mappings;
        Assert.That(mappings.Last(), Is.EqualTo(new FieldMapping(FieldSource.TotalSpent, "total_spent")));
    }

    [TestCase("total spent", "Plugins.Misc.IContact.FieldMapping.Errors.NameCharacters")]
    [TestCase("spent[eur]", "Plugins.Misc.IContact.FieldMapping.Errors.NameCharacters")]
    [TestCase("", "Plugins.Misc.IContact.FieldMapping.Errors.NameRequired")]
    [TestCase("FirstName", "Plugins.Misc.IContact.FieldMapping.Errors.NameStandard")]
    public async Task A_name_iContact_would_refuse_is_explained_and_nothing_is_created_or_saved(string name, string key)
    {
        var result = await CreateFieldsController().FieldSave(new FieldMappingModel { Source = "TotalSpent", Target = "new", NewCustomField = name });

        Assert.That(ErrorOf(result), Is.EqualTo(English(key)));
        Assert.That(CustomFieldPosts(), Is.Zero);
        Assert.That(FieldMapRepository.Items, Is.Empty);
    }

    [Test]
    public async Task Saving_in_a_store_scope_gives_that_store_its_own_mappings()
    {
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(1);

        await CreateFieldsController().FieldSave(new FieldMappingModel { Source = "Country", Target = "state" });

        Assert.That(FieldMapRepository.Items.Single().StoreId, Is.EqualTo(1));
        var shared = await Create<FieldMappingService>().GetAsync(2, StoredSettings[0]);
        Assert.That(shared.IsDefault, Is.True, "other stores keep the shared (default) mapping");

        await CreateFieldsController().FieldsUseShared();
        Assert.That(FieldMapRepository.Items, Is.Empty);
    }

    [Test]
    public async Task Deleting_a_mapping_removes_only_that_field()
    {
        await CreateFieldsController().FieldDelete("phone");

        var targets = (await GridAsync()).Select(row => row.Target).ToList();
        Assert.That(targets, Does.Not.Contain("phone"));
        Assert.That(targets, Has.Count.EqualTo(7));
    }
}
