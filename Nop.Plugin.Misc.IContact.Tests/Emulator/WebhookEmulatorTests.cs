using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IcontactEmulator;

namespace Nop.Plugin.Misc.IContact.Tests.Emulator;

/// <summary>
/// The emulator's web hooks over plain HTTP: the resource, the refusal switch, and the calls it makes to a receiver
/// on loopback when subscriptions change (through the API or a simulated campaign unsubscribe)
/// </summary>
public class WebhookEmulatorTests
{
    private EmulatorServer _emulator;
    private HttpClient _http;
    private HookReceiver _receiver;

    private string Folder => $"{_emulator.ApiBaseUrl}/a/{_emulator.Options.AccountId}/c/{_emulator.Options.ClientFolderId}";

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _emulator = await EmulatorServer.StartAsync();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [SetUp]
    public async Task ResetEmulatorAndStartReceiver()
    {
        lock (_emulator.State.Lock)
        {
            _emulator.State.Reset();
            _emulator.State.ClientFolderIds.Clear();
            _emulator.State.ClientFolderIds.Add(_emulator.Options.ClientFolderId);
        }
        _receiver = await HookReceiver.StartAsync();
    }

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    #region Helpers

    private async Task<(HttpStatusCode Status, JsonNode Body)> ApiAsync(HttpMethod method, string url, object body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("API-Version", "2.2");
        request.Headers.Add("API-AppId", _emulator.Options.AppId);
        request.Headers.Add("API-Username", _emulator.Options.Username);
        request.Headers.Add("API-Password", _emulator.Options.AppPassword);
        request.Headers.Add("Accept", "application/json");
        if (body is not null)
            request.Content = new StringContent(body as string ?? System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<JsonNode> ControlAsync(string path, object body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _http.PostAsync($"{_emulator.RootUrl}/_emulator/{path}",
            new StringContent(body is null ? "" : System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Length > 0 ? JsonNode.Parse(text) : null;
    }

    private async Task SwitchAsync(object switches) => await ControlAsync("switches", switches);

    private async Task<JsonArray> DeliveriesAsync(string query = "")
    {
        var text = await _http.GetStringAsync($"{_emulator.RootUrl}/_emulator/webhooks/deliveries{query}");
        return JsonNode.Parse(text)!["deliveries"]!.AsArray();
    }

    /// <summary>Polls the delivery log until every delivery is finished and there are at least <paramref name="count"/> (bounded).</summary>
    private async Task<JsonArray> FinishedDeliveriesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var deliveries = await DeliveriesAsync();
            if (deliveries.Count >= count && deliveries.All(d => (string)d!["state"] != DeliveryRecord.Pending))
                return deliveries;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"deliveries not finished within 10 s: {deliveries.ToJsonString()}");
                return null;
            }
            await Task.Delay(25);
        }
    }

