using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.IContact.Models;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// The configure form in a store's scope, posted as the browser posts it: only overridden inputs and the override flags
/// </summary>
public class StoreScopeFormTests : ConfigurationControllerTestBase
{
    private const int StoreId = 2;

    [SetUp]
    public void SecondStoreScope()
    {
        //the shared settings work; store 2 overrides nothing, so it loads the shared values (LoadSettingAsync falls back)
        StoredSettings[0] = ConfiguredSettings();
        StoredSettings[0].BatchSize = 250;
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(StoreId);
    }

    private async Task<ConfigurationModel> ShownAsync() => (ConfigurationModel)((ViewResult)await CreateController().Configure()).Model;

    private void VerifySavedFor<TProp>(Expression<Func<IcontactSettings, TProp>> property, bool overrideForStore) =>
        VerifySaved(property, overrideForStore, StoreId);

    [Test]
    public void The_post_helper_reads_every_overridable_input_of_the_real_form()
    {
        var fields = BrowserPost.FormFields();

        Assert.That(fields.Where(f => f.OverrideFlag is not null).Select(f => f.Name), Is.SupersetOf(new[]
        {
            nameof(ConfigurationModel.Username), nameof(ConfigurationModel.AppId), nameof(ConfigurationModel.AppPassword),
            nameof(ConfigurationModel.BatchSize), nameof(ConfigurationModel.RequestTimeoutSeconds), nameof(ConfigurationModel.DeleteContactOnCustomerErase)
        }));
    }

    [Test]
    public async Task Saving_without_overriding_anything_passes_validation_and_connects_with_the_inherited_credentials()
    {
        var shown = await ShownAsync();
        var controller = CreateController();
        var posted = await BrowserPost.BindAsync(controller, BrowserPost.Of(shown));
        Assume.That(posted.BatchSize, Is.Zero, "the browser did not post the disabled input");

        var model = (ConfigurationModel)((ViewResult)await controller.Configure(posted)).Model;

        Assert.That(controller.ModelState.IsValid, Is.True, string.Join("; ", controller.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        Assert.That(Shown, Does.Contain(("success", "Admin.Plugins.Saved")));
        Assert.That(Shown.Where(s => s.Type == "error"), Is.Empty, "the inherited username and AppID were verified");
        VerifySavedFor(s => s.BatchSize, false);
        VerifySavedFor(s => s.Username, false);
        VerifySavedFor(s => s.EncryptedAppPassword, false);
        Assert.That(model.BatchSize, Is.EqualTo(250));
    }

    [Test]
    public async Task Saving_one_override_keeps_its_typed_value_and_inherits_the_rest()
    {
        var shown = await ShownAsync();
        var controller = CreateController();
        var posted = await BrowserPost.BindAsync(controller, BrowserPost.Of(shown, new Dictionary<string, object> { [nameof(ConfigurationModel.BatchSize)] = 40 }));

        await controller.Configure(posted);

        Assert.That(controller.ModelState.IsValid, Is.True);
        VerifySavedFor(s => s.BatchSize, true);
        VerifySavedFor(s => s.RequestsPerHour, false);
        SettingService.Verify(s => s.SaveSettingOverridablePerStoreAsync(It.Is<IcontactSettings>(x => x.BatchSize == 40 && x.MaxAttempts == 10),
            It.IsAny<Expression<Func<IcontactSettings, int>>>(), It.IsAny<bool>(), StoreId, It.IsAny<bool>()));
    }

    [Test]
    public async Task An_overridden_value_out_of_range_is_still_refused()
    {
        var shown = await ShownAsync();
        var controller = CreateController();
        var posted = await BrowserPost.BindAsync(controller, BrowserPost.Of(shown, new Dictionary<string, object> { [nameof(ConfigurationModel.BatchSize)] = 0 }));

        await controller.Configure(posted);

        Assert.That(controller.ModelState[nameof(ConfigurationModel.BatchSize)]!.Errors, Is.Not.Empty);
        Assert.That(Shown, Does.Not.Contain(("success", "Admin.Plugins.Saved")));
    }

    [Test]
    public async Task Verify_without_overrides_uses_the_store_s_effective_credentials()
    {
        var shown = await ShownAsync();
        var controller = CreateController();
        var posted = await BrowserPost.BindAsync(controller, BrowserPost.Of(shown));

        await controller.Verify(posted);

        Assert.That(Shown.Where(s => s.Type == "error"), Is.Empty);
        Assert.That(Shown.Single(s => s.Type == "success").Message, Does.Contain(Emulator.Options.AccountId));
    }
}
