using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IcontactEmulator;

/// <summary>
/// Answers requests under /icp the way iContact API v2.2 does (see the project's iContact fact sheet):
/// header authentication with iContact's own error texts, string ids, envelopes, warnings on 200,
/// null collections when everything is rejected, trailing slashes, and the fault switches.
/// </summary>
public sealed partial class IcontactApi(EmulatorState state, TimeProvider time, WebhookDispatcher webhooks)
{
    public const string UsernameInvalid = "Api username invalid";
    public const string AppNotRecognized = "The application was not recognized.  Possible reasons are: the Api-AppId was entered incorrectly; the application is not registered for that user.";
    public const string PasswordNotRecognized = "The password you provided was not recognized.";
    public const string MissingEmail = "You did not provide an email field, which is required. Please provide an email field";
    public const string InvalidContactStatus = "The status value you provided was not valid. status can be either donotcontact or normal. Please provide a valid status";
    public const string ThrottleMessage = "You have exceeded the request limit for this application. Please try again later.";
    public const string UnknownTermsWarning = "The data you received may not be what you expected. This happened because your request contained terms which could not be recognized and so were ignored ({0}).";

    private static readonly string[] Versions = ["2.0", "2.1", "2.2", "2.3"];
    private static readonly string[] SubscriptionStatuses = ["normal", "pending", "unsubscribed"];

    private sealed record Reply(int Status, JsonNode? Body);

    public async Task HandleAsync(HttpContext context)
    {
        EmulatorSwitches switches;
        lock (state.Lock)
            switches = state.Switches.Clone();

        if (switches.LatencyMs > 0)
            await Task.Delay(switches.LatencyMs, context.RequestAborted);

        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        Reply reply;
        lock (state.Lock)
        {
            state.RequestLog.Add($"{context.Request.Method} {context.Request.Path}");
            _events.Clear();
            reply = Answer(context.Request, body, state.Switches);
            //hooks are called after the change, off this request: the answer never waits for a receiver
            webhooks.Dispatch(_events);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = switches.HtmlContentType ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body?.ToJsonString() ?? "[]", context.RequestAborted);
    }

