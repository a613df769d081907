using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.IContact.Controllers;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Services.Configuration;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

public class CredentialPageTests : ConfigurationControllerTestBase
{
    private ConfigurationModel ValidForm(string password = null) => new()
    {
        Username = $"  {Emulator.Options.Username}  ",
        AppId = $" {Emulator.Options.AppId[..16]} {Emulator.Options.AppId[16..]}\t",
        AppPassword = password ?? $" {Emulator.Options.AppPassword} ",
        ApiBaseUrl = $" {Emulator.ApiBaseUrl} ",
        BatchSize = 250, RequestsPerHour = 9000, RequestsPerDay = 63000, MaxAttempts = 10, RequestTimeoutSeconds = 10, DoneRetentionDays = 30
    };

    private static ConfigurationModel ModelOf(IActionResult result) => (ConfigurationModel)((ViewResult)result).Model;

    [Test]
    public async Task Save_trims_values_encrypts_the_password_and_finds_the_account()
    {
        await CreateController().Configure(ValidForm());

        var saved = StoredSettings[0];
        Assert.Multiple(() =>
        {
            Assert.That(saved.Username, Is.EqualTo(Emulator.Options.Username));
            Assert.That(saved.AppId, Is.EqualTo(Emulator.Options.AppId));
            Assert.That(saved.EncryptedAppPassword, Is.EqualTo(EncryptedPrefix + Emulator.Options.AppPassword));
            Assert.That(saved.ApiBaseUrl, Is.EqualTo(Emulator.ApiBaseUrl));
            Assert.That(saved.AccountId, Is.EqualTo(Emulator.Options.AccountId));
            Assert.That(saved.ClientFolderId, Is.EqualTo(Emulator.Options.ClientFolderId));
        });
        VerifySaved(s => s.EncryptedAppPassword, false, 0);
        VerifySaved(s => s.Username, false, 0);
        Assert.That(Shown, Does.Contain(("success", "Admin.Plugins.Saved")));
    }

