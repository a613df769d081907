using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IcontactEmulator;

/// <summary>
/// The web hooks resource (/a/{a}/c/{c}/webhooks[/{webhookId}]) and the events iContact posts to hooks.
/// Facts and their confidence: tools/IcontactEmulator/WEBHOOKS.md.
/// </summary>
public sealed partial class IcontactApi
{
    public const string ContactCreated = "contact_created", ContactUpdated = "contact_updated",
        ContactSubscribed = "contact_subscribed", ContactUnsubscribed = "contact_unsubscribed";

    public static readonly string[] WebhookEvents = [ContactUpdated, ContactCreated, ContactSubscribed, ContactUnsubscribed];

    /// <summary>iContact's exact refusal text is unknown; this says what its documentation requires.</summary>
    public const string WebhooksNotPermitted = "You do not have permission to use this resource. You must be the admin on an iContact Agency account to use web hooks.";

    /// <summary>What the current request changed that hooks may hear about (the request runs under the state lock).</summary>
    private readonly List<WebhookEvent> _events = [];

    /// <summary>The client folder in the current request's path.</summary>
    private string? _requestFolder;

    private Reply Webhooks(string? id, string method, IQueryCollection query, string body, EmulatorSwitches switches)
    {
        if (switches.WebhooksRefused)
            return Error(switches.WebhooksRefusedStatus, switches.WebhooksRefusedStatus switch
            {
                404 => "The resource you requested does not exist.",
                501 => "Not Implemented: the resource you requested does not exist.",
                _ => WebhooksNotPermitted
            });

        var folder = _requestFolder!;
        if (id is null)
            return method switch
            {
                "GET" => Collection("webhooks", state.Webhooks.Values.Where(w => w.ClientFolderId == folder)
                    .Where(w => !query.ContainsKey("eventId") || w.EventId == query["eventId"].ToString())
                    .OrderBy(w => w.WebhookId).Select(w => Webhook(w, switches)).ToList(), query, UnknownTerms(query, "eventId")),
                "POST" => PostWebhooks(folder, body, switches),
                _ => Error(405, "Method Not Allowed.")
            };

        if (!long.TryParse(id, out var webhookId) || !state.Webhooks.TryGetValue(webhookId, out var hook) || hook.ClientFolderId != folder)
            return Error(404, "The web hook you requested does not exist.");
        switch (method)
        {
            case "GET":
                return new Reply(200, new JsonObject { ["webhook"] = Webhook(hook, switches) });
            case "DELETE":
                state.Webhooks.Remove(webhookId);
                return new Reply(200, new JsonArray());
            default:
                return Error(405, "Method Not Allowed: a web hook cannot be changed; delete it and create another.");
        }
    }