    private Reply Answer(HttpRequest request, string body, EmulatorSwitches switches)
    {
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray(); // after "icp"
        var method = request.Method.ToUpperInvariant();
        _requestFolder = segments is ["a", _, "c", var folder, ..] ? folder : null;

        if (switches.Outage)
            return Error(503, "The iContact API is temporarily unavailable for maintenance. Please try again later.");
        if (switches.ForceServerError)
            return Error(500, "An internal error occurred.");

        if (segments is ["time"])
        {
            var now = time.GetLocalNow();
            return new Reply(200, new JsonObject { ["time"] = now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["timestamp"] = now.ToUnixTimeSeconds() });
        }

        //anonymous requests get the username error before anything else (seen in a 2026 probe)
        var authError = Authenticate(request, switches);
        if (authError is not null)
            return authError;

        if (!Versions.Contains(Header(request, "API-Version")))
            return Error(501, "Not Implemented: you have specified an incorrect version of the iContact API.");
        var accept = request.Headers.Accept.ToString();
        if (accept.Length > 0 && !accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*"))
            return Error(406, "Not Acceptable: this server answers application/json only.");
        if (body.Length > 0 && !(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
            return Error(415, "Unsupported Media Type: send application/json.");

        if (Throttled(switches))
            return Error(switches.ThrottleStatusCode, ThrottleMessage);
        if (switches.Unpaid)
            return Error(402, "Payment Required: your iContact account has an unpaid balance.");
        if (switches.Forbidden)
            return Error(403, "Forbidden: you do not have permission to access this resource.");

        return segments switch
        {
            ["a"] when method == "GET" => Collection("accounts", [Account(switches)]),
            ["a", var a] when method == "GET" && a == state.AccountId => new Reply(200, new JsonObject { ["account"] = Account(switches) }),
            ["a", ..] when segments[1] != state.AccountId => Error(404, "The account you requested does not exist."),
            ["a", _, "c"] when method == "GET" => new Reply(200, new JsonObject
            {
                ["clientfolders"] = new JsonArray(state.ClientFolderIds.Select(f => (JsonNode)Folder(f, switches)).ToArray()),
                ["total"] = state.ClientFolderIds.Count
            }),
            ["a", _, "c", var c, ..] when !state.ClientFolderIds.Contains(c) => Error(404, "The client folder you requested does not exist."),
            ["a", _, "c", var c] when method == "GET" => new Reply(200, new JsonObject { ["clientfolder"] = Folder(c, switches) }),
            ["a", _, "c", _, var resource, .. var rest] when rest.Length <= 1 => Resource(resource, rest.FirstOrDefault(), method, request.Query, body, switches, Header(request, "API-Version")!),
            _ => Error(501, "Not Implemented: the resource you requested does not exist.")
        };
    }

    #region Authentication and throttling

    private Reply? Authenticate(HttpRequest request, EmulatorSwitches switches)
    {
        var username = Header(request, "API-Username");
        if (string.IsNullOrEmpty(username))
            return Error(401, UsernameInvalid);
        if (Header(request, "API-AppId") != state.AppId || switches.AppIdDisabled)
            return Error(401, AppNotRecognized);
        var usernameMatches = switches.UsernameCaseSensitive
            ? username == state.Username
            : username.Equals(state.Username, StringComparison.OrdinalIgnoreCase);
        if (!usernameMatches)
            return Error(401, UsernameInvalid);
        if (Header(request, "API-Password") != state.AppPassword)
            return Error(401, PasswordNotRecognized);
        return null;
    }

    private bool Throttled(EmulatorSwitches switches)
    {
        var now = time.GetUtcNow().UtcDateTime;
        while (state.RequestTimes.Count > 0 && state.RequestTimes.Peek() <= now.AddDays(-1))
            state.RequestTimes.Dequeue();
        var lastHour = state.RequestTimes.Count(t => t > now.AddHours(-1));
        if (lastHour >= switches.RequestsPerHour || state.RequestTimes.Count >= switches.RequestsPerDay)
            return true;

        state.RequestTimes.Enqueue(now);
        state.PeakRequestsPerHour = Math.Max(state.PeakRequestsPerHour, lastHour + 1);
        return false;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null; // ASP.NET Core header lookup ignores case

    #endregion

    #region Resources

    private Reply Resource(string resource, string? id, string method, IQueryCollection query, string body, EmulatorSwitches switches, string version)
    {
        return (resource, id, method) switch
        {
            ("lists", null, "GET") => GetLists(query, switches),
            ("lists", null, "POST") => PostLists(body, switches),
            ("lists", not null, _) => SingleList(id, method, body, switches),
            ("contacts", null, "GET") => GetContacts(query, switches),
            ("contacts", null, "POST") => PostContacts(body, switches),
            ("contacts", not null, _) => SingleContact(id, method, body, switches),
            ("subscriptions", null, "GET") => GetSubscriptions(query, switches),
            ("subscriptions", null, "POST") => PostSubscriptions(body, switches),
            //moving a subscription needs API 2.2
            ("subscriptions", not null, "PUT") when string.CompareOrdinal(version, "2.2") < 0 => Error(501, "Not Implemented: moving a subscription needs API-Version 2.2."),
            ("subscriptions", not null, _) => SingleSubscription(id, method, body, switches),
            ("webhooks", _, _) => Webhooks(id, method, query, body, switches),
            ("customfields", null, "GET") => Collection("customfields", state.CustomFields.Values.Select(CustomField).ToList(), query),
            ("customfields", null, "POST") => PostCustomFields(body, switches),
            ("customfields", not null, "GET") => state.CustomFields.TryGetValue(id, out var field)
                ? new Reply(200, new JsonObject { ["customfield"] = CustomField(field) })
                : Error(404, "The custom field you requested does not exist."),
            ("lists" or "contacts" or "subscriptions" or "customfields", null, _) => Error(405, "Method Not Allowed."),
            _ => Error(501, "Not Implemented: the resource you requested does not exist.")
        };
    }

    private Reply GetLists(IQueryCollection query, EmulatorSwitches switches)
    {
        var lists = state.Lists.Values.OrderBy(l => l.ListId).AsEnumerable();
        var unknown = UnknownTerms(query, "name", "listId");
        if (query.TryGetValue("name", out var name))
            lists = lists.Where(l => l.Name == name.ToString());
        if (query.TryGetValue("listId", out var listId))
            lists = lists.Where(l => l.ListId.ToString() == listId.ToString());
        return Collection("lists", lists.Select(l => List(l, switches)).ToList(), query, unknown);
    }

    private Reply PostLists(string body, EmulatorSwitches switches)
    {
        var accepted = new List<JsonNode>();
        var warnings = new List<string>();
        foreach (var item in Items(body, "list"))
        {
            if (item is not JsonObject o) { warnings.Add("Each list must be an object."); continue; }
            if (o.ContainsKey("listId")) { warnings.Add("You cannot provide a listId when creating a list."); continue; }
            var name = Text(o["name"]);
            if (string.IsNullOrWhiteSpace(name)) { warnings.Add("You did not provide a name field, which is required. Please provide a name field"); continue; }
            var list = state.AddList(name);
            list.Description = Text(o["description"]) ?? "";
            list.PublicName = Text(o["publicname"]) ?? "";
            accepted.Add(List(list, switches));
        }
        return Batch("lists", accepted, warnings);
    }

    private Reply SingleList(string id, string method, string body, EmulatorSwitches switches)
    {
        if (!long.TryParse(id, out var listId) || !state.Lists.TryGetValue(listId, out var list))
            return Error(404, "The list you requested does not exist.");
        switch (method)
        {
            case "GET":
                return new Reply(200, new JsonObject { ["list"] = List(list, switches) });
            case "POST" or "PUT":
                var o = Items(body, "list").FirstOrDefault() as JsonObject ?? [];
                if (method == "PUT" && string.IsNullOrWhiteSpace(Text(o["name"])))
                    return Error(400, "You did not provide a name field, which is required. Please provide a name field");
                list.Name = Text(o["name"]) ?? (method == "PUT" ? "" : list.Name);
                list.Description = Text(o["description"]) ?? (method == "PUT" ? "" : list.Description);
                list.PublicName = Text(o["publicname"]) ?? (method == "PUT" ? "" : list.PublicName);
                return new Reply(200, new JsonObject { ["list"] = List(list, switches) });
            case "DELETE":
                state.DeleteList(listId);
                return new Reply(200, new JsonArray());
            default:
                return Error(405, "Method Not Allowed.");
        }
    }

    private Reply GetContacts(IQueryCollection query, EmulatorSwitches switches)
    {
        var contacts = state.Contacts.Values.OrderBy(c => c.ContactId).AsEnumerable();
        var known = ContactRecord.StandardFields.Concat(state.CustomFields.Keys).Concat(["status", "contactId"]).ToArray();
        var unknown = UnknownTerms(query, known);

        var status = query.TryGetValue("status", out var s) ? s.ToString() : null;
        bool OnAList(ContactRecord c) => state.Subscriptions.Values.Any(x => x.ContactId == c.ContactId && x.Status != "unsubscribed");
        contacts = status switch
        {
            "total" => contacts,
            "unlisted" => contacts.Where(c => !state.Subscriptions.Values.Any(x => x.ContactId == c.ContactId)),
            null => switches.HideUnlistedContacts ? contacts.Where(OnAList) : contacts,
            _ => contacts.Where(c => c.Status == status)
        };

        foreach (var field in ContactRecord.StandardFields.Concat(state.CustomFields.Keys).Append("contactId"))
        {
            if (!query.TryGetValue(field, out var wanted))
                continue;
            var pattern = wanted.ToString();
            contacts = contacts.Where(c => Matches(field == "contactId" ? c.ContactId.ToString() : c.Fields.GetValueOrDefault(field, ""),
                pattern, ignoreCase: field == "email"));
        }

        return Collection("contacts", contacts.Select(c => Contact(c, switches)).ToList(), query, unknown);
    }

    private static bool Matches(string value, string pattern, bool ignoreCase)
    {
        if (pattern.Length == 0)
            return false;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], comparison) : value.Equals(pattern, comparison);
    }

    private Reply PostContacts(string body, EmulatorSwitches switches)
    {
        var accepted = new List<JsonNode>();
        var warnings = new List<string>();
        foreach (var item in Items(body, "contact"))
        {
            if (item is not JsonObject o) { warnings.Add("Each contact must be an object."); continue; }
            if (o.ContainsKey("contactId")) { warnings.Add("You cannot provide a contactId when creating contacts. Use POST /contacts/{contactId} to update one."); continue; }
            var email = Text(o["email"]);
            if (string.IsNullOrWhiteSpace(email)) { warnings.Add(MissingEmail); continue; }
            if (!IsEmail(email)) { warnings.Add($"The email address '{email}' is not valid."); continue; }

            var existing = state.FindContactByEmail(email);
            if (existing is not null && switches.DuplicateEmail == DuplicateEmailMode.Warn)
            {
                warnings.Add($"A contact with the email address '{email}' already exists (contactId {existing.ContactId}).");
                continue;
            }

            var contact = existing ?? new ContactRecord { ContactId = state.NextContactId(), CreateDate = time.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) };
            if (existing is not null && switches.DuplicateEmail == DuplicateEmailMode.Blank)
                foreach (var field in ContactRecord.StandardFields)
                    contact.Fields[field] = "";
            var status = Text(o["status"]);
            if (status is "normal" or "donotcontact")
                contact.Status = status;
            warnings.AddRange(ApplyFields(contact, o, switches));
            state.SaveContact(contact);
            accepted.Add(Contact(contact, switches));
            RaiseContactEvent(existing is null ? ContactCreated : ContactUpdated, contact, switches);
        }
        return Batch("contacts", accepted, warnings);
    }

    private IEnumerable<string> ApplyFields(ContactRecord contact, JsonObject o, EmulatorSwitches switches)
    {
        foreach (var (key, value) in o)
        {
            if (key is "status" or "contactId" or "createDate" or "bounceCount")
                continue;
            if (switches.CheckCustomFieldValues && state.CustomFields.TryGetValue(key, out var field) && !FitsFieldType(field.FieldType, Text(value)))
                yield return $"The value '{Text(value)}' is not valid for the {field.FieldType} field '{key}' and was ignored.";
            else if (ContactRecord.StandardFields.Contains(key) || state.CustomFields.ContainsKey(key))
                contact.Fields[key] = Text(value) ?? "";
            else
                yield return $"The field '{key}' is not a contact field or a custom field of this client folder and was ignored.";
        }
    }

    private Reply SingleContact(string id, string method, string body, EmulatorSwitches switches)
    {
        if (!long.TryParse(id, out var contactId) || !state.Contacts.TryGetValue(contactId, out var contact))
            return Error(404, "The contact you requested does not exist.");
        switch (method)
        {
            case "GET":
                return new Reply(200, new JsonObject { ["contact"] = Contact(contact, switches) });
            case "POST" or "PUT":
                var o = Items(body, "contact").FirstOrDefault() as JsonObject ?? [];
                var status = Text(o["status"]);
                if (status is not null and not "normal" and not "donotcontact")
                    return Error(400, InvalidContactStatus);
                var email = Text(o["email"]);
                if (email is not null && state.FindContactByEmail(email) is { } other && other.ContactId != contactId)
                    return Error(400, $"The email address '{email}' belongs to another contact.");
                var previousEmail = contact.Email;
                if (method == "PUT")
                {
                    if (string.IsNullOrWhiteSpace(email))
                        return Error(400, MissingEmail);
                    contact.Fields.Clear();
                }
                if (status is not null)
                    contact.Status = status;
                var warnings = ApplyFields(contact, o, switches).ToList();
                state.SaveContact(contact, previousEmail);
                //iContact: "There is not a way to monitor for Do Not Contact events"
                if (status != "donotcontact")
                    RaiseContactEvent(ContactUpdated, contact, switches);
                var reply = new JsonObject { ["contact"] = Contact(contact, switches) };
                if (warnings.Count > 0)
                    reply["warnings"] = Strings(warnings);
                return new Reply(200, reply);
            case "DELETE":
                state.DeleteContact(contactId);
                return new Reply(200, new JsonArray());
            default:
                return Error(405, "Method Not Allowed.");
        }
    }

    private Reply GetSubscriptions(IQueryCollection query, EmulatorSwitches switches)
    {
        var subscriptions = state.Subscriptions.Values.OrderBy(s => s.ListId).ThenBy(s => s.ContactId).AsEnumerable();
        var unknown = UnknownTerms(query, "listId", "contactId", "status");
        if (query.TryGetValue("listId", out var listId))
            subscriptions = subscriptions.Where(s => s.ListId.ToString() == listId.ToString());
        if (query.TryGetValue("contactId", out var contactId))
            subscriptions = subscriptions.Where(s => s.ContactId.ToString() == contactId.ToString());
        if (query.TryGetValue("status", out var status))
            subscriptions = subscriptions.Where(s => s.Status == status.ToString());
        return Collection("subscriptions", subscriptions.Select(s => Subscription(s, switches)).ToList(), query, unknown);
    }

    private Reply PostSubscriptions(string body, EmulatorSwitches switches)
    {
        var accepted = new List<JsonNode>();
        var warnings = new List<string>();
        foreach (var item in Items(body, "subscription"))
        {
            if (item is not JsonObject o) { warnings.Add("Each subscription must be an object."); continue; }
            var contactText = Text(o["contactId"]);
            var listText = Text(o["listId"]);
            var status = Text(o["status"]);
            if (contactText is null || listText is null || status is null)
            {
                warnings.Add("You must provide a contactId, a listId and a status for each subscription.");
                continue;
            }
            if (!SubscriptionStatuses.Contains(status)) { warnings.Add($"The status '{status}' is not valid. status can be normal, pending or unsubscribed."); continue; }
            if (!long.TryParse(contactText, out var contactId) || !state.Contacts.ContainsKey(contactId)) { warnings.Add($"The contact {contactText} does not exist."); continue; }
            if (!long.TryParse(listText, out var listId) || !state.Lists.ContainsKey(listId)) { warnings.Add($"The list {listText} does not exist."); continue; }

            var key = $"{listId}_{contactId}";
            string? before = null;
            if (state.Subscriptions.TryGetValue(key, out var subscription))
                before = subscription.Status;
            else
            {
                subscription = new SubscriptionRecord { ListId = listId, ContactId = contactId, AddDate = Now() };
                state.Subscriptions[key] = subscription;
            }
            subscription.Status = status;
            subscription.ConfirmationMessageId = Text(o["confirmationMessageId"]) ?? subscription.ConfirmationMessageId;
            accepted.Add(Subscription(subscription, switches));
            RaiseSubscriptionEvent(subscription, before, switches);
        }
        return Batch("subscriptions", accepted, warnings);
    }

    private Reply SingleSubscription(string id, string method, string body, EmulatorSwitches switches)
    {
        if (method == "DELETE")
            return Error(405, "Method Not Allowed: subscriptions cannot be deleted; set their status to unsubscribed.");
        if (!state.Subscriptions.TryGetValue(id, out var subscription))
            return Error(404, "The subscription you requested does not exist.");
        var o = Items(body, "subscription").FirstOrDefault() as JsonObject ?? [];
        switch (method)
        {
            case "GET":
                return new Reply(200, new JsonObject { ["subscription"] = Subscription(subscription, switches) });
            case "POST":
                var status = Text(o["status"]);
                if (status is not null && !SubscriptionStatuses.Contains(status))
                    return Error(400, $"The status '{status}' is not valid. status can be normal, pending or unsubscribed.");
                var previous = subscription.Status;
                subscription.Status = status ?? subscription.Status;
                RaiseSubscriptionEvent(subscription, previous, switches);
                return new Reply(200, new JsonObject { ["subscription"] = Subscription(subscription, switches) });
            case "PUT":
                if (!long.TryParse(Text(o["listId"]), out var newListId) || !state.Lists.ContainsKey(newListId))
                    return Error(400, "You must provide the listId of an existing list to move a subscription.");
                state.Subscriptions.Remove(id);
                var moved = new SubscriptionRecord { ListId = newListId, ContactId = subscription.ContactId, Status = subscription.Status, AddDate = Now() };
                state.Subscriptions[moved.SubscriptionId] = moved;
                RaiseSubscriptionEvent(moved, null, switches);
                var reply = new JsonObject { ["subscription"] = Subscription(moved, switches) };
                var extra = o.Select(p => p.Key).Where(k => k != "listId").ToList();
                if (extra.Count > 0)
                    reply["warnings"] = Strings([$"Only listId can be changed when moving a subscription; ignored: {string.Join(", ", extra)}."]);
                return new Reply(200, reply);
            default:
                return Error(405, "Method Not Allowed.");
        }
    }

    /// <summary>
    /// Whether a value suits a custom field's type as iContact's UI describes them: number (up to 4 decimals), date
    /// (MM/DD/YYYY); empty clears any field (inferred: iContact documents no validation of custom values)
    /// </summary>
    private static bool FitsFieldType(string fieldType, string? value) => string.IsNullOrEmpty(value) || fieldType switch
    {
        "number" => System.Text.RegularExpressions.Regex.IsMatch(value, @"^-?\d+(\.\d{1,4})?$"),
        "date" => DateTime.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "checkbox" => value is "0" or "1",
        _ => true
    };

    private Reply PostCustomFields(string body, EmulatorSwitches switches)
    {
        var accepted = new List<JsonNode>();
        var warnings = new List<string>();
        foreach (var item in Items(body, "customfield"))
        {
            if (item is not JsonObject o) { warnings.Add("Each custom field must be an object."); continue; }
            var privateName = Text(o["privateName"]);
            if (string.IsNullOrWhiteSpace(privateName) || privateName.IndexOfAny([' ', '\'', '"', '/', '\\', '[', ']']) >= 0)
            {
                warnings.Add("The privateName may not be empty or contain spaces, quotes, slashes or square brackets.");
                continue;
            }
            var allowed = switches.ApiFieldTypesTextAndCheckboxOnly ? ["text", "checkbox"] : new[] { "text", "checkbox", "number", "date" };
            if (!allowed.Contains(Text(o["fieldType"]))) { warnings.Add("fieldType must be text or checkbox."); continue; }
            var field = new CustomFieldRecord
            {
                PrivateName = privateName,
                PublicName = Text(o["publicName"]) ?? privateName,
                DisplayToUser = Text(o["displayToUser"]) == "1" ? 1 : 0,
                FieldType = Text(o["fieldType"])!
            };
            state.CustomFields[privateName] = field;
            accepted.Add(CustomField(field));
        }
        return Batch("customfields", accepted, warnings);
    }

    #endregion

    #region JSON shapes

    private JsonObject Account(EmulatorSwitches switches) => new()
    {
        ["accountId"] = Id(state.AccountId, switches),
        ["enabled"] = switches.AccountDisabled ? "0" : "1",
        ["accountType"] = "1",
        ["subscriberLimit"] = "250000",
        ["multiClientFolder"] = state.ClientFolderIds.Count > 1 ? "1" : "0",
        ["multiUser"] = "0",
        ["email"] = "owner@example.com",
        ["firstName"] = "Store",
        ["lastName"] = "Owner",
        ["companyName"] = "Example Store"
    };

    private static JsonObject Folder(string id, EmulatorSwitches switches) =>
        new() { ["clientFolderId"] = Id(id, switches), ["logoId"] = null, ["emailRecipient"] = "owner@example.com" };

    private static JsonObject List(ListRecord l, EmulatorSwitches switches) => new()
    {
        ["listId"] = Id(l.ListId.ToString(), switches),
        ["name"] = l.Name,
        ["publicname"] = l.PublicName,
        ["description"] = l.Description,
        ["emailOwnerOnChange"] = l.EmailOwnerOnChange,
        ["welcomeOnManualAdd"] = l.WelcomeOnManualAdd,
        ["welcomeOnSignupAdd"] = l.WelcomeOnSignupAdd,
        ["welcomeMessageId"] = ""
    };

    private static JsonObject Contact(ContactRecord c, EmulatorSwitches switches)
    {
        var o = new JsonObject { ["contactId"] = Id(c.ContactId.ToString(), switches) };
        foreach (var field in ContactRecord.StandardFields)
            o[field] = c.Fields.GetValueOrDefault(field, "");
        foreach (var (key, value) in c.Fields.Where(f => !ContactRecord.StandardFields.Contains(f.Key)))
            o[key] = value;
        o["status"] = c.Status;
        o["createDate"] = c.CreateDate;
        o["bounceCount"] = "";
        return o;
    }

    private static JsonObject Subscription(SubscriptionRecord s, EmulatorSwitches switches) => new()
    {
        ["addDate"] = s.AddDate,
        ["contactId"] = Id(s.ContactId.ToString(), switches),
        ["listId"] = Id(s.ListId.ToString(), switches),
        ["status"] = s.Status,
        ["subscriptionId"] = s.SubscriptionId,
        ["confirmationMessageId"] = s.ConfirmationMessageId
    };

    private static JsonObject CustomField(CustomFieldRecord f) => new()
    {
        ["customFieldId"] = f.PrivateName,
        ["privateName"] = f.PrivateName,
        ["publicName"] = f.PublicName,
        ["displayToUser"] = f.DisplayToUser,
        ["fieldType"] = f.FieldType
    };

    private static JsonNode Id(string id, EmulatorSwitches switches) =>
        switches.NumericIds && long.TryParse(id, out var n) ? JsonValue.Create(n) : JsonValue.Create(id);

    private static Reply Collection(string name, IList<JsonObject> all, IQueryCollection? query = null, IList<string>? warnings = null)
    {
        all = Ordered(all, query?["orderby"].ToString());
        var limit = Math.Clamp(int.TryParse(query?["limit"], out var l) ? l : 20, 1, 500);
        var offset = Math.Max(int.TryParse(query?["offset"], out var o) ? o : 0, 0);
        var reply = new JsonObject
        {
            [name] = new JsonArray(all.Skip(offset).Take(limit).Select(x => (JsonNode)x).ToArray()),
            ["limit"] = limit,
            ["offset"] = offset,
            ["total"] = all.Count
        };
        if (warnings is { Count: > 0 })
            reply["warnings"] = Strings(warnings);
        return new Reply(200, reply);
    }

    /// <summary>orderby=field[:asc|:desc],…; numbers compare as numbers</summary>
    private static IList<JsonObject> Ordered(IList<JsonObject> items, string? orderBy)
    {
        if (string.IsNullOrWhiteSpace(orderBy))
            return items;

        IOrderedEnumerable<JsonObject>? ordered = null;
        foreach (var term in orderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = term.Split(':');
            var field = parts[0];
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            Func<JsonObject, (double, string)> key = o =>
            {
                var text = Text(o[field]) ?? "";
                return (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.MaxValue, text);
            };
            ordered = ordered is null
                ? descending ? items.OrderByDescending(key) : items.OrderBy(key)
                : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }

        return ordered?.ToList() ?? items;
    }

    private static Reply Batch(string name, List<JsonNode> accepted, List<string> warnings)
    {
        //iContact answers 200 even when it rejected everything: then the collection is null
        var reply = new JsonObject { [name] = accepted.Count > 0 ? new JsonArray(accepted.ToArray()) : null };
        if (warnings.Count > 0)
            reply["warnings"] = Strings(warnings);
        return new Reply(200, reply);
    }

    private static Reply Error(int status, string message) => new(status, new JsonObject { ["errors"] = Strings([message]) });

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    #endregion

    #region Helpers

    private static List<string> UnknownTerms(IQueryCollection query, params string[] known)
    {
        var unknown = query.Keys.Where(k => k is not ("limit" or "offset" or "orderby") && !k.EndsWith("SearchType") && !known.Contains(k)).ToList();
        return unknown.Count == 0 ? [] : [string.Format(CultureInfo.InvariantCulture, UnknownTermsWarning, string.Join(", ", unknown))];
    }

    /// <summary>Accepts an array, a single object, or {"thing": object-or-array}.</summary>
    private static IEnumerable<JsonNode?> Items(string body, string singular)
    {
        if (string.IsNullOrWhiteSpace(body))
            return [];
        JsonNode? node;
        try { node = JsonNode.Parse(body); }
        catch (JsonException) { return []; }
        if (node is JsonObject wrapper && wrapper.Count == 1 && wrapper[singular] is { } inner)
            node = inner;
        return node switch
        {
            JsonArray array => array,
            JsonObject obj => [obj],
            _ => []
        };
    }

    internal static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString()
    };

    private static bool IsEmail(string email) => MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.');

    private string Now() => time.GetLocalNow().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    #endregion
}
