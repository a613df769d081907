using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IcontactEmulator;

/// <summary>
/// Controls for web hooks under /_emulator: what iContact users do (a campaign unsubscribe), what was sent to hooks,
/// and sending any body to a hook or URL so receivers can be tested against forged, malformed or oversized calls.
/// </summary>
public static class WebhookControls
{
    public static void Map(RouteGroupBuilder controls, EmulatorState state, IcontactApi api, WebhookDispatcher webhooks)
    {
        //{"listId":"205305"} for one list; no body: every list the contact is on
        controls.MapPost("/contacts/{contactId:long}/unsubscribe", async (long contactId, HttpContext context) =>
        {
            var body = await ReadObjectAsync(context);
            long? listId = long.TryParse(Text(body?["listId"]), out var id) ? id : null;
            var changed = api.CampaignUnsubscribe(contactId, listId);
            return changed is null
                ? Results.NotFound(new { error = $"no contact {contactId}" })
                : Results.Json(new { unsubscribed = changed });
        });

        controls.MapGet("/webhooks/deliveries", (HttpContext context) =>
        {
            var query = context.Request.Query;
            lock (state.Lock)
                return Results.Text(new JsonObject
                {
                    ["deliveries"] = new JsonArray(state.Deliveries
                        .Where(d => !query.ContainsKey("webhookId") || d.WebhookId?.ToString() == query["webhookId"].ToString())
                        .Where(d => !query.ContainsKey("state") || d.State == query["state"].ToString())
                        .Where(d => !query.ContainsKey("eventId") || d.EventId == query["eventId"].ToString())
                        .Select(d => (JsonNode)d.ToJson()).ToArray())
                }.ToJsonString(), "application/json");
        });

        controls.MapPost("/webhooks/send", async (HttpContext context) =>
        {
            JsonObject? request;
            try { request = await ReadObjectAsync(context); }
            catch (JsonException) { return Results.BadRequest(new { error = "the control body must be a JSON object" }); }
            if (request is null)
                return Results.BadRequest(new { error = "give webhookId or url, and rawBody, json or contactId" });

            WebhookRecord? hook = null;
            if (Text(request["webhookId"]) is { } webhookText)
                lock (state.Lock)
                    if (!long.TryParse(webhookText, out var webhookId) || !state.Webhooks.TryGetValue(webhookId, out hook))
                        return Results.NotFound(new { error = $"no web hook {webhookText}" });
            var url = Text(request["url"]) ?? hook?.Url;
            if (url is null)
                return Results.BadRequest(new { error = "give webhookId or url" });
            var eventId = Text(request["eventId"]) ?? hook?.EventId ?? "custom";

            var body = Body(request, api, eventId, out var problem);
            if (body is null)
                return Results.BadRequest(new { error = problem });

            var delivery = await webhooks.SendAsync(hook?.WebhookId, eventId, url, body, Text(request["contentType"]) ?? "application/json");
            lock (state.Lock)
                return Results.Text(delivery.ToJson().ToJsonString(), "application/json");
        });
    }

    /// <summary>
    /// rawBody: sent as it is (malformed JSON); json: any JSON; contactId (+listId): the body iContact would send now.
    /// extraFields are added to every element (unknown fields); padToBytes makes the body at least that long.
    /// </summary>
    private static string? Body(JsonObject request, IcontactApi api, string eventId, out string problem)
    {
        problem = "";
        if (Text(request["rawBody"]) is { } raw)
            return raw;

        JsonNode? json;
        if (request["json"] is { } given)
            json = given.DeepClone();
        else if (long.TryParse(Text(request["contactId"]), out var contactId))
        {
            long? listId = long.TryParse(Text(request["listId"]), out var l) ? l : null;
            var item = api.EventItem(eventId, contactId, listId);
            if (item is null)
            {
                problem = $"no contact {contactId}, or no list {listId} for {eventId}";
                return null;
            }
            json = new JsonArray(item);
        }
        else
        {
            problem = "give rawBody, json or contactId";
            return null;
        }

        if (request["extraFields"] is JsonObject extra && json is JsonArray items)
            foreach (var element in items.OfType<JsonObject>())
                foreach (var (key, value) in extra)
                    element[key] = value?.DeepClone();

        var text = json?.ToJsonString() ?? "null";
        var padTo = int.TryParse(Text(request["padToBytes"]), out var p) ? p : 0;
        if (padTo > text.Length)
        {
            if (json is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
            {
                first["padding"] = new string('x', padTo - text.Length);
                text = json.ToJsonString();
            }
            else
                text += new string(' ', padTo - text.Length); //still the same JSON, only longer
        }
        return text;
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
    }

    private static string? Text(JsonNode? node) => IcontactApi.Text(node);
}
