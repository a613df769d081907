using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Api;

/// <summary>
/// iContact's oddities: numeric or string ids, flags as "0"/"1", JSON labelled text/html, null collections
/// </summary>
public class ToleranceTests : EmulatorTestBase
{
    [Test]
    public async Task Ids_written_as_numbers_are_read_as_strings()
    {
        Switch(s => s.NumericIds = true);
        var client = Client();

        var list = await client.CreateListAsync(Folder(), "Customers");
        var accounts = await client.GetAccountsAsync(Credentials());

        Assert.That(list.ListId, Does.Match("^[0-9]+$"));
        Assert.That(accounts.Single().AccountId, Is.EqualTo(Emulator.Options.AccountId));
    }

    [Test]
    public async Task Json_labelled_text_html_is_parsed()
    {
        Switch(s => s.HtmlContentType = true);

        var verification = await Client().VerifyAsync(Credentials());

        Assert.That(verification.Account.Enabled, Is.EqualTo(1), "\"enabled\":\"1\" is a flag");
    }

    [TestCase("""{"id":"7","flag":"1","none":null,"empty":""}""")]
    [TestCase("""{"id":7,"flag":1,"none":null,"empty":""}""")]
    [TestCase("""{"id":7,"flag":true,"extra":{"a":[1,2]},"empty":""}""")]
    public void Lenient_converters_read_every_shape_iContact_sends(string json)
    {
        var value = JsonSerializer.Deserialize<Shapes>(json, IcontactJson.Options)!;

        Assert.That(value.Id, Is.EqualTo("7"));
        Assert.That(value.Flag, Is.EqualTo(1));
        Assert.That(value.None, Is.Null);
        Assert.That(value.Empty, Is.EqualTo(0));
    }

    private sealed record Shapes(string Id, int Flag, string None, int Empty);

    [Test]
    public void Ids_are_sent_as_numbers_when_they_are_digits()
    {
        var json = JsonSerializer.Serialize(new IcontactSubscription { ContactId = "66695798", ListId = "x1", Status = "normal" }, IcontactJson.Options);

        Assert.That(json, Does.Contain("\"contactId\":66695798").And.Contain("\"listId\":\"x1\"").And.Not.Contain("subscriptionId"));
    }

    [TestCase("a")]
    [TestCase("a/")]
    public async Task Paths_are_served_with_and_without_a_trailing_slash(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Emulator.ApiBaseUrl}/{path}");
        request.Headers.Add("api-version", "2.2");
        request.Headers.Add("Api-Appid", Emulator.Options.AppId);
        request.Headers.Add("API-UserName", Emulator.Options.Username);
        request.Headers.Add("api-password", Emulator.Options.AppPassword);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), "header names are case-insensitive too");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"accounts\""));
    }

    private HttpRequestMessage Authenticated(HttpMethod method, string path, string version = "2.2")
    {
        var request = new HttpRequestMessage(method, $"{Emulator.ApiBaseUrl}/{path}");
        request.Headers.Add("API-Version", version);
        request.Headers.Add("API-AppId", Emulator.Options.AppId);
        request.Headers.Add("API-Username", Emulator.Options.Username);
        request.Headers.Add("API-Password", Emulator.Options.AppPassword);
        return request;
    }

    [TestCase("1.0", 501)]
    [TestCase("2.2", 200)]
    [TestCase("2.3", 200)]
    public async Task The_API_version_header_is_checked(string version, int status)
    {
        using var response = await Http.SendAsync(Authenticated(HttpMethod.Get, "a/", version));

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task Moving_a_subscription_needs_API_version_2_2()
    {
        using var response = await Http.SendAsync(Authenticated(HttpMethod.Put, $"a/{Emulator.Options.AccountId}/c/{Emulator.Options.ClientFolderId}/subscriptions/1_2", "2.0"));

        Assert.That((int)response.StatusCode, Is.EqualTo(501));
    }

    [Test]
    public async Task A_non_JSON_accept_header_is_refused()
    {
        var request = Authenticated(HttpMethod.Get, "a/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));

        using var response = await Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(406));
    }

    [Test]
    public async Task Collections_are_ordered_by_orderby()
    {
        var client = Client();
        foreach (var name in new[] { "b", "c", "a" })
            await client.CreateListAsync(Folder(), name);

        using var response = await Http.SendAsync(Authenticated(HttpMethod.Get, $"a/{Emulator.Options.AccountId}/c/{Emulator.Options.ClientFolderId}/lists?orderby=name:desc"));
        var names = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("lists").EnumerateArray()
            .Select(l => l.GetProperty("name").GetString());

        Assert.That(names, Is.EqualTo(new[] { "c", "b", "a" }));
    }

    [Test]
    public async Task Anonymous_requests_get_the_username_error_and_time_needs_no_auth()
    {
        using var anonymous = await Http.GetAsync($"{Emulator.ApiBaseUrl}/a/");
        using var time = await Http.GetAsync($"{Emulator.ApiBaseUrl}/time");

        Assert.That((int)anonymous.StatusCode, Is.EqualTo(401));
        Assert.That(await anonymous.Content.ReadAsStringAsync(), Is.EqualTo("""{"errors":["Api username invalid"]}"""));
        Assert.That((int)time.StatusCode, Is.EqualTo(200));
        Assert.That(await time.Content.ReadAsStringAsync(), Does.Contain("\"timestamp\""));
    }

    [Test]
    public async Task The_control_endpoint_flips_switches_over_HTTP()
    {
        using var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/switches",
            new StringContent("""{"outage":true}""", Encoding.UTF8, "application/json"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        FailsWith(IcontactErrorKind.Unavailable, () => Client().GetAccountsAsync(Credentials()));

        using var state = await Http.GetAsync($"{Emulator.RootUrl}/_emulator/state");
        Assert.That(await state.Content.ReadAsStringAsync(), Does.Contain("\"requestCount\":1"));
    }

    [Test]
    public async Task An_unknown_switch_is_refused()
    {
        using var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/switches",
            new StringContent("""{"noSuchSwitch":true}""", Encoding.UTF8, "application/json"));

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task Revoked_credentials_fail_until_the_new_ones_are_used()
    {
        using var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/credentials",
            new StringContent("""{"appPassword":"rotated"}""", Encoding.UTF8, "application/json"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        FailsWith(IcontactErrorKind.WrongPassword, () => Client().GetAccountsAsync(Credentials()));
        Assert.That(await Client().GetAccountsAsync(Credentials(password: "rotated")), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_list_re_created_through_the_control_endpoint_keeps_its_name_and_gets_a_new_id()
    {
        var list = await Client().CreateListAsync(Folder(), "Customers");

        using var response = await Http.PostAsync($"{Emulator.RootUrl}/_emulator/lists/{list.ListId}/recreate", null);
        var recreated = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(recreated.GetProperty("name").GetString(), Is.EqualTo("Customers"));
        Assert.That(long.Parse(recreated.GetProperty("listId").GetString()!), Is.GreaterThan(long.Parse(list.ListId)));
    }
}
