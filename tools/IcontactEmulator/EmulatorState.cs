using System.Text.Json.Nodes;

namespace IcontactEmulator;

public sealed class ListRecord
{
    public long ListId { get; init; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string PublicName { get; set; } = "";
    public int EmailOwnerOnChange { get; set; } = 1;
    public int WelcomeOnManualAdd { get; set; }
    public int WelcomeOnSignupAdd { get; set; }
}

public sealed class ContactRecord
{
    public static readonly string[] StandardFields =
        ["email", "prefix", "firstName", "lastName", "suffix", "street", "street2", "city", "state", "postalCode", "phone", "fax", "business"];

    public long ContactId { get; init; }
    /// <summary>Standard and custom field values by name.</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    public string Status { get; set; } = "normal";
    public string CreateDate { get; init; } = "";
    public string Email => Fields.GetValueOrDefault("email", "");
}

public sealed class SubscriptionRecord
{
    public long ListId { get; set; }
    public long ContactId { get; init; }
    public string Status { get; set; } = "normal";
    public string AddDate { get; set; } = "";
    public string? ConfirmationMessageId { get; set; }
    public string SubscriptionId => $"{ListId}_{ContactId}";
}

public sealed class CustomFieldRecord
{
    public string PrivateName { get; init; } = "";
    public string PublicName { get; set; } = "";
    public int DisplayToUser { get; set; }
    public string FieldType { get; set; } = "text";
}

/// <summary>
/// Everything the emulator knows. All access goes through <see cref="Lock"/>; ids only ever increase.
/// </summary>
public sealed class EmulatorState
{
    private long _nextListId = 205303;
    private long _nextContactId = 66674163;
    private long _nextWebhookId = 3100;
    private long _nextDeliveryId;

    public EmulatorState(EmulatorOptions options)
    {
        Username = options.Username;
        AppId = options.AppId;
        AppPassword = options.AppPassword;
        AccountId = options.AccountId;
        ClientFolderIds.Add(options.ClientFolderId);
    }

    public object Lock { get; } = new();
    public EmulatorSwitches Switches { get; set; } = new();

    public string Username { get; set; }
    public string AppId { get; set; }
    public string AppPassword { get; set; }
    public string AccountId { get; set; }
    public List<string> ClientFolderIds { get; } = [];

    public Dictionary<long, ListRecord> Lists { get; } = [];
    public Dictionary<long, ContactRecord> Contacts { get; } = [];