    [Test]
    public async Task Saving_a_customer_id_field_creates_it_in_iContact()
    {
        var form = ValidForm();
        form.CustomerIdCustomField = " nop_customer_id ";

        await CreateController().Configure(form);

        Assert.That(StoredSettings[0].CustomerIdCustomField, Is.EqualTo("nop_customer_id"));
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.CustomFields.Keys, Is.EqualTo(new[] { "nop_customer_id" }));
    }

    [Test]
    public async Task A_custom_field_name_with_spaces_is_refused_with_a_localized_message()
    {
        var form = ValidForm();
        form.CustomerIdCustomField = "customer id";
        var controller = CreateController();

        await controller.Configure(form);

        Assert.That(controller.ModelState[nameof(ConfigurationModel.CustomerIdCustomField)]!.Errors.Single().ErrorMessage,
            Is.EqualTo(English("Plugins.Misc.IContact.Fields.CustomerIdCustomField.Invalid")));
        Assert.That(StoredSettings[0].Username, Is.Null, "nothing was saved");
    }

    [Test]
    public async Task The_password_is_never_in_the_model_sent_to_the_view()
    {
        StoredSettings[0] = ConfiguredSettings();

        var shown = ModelOf(await CreateController().Configure());
        var verified = ModelOf(await CreateController().Verify(ValidForm()));
        var saved = ModelOf(await CreateController().Configure(ValidForm()));

        foreach (var model in new[] { shown, verified, saved })
        {
            Assert.That(model.AppPassword, Is.Null);
            Assert.That(model.AppPasswordIsSet, Is.True);
        }
    }

    [Test]
    public async Task A_blank_password_keeps_the_stored_one()
    {
        StoredSettings[0] = ConfiguredSettings();
        var form = ValidForm();
        form.AppPassword = "   ";

        await CreateController().Configure(form);

        Assert.That(StoredSettings[0].EncryptedAppPassword, Is.EqualTo(EncryptedPrefix + Emulator.Options.AppPassword));
        Assert.That(Shown.Where(s => s.Type == "error"), Is.Empty, "the stored password was used to verify");
    }

    [Test]
    public async Task Verify_checks_the_unsaved_form_and_saves_nothing()
    {
        var result = await CreateController().Verify(ValidForm());

        var model = ModelOf(result);
        Assert.That(model.AccountId, Is.EqualTo(Emulator.Options.AccountId));
        Assert.That(model.Username, Does.Contain(Emulator.Options.Username), "the form keeps what was typed");
        Assert.That(Shown.Single().Type, Is.EqualTo("success"));
        Assert.That(Shown.Single().Message, Does.StartWith(English("Plugins.Misc.IContact.Verify.Success", Emulator.Options.AccountId, Emulator.Options.ClientFolderId, 0)));
        Assert.That(Shown.Single().Message, Does.Contain(English("Plugins.Misc.IContact.Errors.AppIdWhitespaceRemoved")));
        SettingService.Verify(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<IcontactSettings>(), It.IsAny<System.Linq.Expressions.Expression<Func<IcontactSettings, string>>>(),
            It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()), Times.Never);
        Assert.That(StoredSettings[0].Username, Is.Null);
    }

    private async Task<string> VerifyFailsWith(ConfigurationModel form)
    {
        await CreateController().Verify(form);
        var error = Shown.Single(s => s.Type == "error").Message;
        Assert.That(error, Does.Not.Contain(Emulator.Options.AppPassword));
        return error;
    }

    [Test]
    public async Task Each_verification_failure_has_its_own_message()
    {
        var messages = new Dictionary<string, string>();

        var form = ValidForm(); form.Username = "someone";
        messages["username"] = await VerifyFailsWith(form);
        Shown.Clear();

        form = ValidForm("wrong-password");
        messages["password"] = await VerifyFailsWith(form);
        Shown.Clear();

        form = ValidForm(); form.AppId = new string('f', 32);
        messages["appId"] = await VerifyFailsWith(form);
        Shown.Clear();

        form = ValidForm(); form.AppId = Emulator.Options.AppId[..31];
        messages["appIdFormat"] = await VerifyFailsWith(form);
        Shown.Clear();

        Switch(s => s.AccountDisabled = true);
        messages["disabled"] = await VerifyFailsWith(ValidForm());
        Shown.Clear();

        Switch(s => { s.AccountDisabled = false; s.Unpaid = true; });
        messages["unpaid"] = await VerifyFailsWith(ValidForm());
        Shown.Clear();

        Switch(s => { s.Unpaid = false; s.Outage = true; });
        messages["outage"] = await VerifyFailsWith(ValidForm());

        Assert.Multiple(() =>
        {
            Assert.That(messages["username"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.UnknownUsername")));
            Assert.That(messages["username"], Does.Contain("case-sensitive"));
            Assert.That(messages["password"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.WrongPassword")));
            Assert.That(messages["appId"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.AppIdNotRecognized")));
            Assert.That(messages["appIdFormat"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.InvalidAppIdFormat", 31)));
            Assert.That(messages["disabled"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.AccountDisabled")));
            Assert.That(messages["unpaid"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.PaymentRequired")));
            Assert.That(messages["outage"], Is.EqualTo(English("Plugins.Misc.IContact.Errors.Unavailable")));
        });
        Assert.That(messages.Values, Is.Unique);
    }

    [Test]
    public async Task An_unreachable_iContact_is_reported_as_such()
    {
        var form = ValidForm();
        form.ApiBaseUrl = "http://127.0.0.1:9/icp";

        var error = await VerifyFailsWith(form);

        Assert.That(error, Does.StartWith("iContact could not be reached or did not answer in time"));
    }

    [Test]
    public async Task A_failed_save_still_keeps_what_was_entered_and_says_why()
    {
        var form = ValidForm("wrong-password");

        await CreateController().Configure(form);

        Assert.That(StoredSettings[0].Username, Is.EqualTo(Emulator.Options.Username));
        Assert.That(Shown, Does.Contain(("error", English("Plugins.Misc.IContact.Errors.WrongPassword"))));
        Assert.That(StatusRepository.Items.Single().LastError, Is.EqualTo(English("Plugins.Misc.IContact.Errors.WrongPassword")));
    }

    [Test]
    public async Task Store_overrides_are_loaded_for_the_store_scope()
    {
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);
        SettingService.Setup(s => s.SettingExistsAsync(It.IsAny<IcontactSettings>(),
            It.Is<System.Linq.Expressions.Expression<Func<IcontactSettings, string>>>(e => e.ToString() == "s => s.Username"), 2)).ReturnsAsync(true);

        var model = ModelOf(await CreateController().Configure());

        Assert.That(model.ActiveStoreScopeConfiguration, Is.EqualTo(2));
        Assert.That(model.Username_OverrideForStore, Is.True);
        Assert.That(model.AppId_OverrideForStore, Is.False);
    }

    [Test]
    public async Task Store_overrides_are_saved_for_the_store_scope()
    {
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);
        var form = ValidForm();
        form.Username_OverrideForStore = true;
        form.AppPassword_OverrideForStore = true;
        form.BatchSize_OverrideForStore = false;

        await CreateController().Configure(form);

        VerifySaved(s => s.Username, true, 2);
        VerifySaved(s => s.AccountId, true, 2);
        VerifySaved(s => s.EncryptedAppPassword, true, 2);
        VerifySaved(s => s.AppId, false, 2);
        VerifySaved(s => s.BatchSize, false, 2);
    }

    [TestCase(typeof(IcontactController))]
    [TestCase(typeof(IcontactRulesController))]
    [TestCase(typeof(IcontactSyncController))]
    [TestCase(typeof(IcontactFieldsController))]
    [TestCase(typeof(IcontactWebhooksController))]
    public void Every_action_requires_the_plugin_permission_and_the_antiforgery_token(Type type)
    {
        Assert.That(type.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Not.Null);
        Assert.That(type.GetCustomAttribute<AreaAttribute>()?.RouteValue, Is.EqualTo(AreaNames.ADMIN));
        Assert.That(type.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>(), Is.Not.Null);

        var actions = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.That(actions, Is.Not.Empty);
        foreach (var action in actions)
        {
            var permissions = action.GetCustomAttributes<CheckPermissionAttribute>().SelectMany(a => a.PermissionSystemName);
            Assert.That(permissions, Does.Contain(StandardPermission.Configuration.MANAGE_PLUGINS), action.Name);
        }
    }

    [TestCase(typeof(IcontactController))]
    [TestCase(typeof(IcontactRulesController))]
    [TestCase(typeof(IcontactSyncController))]
    public void Every_state_changing_action_accepts_only_POST(Type type)
    {
        var actions = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(a => a.GetParameters().Length > 0 || a.Name is "UseSharedRules");

        foreach (var action in actions)
            Assert.That(action.GetCustomAttribute<HttpPostAttribute>(), Is.Not.Null, action.Name);
    }
}