    private Reply PostWebhooks(string folder, string body, EmulatorSwitches switches)
    {
        var accepted = new List<JsonNode>();
        var warnings = new List<string>();
        foreach (var item in Items(body, "webhook"))
        {
            if (item is not JsonObject o) { warnings.Add("Each web hook must be an object."); continue; }
            if (o.ContainsKey("webhookId")) { warnings.Add("You cannot provide a webhookId when creating a web hook."); continue; }
            var url = Text(o["url"]);
            if (string.IsNullOrWhiteSpace(url)) { warnings.Add("You did not provide a url field, which is required. Please provide a url field"); continue; }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                warnings.Add($"The url '{url}' is not a valid URL. Please provide an absolute http or https URL.");
                continue;
            }
            var eventId = Text(o["eventId"]);
            if (string.IsNullOrWhiteSpace(eventId)) { warnings.Add("You did not provide an eventId field, which is required. Please provide an eventId field"); continue; }
            if (!WebhookEvents.Contains(eventId))
            {
                warnings.Add($"The eventId '{eventId}' is not valid. eventId can be {string.Join(", ", WebhookEvents)}.");
                continue;
            }

            long? listId = null;
            if (switches.WebhookListFilter && o["listId"] is { } listNode)
            {
                if (!long.TryParse(Text(listNode), out var parsed) || !state.Lists.ContainsKey(parsed)) { warnings.Add($"The list {Text(listNode)} does not exist."); continue; }
                listId = parsed;
            }
            foreach (var key in o.Select(p => p.Key).Where(k => k is not ("url" or "eventId") && !(k == "listId" && switches.WebhookListFilter)))
                warnings.Add($"The field '{key}' is not a web hook field and was ignored.");

            //no source says iContact refuses a second hook with the same url and event, so each POST creates one
            var hook = new WebhookRecord { WebhookId = state.NextWebhookId(), ClientFolderId = folder, Url = url, EventId = eventId, ListId = listId };
            state.Webhooks[hook.WebhookId] = hook;
            accepted.Add(Webhook(hook, switches));
        }
        return Batch("webhooks", accepted, warnings);
    }

    private static JsonObject Webhook(WebhookRecord w, EmulatorSwitches switches)
    {
        var o = new JsonObject { ["webhookId"] = Id(w.WebhookId.ToString(), switches), ["url"] = w.Url, ["eventId"] = w.EventId };
        if (w.ListId is { } listId)
            o["listId"] = Id(listId.ToString(), switches);
        return o;
    }

    #region Events

    private void RaiseContactEvent(string eventId, ContactRecord contact, EmulatorSwitches switches)
    {
        //benchmarks post 100,000 contacts: build bodies only when someone listens
        if (state.Webhooks.Count > 0)
            _events.Add(new WebhookEvent(eventId, _requestFolder, null, new JsonObject { ["contact"] = Contact(contact, switches) }));
    }

    /// <summary>
    /// A subscription became normal (contact_subscribed) or left normal/pending for unsubscribed (contact_unsubscribed);
    /// pending alone is not a subscription yet.
    /// </summary>
    private void RaiseSubscriptionEvent(SubscriptionRecord subscription, string? before, EmulatorSwitches switches, bool everyFolder = false)
    {
        var eventId = (before, subscription.Status) switch
        {
            (not "normal", "normal") => ContactSubscribed,
            ("normal" or "pending", "unsubscribed") => ContactUnsubscribed,
            _ => null
        };
        if (eventId is null || state.Webhooks.Count == 0 || !state.Contacts.TryGetValue(subscription.ContactId, out var contact) || !state.Lists.TryGetValue(subscription.ListId, out var list))
            return;
        _events.Add(new WebhookEvent(eventId, everyFolder ? null : _requestFolder, subscription.ListId,
            new JsonObject { ["contact"] = Contact(contact, switches), ["list"] = List(list, switches) }));
    }

    /// <summary>
    /// A contact clicks "unsubscribe" in a campaign: its normal or pending subscriptions (only on <paramref name="listId"/>
    /// when given) become unsubscribed and hooks of every folder hear it. Null: no such contact.
    /// </summary>
    public List<string>? CampaignUnsubscribe(long contactId, long? listId)
    {
        lock (state.Lock)
        {
            if (!state.Contacts.ContainsKey(contactId))
                return null;
            _events.Clear();
            var changed = new List<string>();
            foreach (var subscription in state.Subscriptions.Values
                         .Where(s => s.ContactId == contactId && (listId is null || s.ListId == listId) && s.Status is "normal" or "pending")
                         .OrderBy(s => s.ListId))
            {
                var before = subscription.Status;
                subscription.Status = "unsubscribed";
                RaiseSubscriptionEvent(subscription, before, state.Switches, everyFolder: true);
                changed.Add(subscription.SubscriptionId);
            }
            webhooks.Dispatch(_events);
            _events.Clear();
            return changed;
        }
    }

    /// <summary>A contact confirms a double opt-in by email: pending becomes normal (contact_subscribed). False: not pending.</summary>
    public bool ConfirmSubscription(string subscriptionId)
    {
        lock (state.Lock)
        {
            if (!state.Subscriptions.TryGetValue(subscriptionId, out var subscription) || subscription.Status != "pending")
                return false;
            _events.Clear();
            subscription.Status = "normal";
            RaiseSubscriptionEvent(subscription, "pending", state.Switches, everyFolder: true);
            webhooks.Dispatch(_events);
            _events.Clear();
            return true;
        }
    }

    /// <summary>
    /// One element of the body iContact would post for this event about this contact (and list, for subscription
    /// events), as the contact and list are now. Null: no such contact or list.
    /// </summary>
    public JsonObject? EventItem(string eventId, long contactId, long? listId)
    {
        lock (state.Lock)
        {
            if (!state.Contacts.TryGetValue(contactId, out var contact))
                return null;
            var item = new JsonObject { ["contact"] = Contact(contact, state.Switches) };
            if (eventId is ContactSubscribed or ContactUnsubscribed)
            {
                if (listId is null || !state.Lists.TryGetValue(listId.Value, out var list))
                    return null;
                item["list"] = List(list, state.Switches);
            }
            return item;
        }
    }

    #endregion
}
