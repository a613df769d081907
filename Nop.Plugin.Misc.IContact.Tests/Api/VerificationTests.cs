using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Api;

/// <summary>
/// "Verify API credentials" against the emulator over HTTP: success, and one distinct diagnosis per wrong credential
/// </summary>
public class VerificationTests : EmulatorTestBase
{
    [Test]
    public async Task Valid_credentials_find_the_account_folder_and_list_count()
    {
        lock (Emulator.State.Lock)
        {
            Emulator.State.AddList("Customers");
            Emulator.State.AddList("Newsletter");
        }

        var verification = await Client().VerifyAsync(Credentials());

        Assert.Multiple(() =>
        {
            Assert.That(verification.Account.AccountId, Is.EqualTo(Emulator.Options.AccountId));
            Assert.That(verification.ClientFolderId, Is.EqualTo(Emulator.Options.ClientFolderId));
            Assert.That(verification.ClientFolders, Has.Count.EqualTo(1));
            Assert.That(verification.ListCount, Is.EqualTo(2));
            Assert.That(verification.AppIdWhitespaceRemoved, Is.False);
        });
    }

    [Test]
    public async Task An_AppID_pasted_with_spaces_verifies_and_says_so()
    {
        var verification = await Client().VerifyAsync(Credentials(appId: $"  {Emulator.Options.AppId} "));

        Assert.That(verification.AppIdWhitespaceRemoved, Is.True);
    }

    [Test]
    public async Task The_preferred_folder_is_chosen_when_there_are_several()
    {
        lock (Emulator.State.Lock)
            Emulator.State.ClientFolderIds.Add("777");

        var verification = await Client().VerifyAsync(Credentials(), preferredClientFolderId: "777");

        Assert.That(verification.ClientFolderId, Is.EqualTo("777"));
        Assert.That(verification.ClientFolders.Select(f => f.ClientFolderId), Is.EquivalentTo(new[] { Emulator.Options.ClientFolderId, "777" }));
    }

    [Test]
    public void A_wrong_username_is_named()
    {
        var exception = FailsWith(IcontactErrorKind.UnknownUsername, () => Client().VerifyAsync(Credentials(username: "someone-else")));

        Assert.That(exception.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized));
        Assert.That(exception.ServerMessages, Is.EqualTo(new[] { "Api username invalid" }));
    }

    [Test]
    public void A_username_in_another_case_is_rejected_when_iContact_compares_case()
    {
        FailsWith(IcontactErrorKind.UnknownUsername, () => Client().VerifyAsync(Credentials(username: Emulator.Options.Username.ToUpperInvariant())));
    }

    [Test]
    public async Task A_username_in_another_case_passes_when_the_emulator_ignores_case()
    {
        Switch(s => s.UsernameCaseSensitive = false);

        var verification = await Client().VerifyAsync(Credentials(username: Emulator.Options.Username.ToUpperInvariant()));

        Assert.That(verification.Account.AccountId, Is.EqualTo(Emulator.Options.AccountId));
    }

    [Test]
    public void A_wrong_password_is_named()
    {
        FailsWith(IcontactErrorKind.WrongPassword, () => Client().VerifyAsync(Credentials(password: "not-the-app-password")), "not-the-app-password");
    }

    [Test]
    public void An_unknown_AppID_is_named()
    {
        const string otherAppId = "ffffffffffffffffffffffffffffffff";
        FailsWith(IcontactErrorKind.AppIdNotRecognized, () => Client().VerifyAsync(Credentials(appId: otherAppId)), otherAppId);
    }

    [Test]
    public void An_AppID_not_enabled_for_the_user_is_named()
    {
        Switch(s => s.AppIdDisabled = true);

        FailsWith(IcontactErrorKind.AppIdNotRecognized, () => Client().VerifyAsync(Credentials()));
    }

    [Test]
    public void A_31_character_AppID_never_reaches_iContact()
    {
        var before = RequestCount;

        FailsWith(IcontactErrorKind.InvalidAppIdFormat, () => Client().VerifyAsync(Credentials(appId: Emulator.Options.AppId[..31])));

        Assert.That(RequestCount, Is.EqualTo(before));
    }

    [Test]
    public void A_disabled_account_is_reported()
    {
        Switch(s => s.AccountDisabled = true);

        FailsWith(IcontactErrorKind.AccountDisabled, () => Client().VerifyAsync(Credentials()));
    }

    [Test]
    public void An_account_without_client_folders_is_reported()
    {
        lock (Emulator.State.Lock)
            Emulator.State.ClientFolderIds.Clear();

        FailsWith(IcontactErrorKind.NoAccount, () => Client().VerifyAsync(Credentials()));
    }

    [Test]
    public void An_unpaid_account_is_reported()
    {
        Switch(s => s.Unpaid = true);

        var exception = FailsWith(IcontactErrorKind.PaymentRequired, () => Client().VerifyAsync(Credentials()));
        Assert.That(exception.RequiresOwnerAction, Is.True);
        Assert.That(exception.IsTransient, Is.False);
    }

    [Test]
    public void A_forbidden_user_is_reported()
    {
        Switch(s => s.Forbidden = true);

        FailsWith(IcontactErrorKind.Forbidden, () => Client().VerifyAsync(Credentials()));
    }
}