    /// <summary>Contact ids by lower-case email: the emulator serves benchmarks with 100,000 contacts.</summary>
    private readonly Dictionary<string, long> _emailIndex = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, SubscriptionRecord> Subscriptions { get; } = [];
    public Dictionary<string, CustomFieldRecord> CustomFields { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, WebhookRecord> Webhooks { get; } = [];
    /// <summary>Every web hook call made, dropped or refused, oldest first.</summary>
    public List<DeliveryRecord> Deliveries { get; } = [];

    /// <summary>Times of the authenticated requests counted against the throttle, oldest first.</summary>
    public Queue<DateTime> RequestTimes { get; } = new();
    /// <summary>Every API request answered, as "METHOD /path" (for tests and benchmarks to count calls).</summary>
    public List<string> RequestLog { get; } = [];
    /// <summary>The highest number of requests seen in any rolling hour.</summary>
    public int PeakRequestsPerHour { get; set; }

    public long NextListId() => _nextListId += 2;
    public long NextContactId() => _nextContactId += 1;
    public long NextWebhookId() => _nextWebhookId += 1;
    public long NextDeliveryId() => _nextDeliveryId += 1;

    public ListRecord AddList(string name)
    {
        var list = new ListRecord { ListId = NextListId(), Name = name };
        Lists[list.ListId] = list;
        return list;
    }

    public void DeleteList(long listId)
    {
        Lists.Remove(listId);
        foreach (var key in Subscriptions.Where(s => s.Value.ListId == listId).Select(s => s.Key).ToList())
            Subscriptions.Remove(key);
    }

    public ContactRecord? FindContactByEmail(string email) =>
        _emailIndex.TryGetValue(email, out var id) && Contacts.TryGetValue(id, out var contact) ? contact : null;

    /// <summary>Stores a contact and (re)indexes its email; use it for every contact added or changed.</summary>
    public void SaveContact(ContactRecord contact, string? previousEmail = null)
    {
        if (previousEmail is not null && !previousEmail.Equals(contact.Email, StringComparison.OrdinalIgnoreCase))
            _emailIndex.Remove(previousEmail);
        Contacts[contact.ContactId] = contact;
        if (contact.Email.Length > 0)
            _emailIndex[contact.Email] = contact.ContactId;
    }

    /// <summary>Removes a contact and its subscriptions.</summary>
    public void DeleteContact(long contactId)
    {
        if (Contacts.Remove(contactId, out var contact))
            _emailIndex.Remove(contact.Email);
        foreach (var key in Subscriptions.Where(s => s.Value.ContactId == contactId).Select(s => s.Key).ToList())
            Subscriptions.Remove(key);
    }

    public void Reset()
    {
        Lists.Clear();
        Contacts.Clear();
        _emailIndex.Clear();
        Subscriptions.Clear();
        CustomFields.Clear();
        Webhooks.Clear();
        Deliveries.Clear();
        RequestTimes.Clear();
        RequestLog.Clear();
        PeakRequestsPerHour = 0;
        Switches = new EmulatorSwitches();
    }

    /// <summary>A read-only picture of the whole state for assertions (GET /_emulator/state).</summary>
    public JsonObject Snapshot() => new()
    {
        ["username"] = Username,
        ["accountId"] = AccountId,
        ["clientFolderIds"] = new JsonArray(ClientFolderIds.Select(f => (JsonNode)f!).ToArray()),
        ["lists"] = new JsonArray(Lists.Values.Select(l => (JsonNode)new JsonObject { ["listId"] = l.ListId.ToString(), ["name"] = l.Name }).ToArray()),
        ["contacts"] = new JsonArray(Contacts.Values.Select(c => (JsonNode)new JsonObject
        {
            ["contactId"] = c.ContactId.ToString(), ["email"] = c.Email, ["status"] = c.Status,
            ["firstName"] = c.Fields.GetValueOrDefault("firstName"), ["lastName"] = c.Fields.GetValueOrDefault("lastName"),
            ["customFields"] = new JsonObject(c.Fields.Where(f => !ContactRecord.StandardFields.Contains(f.Key))
                .Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value))))
        }).ToArray()),
        ["subscriptions"] = new JsonArray(Subscriptions.Values.Select(s => (JsonNode)new JsonObject
        {
            ["subscriptionId"] = s.SubscriptionId, ["listId"] = s.ListId.ToString(), ["contactId"] = s.ContactId.ToString(), ["status"] = s.Status
        }).ToArray()),
        ["customFields"] = new JsonArray(CustomFields.Values.Select(f => (JsonNode)f.PrivateName!).ToArray()),
        ["customFieldTypes"] = new JsonObject(CustomFields.Values.Select(f => KeyValuePair.Create(f.PrivateName, (JsonNode?)JsonValue.Create(f.FieldType)))),
        ["webhooks"] = new JsonArray(Webhooks.Values.Select(w => (JsonNode)new JsonObject
        {
            ["webhookId"] = w.WebhookId.ToString(), ["clientFolderId"] = w.ClientFolderId, ["eventId"] = w.EventId, ["url"] = w.Url,
            ["listId"] = w.ListId?.ToString()
        }).ToArray()),
        ["webhookDeliveries"] = new JsonArray(Deliveries.Select(d => (JsonNode)new JsonObject
        {
            ["deliveryId"] = d.DeliveryId.ToString(), ["webhookId"] = d.WebhookId?.ToString(), ["eventId"] = d.EventId,
            ["state"] = d.State, ["statusCode"] = d.StatusCode, ["error"] = d.Error
        }).ToArray()),
        ["requestCount"] = RequestLog.Count,
        ["peakRequestsPerHour"] = PeakRequestsPerHour
    };
}
