using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Tests.Api;

public class CredentialTests
{
    private const string AppId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    [Test]
    public void Values_are_trimmed_and_the_username_keeps_its_case()
    {
        var credentials = IcontactCredentials.Create("  Owner@Example.com \t", $"  {AppId}\n", " secret ", " https://app.icontact.com/icp/ ");

        Assert.Multiple(() =>
        {
            Assert.That(credentials.Username, Is.EqualTo("Owner@Example.com"));
            Assert.That(credentials.AppId, Is.EqualTo(AppId));
            Assert.That(credentials.AppPassword, Is.EqualTo("secret"));
            Assert.That(credentials.ApiBaseUrl.AbsoluteUri, Is.EqualTo("https://app.icontact.com/icp"));
            Assert.That(credentials.AppIdWhitespaceRemoved, Is.True);
        });
    }

    [Test]
    public void A_clean_AppID_reports_no_removed_whitespace()
    {
        Assert.That(IcontactCredentials.Create("u", AppId, "p").AppIdWhitespaceRemoved, Is.False);
    }

    [Test]
    public void Spaces_inside_a_pasted_AppID_are_removed()
    {
        var credentials = IcontactCredentials.Create("u", AppId[..16] + " " + AppId[16..], "p");

        Assert.That(credentials.AppId, Is.EqualTo(AppId));
        Assert.That(credentials.AppIdWhitespaceRemoved, Is.True);
    }

    [Test]
    public void A_31_character_AppID_is_rejected_locally_with_its_length()
    {
        var exception = Assert.Throws<IcontactApiException>(() => IcontactCredentials.Create("u", AppId[..31], "p"));

        Assert.That(exception!.Kind, Is.EqualTo(IcontactErrorKind.InvalidAppIdFormat));
        Assert.That(exception.Message, Does.Contain("32").And.Contain("31").And.Not.Contain(AppId[..31]));
    }

    [Test]
    public void A_too_short_AppID_with_spaces_says_the_spaces_were_removed()
    {
        var exception = Assert.Throws<IcontactApiException>(() => IcontactCredentials.Create("u", " " + AppId[..30] + " ", "p"));

        Assert.That(exception!.Message, Does.Contain("30").And.Contain("removing spaces"));
    }

    [Test]
    public void An_AppID_with_other_characters_is_rejected()
    {
        var exception = Assert.Throws<IcontactApiException>(() => IcontactCredentials.Create("u", AppId[..31] + "-", "p"));

        Assert.That(exception!.Kind, Is.EqualTo(IcontactErrorKind.InvalidAppIdFormat));
        Assert.That(exception.Message, Does.Contain("letters and digits"));
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void An_empty_username_is_rejected(string username)
    {
        Assert.That(Assert.Throws<IcontactApiException>(() => IcontactCredentials.Create(username, AppId, "p"))!.Kind,
            Is.EqualTo(IcontactErrorKind.MissingUsername));
    }

    [TestCase(null)]
    [TestCase(" ")]
    public void An_empty_password_is_rejected(string password)
    {
        Assert.That(Assert.Throws<IcontactApiException>(() => IcontactCredentials.Create("u", AppId, password))!.Kind,
            Is.EqualTo(IcontactErrorKind.MissingPassword));
    }

    [TestCase("app.icontact.com/icp")]
    [TestCase("ftp://app.icontact.com/icp")]
    public void A_relative_or_non_http_API_URL_is_rejected(string url)
    {
        Assert.That(Assert.Throws<IcontactApiException>(() => IcontactCredentials.Create("u", AppId, "p", url))!.Kind,
            Is.EqualTo(IcontactErrorKind.InvalidApiUrl));
    }

    [Test]
    public void An_empty_API_URL_means_production()
    {
        Assert.That(IcontactCredentials.Create("u", AppId, "p", " ").ApiBaseUrl.AbsoluteUri, Is.EqualTo("https://app.icontact.com/icp"));
    }

    [Test]
    public void Descriptions_carry_no_secret()
    {
        var credentials = IcontactCredentials.Create("owner", AppId, "very-secret");
        var folder = new IcontactFolder(credentials, "1", "2");

        Assert.That(credentials.ToString(), Does.Not.Contain("very-secret").And.Not.Contain(AppId));
        Assert.That(folder.ToString(), Does.Not.Contain("very-secret").And.Not.Contain(AppId));
    }
}