    private async Task<string> CreateHookAsync(string eventId, string url = null)
    {
        var (status, body) = await ApiAsync(HttpMethod.Post, $"{Folder}/webhooks", new[] { new { url = url ?? $"{_receiver.RootUrl}/hooks/{eventId}", eventId } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return (string)body!["webhooks"]![0]!["webhookId"];
    }

    private async Task<string> CreateListAsync(string name)
    {
        var (_, body) = await ApiAsync(HttpMethod.Post, $"{Folder}/lists", new[] { new { name } });
        return (string)body!["lists"]![0]!["listId"];
    }

    private async Task<string> CreateContactAsync(string email)
    {
        var (_, body) = await ApiAsync(HttpMethod.Post, $"{Folder}/contacts", new[] { new { email, firstName = "Ann" } });
        return (string)body!["contacts"]![0]!["contactId"];
    }

    private async Task SubscribeAsync(string contactId, string listId, string status = "normal")
    {
        var (code, body) = await ApiAsync(HttpMethod.Post, $"{Folder}/subscriptions", new[] { new { contactId, listId, status } });
        Assert.That(body!["subscriptions"], Is.Not.Null, body.ToJsonString());
        Assert.That(code, Is.EqualTo(HttpStatusCode.OK));
    }

    private static JsonArray Parse(HookReceiver.Call call) => JsonNode.Parse(call.Body)!.AsArray();

    /// <summary>ann@example.com subscribed (normal) to a new list of each name; returns her id and the lists' ids</summary>
    private async Task<(string ContactId, string[] ListIds)> SubscribedContactAsync(params string[] listNames)
    {
        var listIds = new List<string>();
        foreach (var name in listNames)
            listIds.Add(await CreateListAsync(name));
        var contactId = await CreateContactAsync("ann@example.com");
        foreach (var listId in listIds)
            await SubscribeAsync(contactId, listId);
        return (contactId, listIds.ToArray());
    }

    #endregion

    #region The resource

    [Test]
    public async Task A_created_hook_gets_a_string_id_that_grows_and_reads_back()
    {
        var first = await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var second = await CreateHookAsync(IcontactApi.ContactSubscribed);

        var (status, one) = await ApiAsync(HttpMethod.Get, $"{Folder}/webhooks/{second}");
        var (_, all) = await ApiAsync(HttpMethod.Get, $"{Folder}/webhooks/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(long.Parse(second), Is.GreaterThan(long.Parse(first)));
        Assert.That(one!["webhook"]!["webhookId"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
        Assert.That((string)one["webhook"]!["eventId"], Is.EqualTo(IcontactApi.ContactSubscribed));
        Assert.That((string)one["webhook"]!["url"], Is.EqualTo($"{_receiver.RootUrl}/hooks/contact_subscribed"));
        Assert.That((int)all!["total"], Is.EqualTo(2));
        Assert.That(all["webhooks"]!.AsArray().Select(w => (string)w!["webhookId"]), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public async Task A_deleted_hook_is_gone_and_its_id_is_never_reused()
    {
        var id = await CreateHookAsync(IcontactApi.ContactUnsubscribed);

        var (deleteStatus, deleteBody) = await ApiAsync(HttpMethod.Delete, $"{Folder}/webhooks/{id}");
        var (getStatus, getBody) = await ApiAsync(HttpMethod.Get, $"{Folder}/webhooks/{id}");
        var next = await CreateHookAsync(IcontactApi.ContactUnsubscribed);

        Assert.That(deleteStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(deleteBody!.ToJsonString(), Is.EqualTo("[]"));
        Assert.That(getStatus, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(getBody!["errors"]!.AsArray(), Is.Not.Empty);
        Assert.That(long.Parse(next), Is.GreaterThan(long.Parse(id)));
    }

    [Test]
    public async Task Hooks_without_a_valid_url_or_event_are_refused_with_warnings_and_not_stored()
    {
        var (status, body) = await ApiAsync(HttpMethod.Post, $"{Folder}/webhooks", new object[]
        {
            new { eventId = IcontactApi.ContactUnsubscribed },
            new { url = "not a url", eventId = IcontactApi.ContactUnsubscribed },
            new { url = "ftp://127.0.0.1/hook", eventId = IcontactApi.ContactUnsubscribed },
            new { url = $"{_receiver.RootUrl}/hook", eventId = "contact_donotcontact" }
        });
        var (_, all) = await ApiAsync(HttpMethod.Get, $"{Folder}/webhooks");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "iContact answers 200 with warnings when it rejects a whole batch");
        Assert.That(body!["webhooks"], Is.Null);
        Assert.That(body["warnings"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That((int)all!["total"], Is.Zero);
    }

    [Test]
    public async Task A_hook_belongs_to_the_client_folder_it_was_created_in()
    {
        lock (_emulator.State.Lock)
            _emulator.State.ClientFolderIds.Add("777");
        var id = await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var otherFolder = $"{_emulator.ApiBaseUrl}/a/{_emulator.Options.AccountId}/c/777";

        var (_, list) = await ApiAsync(HttpMethod.Get, $"{otherFolder}/webhooks");
        var (status, _) = await ApiAsync(HttpMethod.Get, $"{otherFolder}/webhooks/{id}");

        Assert.That((int)list!["total"], Is.Zero);
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_refusal_switch_answers_the_resource_like_iContact_refuses_an_account_and_leaves_other_resources_alone()
    {
        await SwitchAsync(new { webhooksRefused = true });
        var (postStatus, postBody) = await ApiAsync(HttpMethod.Post, $"{Folder}/webhooks", new[] { new { url = $"{_receiver.RootUrl}/h", eventId = IcontactApi.ContactUnsubscribed } });
        var (listsStatus, _) = await ApiAsync(HttpMethod.Get, $"{Folder}/lists");
        await SwitchAsync(new { webhooksRefusedStatus = 404 });
        var (getStatus, getBody) = await ApiAsync(HttpMethod.Get, $"{Folder}/webhooks");

        Assert.That(postStatus, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string)postBody!["errors"]![0], Is.EqualTo(IcontactApi.WebhooksNotPermitted));
        Assert.That(listsStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(getStatus, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(getBody!["errors"]!.AsArray(), Is.Not.Empty);
        lock (_emulator.State.Lock)
            Assert.That(_emulator.State.Webhooks, Is.Empty);
    }

    #endregion

    #region Calls to hooks

    [Test]
    public async Task An_unsubscribe_through_the_API_posts_contact_and_list_to_the_hook()
    {
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter");
        var listId = lists[0];

        var (status, _) = await ApiAsync(HttpMethod.Post, $"{Folder}/subscriptions/{listId}_{contactId}", new { status = "unsubscribed" });
        var calls = await _receiver.WaitForCallsAsync(1);
        var deliveries = await FinishedDeliveriesAsync(1);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(calls, Has.Length.EqualTo(1), "subscribing fired no unsubscribe hook");
        Assert.That(calls[0].Path, Is.EqualTo("/hooks/contact_unsubscribed"));
        Assert.That(calls[0].ContentType, Does.StartWith("application/json"));
        var item = Parse(calls[0]).Single()!;
        Assert.That((string)item["contact"]!["contactId"], Is.EqualTo(contactId));
        Assert.That((string)item["contact"]!["email"], Is.EqualTo("ann@example.com"));
        Assert.That((string)item["list"]!["listId"], Is.EqualTo(listId));
        Assert.That((string)item["list"]!["name"], Is.EqualTo("Newsletter"));
        Assert.That((string)deliveries.Single()!["state"], Is.EqualTo(DeliveryRecord.Delivered));
        Assert.That((int)deliveries.Single()!["statusCode"], Is.EqualTo(200));
    }

    [Test]
    public async Task The_API_answers_before_the_hook_answers()
    {
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter");
        var listId = lists[0];
        _receiver.Hold();

        var (status, _) = await ApiAsync(HttpMethod.Post, $"{Folder}/subscriptions/{listId}_{contactId}", new { status = "unsubscribed" });
        await _receiver.WaitForCallsAsync(1);
        var whileHeld = await DeliveriesAsync();
        _receiver.Release();
        var finished = await FinishedDeliveriesAsync(1);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the API answered while the receiver was still holding its answer");
        Assert.That((string)whileHeld.Single()!["state"], Is.EqualTo(DeliveryRecord.Pending));
        Assert.That((string)finished.Single()!["state"], Is.EqualTo(DeliveryRecord.Delivered));
    }

    [Test]
    public async Task A_hook_that_does_not_answer_in_time_is_recorded_as_failed()
    {
        await SwitchAsync(new { webhookTimeoutMs = 300 });
        var hookId = await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter");
        var listId = lists[0];
        _receiver.Hold();

        await ControlAsync($"contacts/{contactId}/unsubscribe");
        var delivery = (await FinishedDeliveriesAsync(1)).Single()!;

        Assert.That((string)delivery["webhookId"], Is.EqualTo(hookId));
        Assert.That((string)delivery["state"], Is.EqualTo(DeliveryRecord.Failed));
        Assert.That(delivery["statusCode"], Is.Null);
        Assert.That((string)delivery["error"], Does.Contain("timed out"));
    }

    [Test]
    public async Task A_hook_answering_an_error_is_recorded_with_its_status()
    {
        _receiver.StatusCode = 500;
        await CreateHookAsync(IcontactApi.ContactCreated);

        await CreateContactAsync("ann@example.com");
        var delivery = (await FinishedDeliveriesAsync(1)).Single()!;

        Assert.That((string)delivery["state"], Is.EqualTo(DeliveryRecord.Failed));
        Assert.That((int)delivery["statusCode"], Is.EqualTo(500));
        Assert.That((string)delivery["eventId"], Is.EqualTo(IcontactApi.ContactCreated));
    }

    [Test]
    public async Task A_confirmed_double_opt_in_posts_contact_subscribed_and_pending_alone_posts_nothing()
    {
        await CreateHookAsync(IcontactApi.ContactSubscribed);
        var listId = await CreateListAsync("Newsletter");
        var contactId = await CreateContactAsync("ann@example.com");
        await SubscribeAsync(contactId, listId, "pending");

        await ControlAsync($"subscriptions/{listId}_{contactId}/confirm");
        var calls = await _receiver.WaitForCallsAsync(1);
        var deliveries = await FinishedDeliveriesAsync(1);

        Assert.That(deliveries, Has.Count.EqualTo(1), "the pending subscription itself was not announced");
        Assert.That((string)Parse(calls[0]).Single()!["list"]!["listId"], Is.EqualTo(listId));
        Assert.That((string)Parse(calls[0]).Single()!["contact"]!["contactId"], Is.EqualTo(contactId));
    }

    [Test]
    public async Task A_campaign_unsubscribe_of_a_contact_on_two_lists_reports_both_lists()
    {
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter", "Offers");
        var (news, offers) = (lists[0], lists[1]);

        var answer = await ControlAsync($"contacts/{contactId}/unsubscribe");
        var calls = await _receiver.WaitForCallsAsync(1);

        Assert.That(answer!["unsubscribed"]!.AsArray().Select(s => (string)s), Is.EquivalentTo(new[] { $"{news}_{contactId}", $"{offers}_{contactId}" }));
        Assert.That(Parse(calls.Single()).Select(i => (string)i!["list"]!["listId"]), Is.EquivalentTo(new[] { news, offers }));
        lock (_emulator.State.Lock)
            Assert.That(_emulator.State.Subscriptions.Values.Select(s => s.Status), Is.All.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task Without_batching_each_list_of_a_campaign_unsubscribe_is_a_call_of_its_own()
    {
        await SwitchAsync(new { webhookBatch = false });
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter", "Offers");
        var (news, offers) = (lists[0], lists[1]);

        await ControlAsync($"contacts/{contactId}/unsubscribe");
        var calls = await _receiver.WaitForCallsAsync(2);

        Assert.That(calls.Select(c => Parse(c).Count), Is.All.EqualTo(1));
        Assert.That(calls.Select(c => (string)Parse(c)[0]!["list"]!["listId"]), Is.EquivalentTo(new[] { news, offers }));
    }

    [Test]
    public async Task A_campaign_unsubscribe_from_one_list_leaves_the_other_subscribed()
    {
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter", "Offers");
        var (news, offers) = (lists[0], lists[1]);

        await ControlAsync($"contacts/{contactId}/unsubscribe", new { listId = offers });
        var calls = await _receiver.WaitForCallsAsync(1);

        Assert.That(Parse(calls.Single()).Select(i => (string)i!["list"]!["listId"]), Is.EqualTo(new[] { offers }));
        lock (_emulator.State.Lock)
            Assert.That(_emulator.State.Subscriptions[$"{news}_{contactId}"].Status, Is.EqualTo("normal"));
    }

    [Test]
    public async Task Dropped_deliveries_reach_no_one_but_are_recorded()
    {
        await SwitchAsync(new { webhookDelivery = "Drop" });
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var (contactId, lists) = await SubscribedContactAsync("Newsletter");
        var listId = lists[0];

        await ControlAsync($"contacts/{contactId}/unsubscribe");
        var deliveries = await FinishedDeliveriesAsync(1);

        Assert.That((string)deliveries.Single()!["state"], Is.EqualTo(DeliveryRecord.Dropped));
        Assert.That(_receiver.Calls, Is.Empty);
    }

    [Test]
    public async Task A_hook_on_a_public_host_is_stored_but_never_called()
    {
        var id = await CreateHookAsync(IcontactApi.ContactCreated, "https://store.example.com/icontact/hook");

        await CreateContactAsync("ann@example.com");
        var delivery = (await FinishedDeliveriesAsync(1)).Single()!;

        Assert.That((string)delivery["webhookId"], Is.EqualTo(id));
        Assert.That((string)delivery["state"], Is.EqualTo(DeliveryRecord.Refused));
        Assert.That((string)delivery["error"], Does.Contain("loopback"));
    }

    [Test]
    public async Task Only_hooks_for_the_event_that_happened_are_called()
    {
        await CreateHookAsync(IcontactApi.ContactSubscribed);
        await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var listId = await CreateListAsync("Newsletter");
        var contactId = await CreateContactAsync("ann@example.com");

        await SubscribeAsync(contactId, listId);
        var calls = await _receiver.WaitForCallsAsync(1);
        await FinishedDeliveriesAsync(1);

        Assert.That(calls.Select(c => c.Path), Is.EqualTo(new[] { "/hooks/contact_subscribed" }));
        Assert.That(await DeliveriesAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_change_to_do_not_contact_is_not_announced_but_other_contact_changes_are()
    {
        await CreateHookAsync(IcontactApi.ContactUpdated);
        var contactId = await CreateContactAsync("ann@example.com");

        await ApiAsync(HttpMethod.Post, $"{Folder}/contacts/{contactId}", new { status = "donotcontact" });
        await ApiAsync(HttpMethod.Post, $"{Folder}/contacts/{contactId}", new { firstName = "Anna" });
        var deliveries = await FinishedDeliveriesAsync(1);

        Assert.That(deliveries, Has.Count.EqualTo(1), "iContact: there is not a way to monitor for Do Not Contact events");
        Assert.That((string)JsonNode.Parse((string)deliveries[0]!["body"])![0]!["contact"]!["firstName"], Is.EqualTo("Anna"));
    }

    [Test]
    public async Task A_list_on_a_hook_is_ignored_with_a_warning_unless_the_list_filter_switch_is_on()
    {
        var (contactId, lists) = await SubscribedContactAsync("Newsletter", "Offers");
        var hook = new[] { new { url = $"{_receiver.RootUrl}/offers", eventId = IcontactApi.ContactUnsubscribed, listId = lists[1] } };

        var (_, ignored) = await ApiAsync(HttpMethod.Post, $"{Folder}/webhooks", hook);
        await ApiAsync(HttpMethod.Delete, $"{Folder}/webhooks/{(string)ignored!["webhooks"]![0]!["webhookId"]}");
        await SwitchAsync(new { webhookListFilter = true });
        var (_, filtered) = await ApiAsync(HttpMethod.Post, $"{Folder}/webhooks", hook);
        await ControlAsync($"contacts/{contactId}/unsubscribe");
        var call = (await _receiver.WaitForCallsAsync(1)).Single();

        Assert.That(ignored["warnings"]!.AsArray().Select(w => (string)w), Has.Some.Contains("listId"));
        Assert.That(ignored["webhooks"]![0]!["listId"], Is.Null);
        Assert.That((string)filtered!["webhooks"]![0]!["listId"], Is.EqualTo(lists[1]));
        Assert.That(Parse(call).Select(i => (string)i!["list"]!["listId"]), Is.EqualTo(new[] { lists[1] }));
    }

    #endregion

    #region Sending any body

    [Test]
    public async Task The_send_control_adds_unknown_fields_to_the_body_iContact_would_send()
    {
        var hookId = await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        var listId = await CreateListAsync("Newsletter");
        var contactId = await CreateContactAsync("ann@example.com");

        var delivery = await ControlAsync("webhooks/send", new { webhookId = hookId, contactId, listId, extraFields = new { futureField = "x" } });
        var call = (await _receiver.WaitForCallsAsync(1)).Single();

        var item = Parse(call).Single()!;
        Assert.That((string)item["futureField"], Is.EqualTo("x"));
        Assert.That((string)item["contact"]!["contactId"], Is.EqualTo(contactId));
        Assert.That((string)item["list"]!["listId"], Is.EqualTo(listId));
        Assert.That((string)delivery!["state"], Is.EqualTo(DeliveryRecord.Delivered));
    }

    [Test]
    public async Task The_send_control_posts_to_a_forged_url_and_records_the_receivers_answer()
    {
        var hookId = await CreateHookAsync(IcontactApi.ContactUnsubscribed);
        _receiver.StatusCode = 404;

        var delivery = await ControlAsync("webhooks/send", new { webhookId = hookId, url = $"{_receiver.RootUrl}/hooks/forged-secret", json = new[] { new { contact = new { contactId = "1" } } } });
        var call = (await _receiver.WaitForCallsAsync(1)).Single();

        Assert.That(call.Path, Is.EqualTo("/hooks/forged-secret"));
        Assert.That((string)delivery!["webhookId"], Is.EqualTo(hookId));
        Assert.That((int)delivery!["statusCode"], Is.EqualTo(404));
        Assert.That((string)delivery["state"], Is.EqualTo(DeliveryRecord.Failed));
    }

    [Test]
    public async Task The_send_control_posts_malformed_json_as_it_is()
    {
        await ControlAsync("webhooks/send", new { url = $"{_receiver.RootUrl}/hook", rawBody = "[{\"contact\":" });
        var call = (await _receiver.WaitForCallsAsync(1)).Single();

        Assert.That(call.Body, Is.EqualTo("[{\"contact\":"));
    }

    [Test]
    public async Task The_send_control_pads_a_body_to_the_size_asked()
    {
        await ControlAsync("webhooks/send", new { url = $"{_receiver.RootUrl}/hook", json = new[] { new { contact = new { contactId = "1" } } }, padToBytes = 2_000_000 });
        var call = (await _receiver.WaitForCallsAsync(1)).Single();

        Assert.That(call.Body.Length, Is.GreaterThanOrEqualTo(2_000_000));
        Assert.That((string)Parse(call)[0]!["contact"]!["contactId"], Is.EqualTo("1"), "still valid JSON with the event in it");
    }

    [Test]
    public async Task The_send_control_refuses_a_public_host()
    {
        var delivery = await ControlAsync("webhooks/send", new { url = "http://example.com/hook", rawBody = "[]" });

        Assert.That((string)delivery!["state"], Is.EqualTo(DeliveryRecord.Refused));
    }

    #endregion
}
