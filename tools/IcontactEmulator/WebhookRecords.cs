using System.Text.Json.Nodes;

namespace IcontactEmulator;

/// <summary>A web hook registered through POST /webhooks: one URL, one event, in one client folder.</summary>
public sealed class WebhookRecord
{
    public long WebhookId { get; init; }
    public string ClientFolderId { get; init; } = "";
    public string Url { get; init; } = "";
    public string EventId { get; init; } = "";
    /// <summary>Only honoured with the WebhookListFilter switch (no source documents a list filter).</summary>
    public long? ListId { get; init; }
}

/// <summary>
/// Something that happened which a hook may hear about: the event and one element of the body iContact posts,
/// {"contact":{…}} or {"contact":{…},"list":{…}}, built when it happened.
/// </summary>
/// <param name="ClientFolderId">The folder whose hooks hear it; null: every folder's.</param>
public sealed record WebhookEvent(string EventId, string? ClientFolderId, long? ListId, JsonObject Item);

/// <summary>One call the emulator made, or refused or dropped, to a hook URL (GET /_emulator/webhooks/deliveries).</summary>
public sealed class DeliveryRecord
{
    public const string Pending = "pending", Delivered = "delivered", Failed = "failed", Dropped = "dropped", Refused = "refused";

    public long DeliveryId { get; init; }
    /// <summary>Null for a body sent through POST /_emulator/webhooks/send to a bare URL.</summary>
    public long? WebhookId { get; init; }
    public string EventId { get; init; } = "";
    public string Url { get; init; } = "";
    public string Body { get; init; } = "";
    public string State { get; set; } = Pending;
    /// <summary>The receiver's answer; null when none came.</summary>
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public string CreatedAt { get; init; } = "";
    public string? CompletedAt { get; set; }

    /// <summary>Bodies longer than this are shown cut (the length is always given).</summary>
    private const int ShownBodyChars = 4096;

    public JsonObject ToJson() => new()
    {
        ["deliveryId"] = DeliveryId.ToString(),
        ["webhookId"] = WebhookId?.ToString(),
        ["eventId"] = EventId,
        ["url"] = Url,
        ["state"] = State,
        ["statusCode"] = StatusCode,
        ["error"] = Error,
        ["bodyLength"] = Body.Length,
        ["body"] = Body.Length > ShownBodyChars ? Body[..ShownBodyChars] : Body,
        ["createdAt"] = CreatedAt,
        ["completedAt"] = CompletedAt
    };
}
