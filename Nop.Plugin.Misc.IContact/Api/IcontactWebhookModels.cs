using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents a web hook of a client folder (…/webhooks): iContact POSTs the events of <see cref="EventId"/> to <see cref="Url"/>
/// </summary>
public record IcontactWebhook
{
    [JsonConverter(typeof(IcontactJson.IdConverter))]
    public string WebhookId { get; init; }
    public string Url { get; init; }
    public string EventId { get; init; }
}

/// <summary>
/// Represents one element of the body iContact POSTs to a hook: a contact and, for subscription events, a list. Its
/// content is a claim, never a fact: the receiver confirms it with the API
/// </summary>
/// <param name="ContactId">The contact id as claimed</param>
/// <param name="ListId">The list id as claimed; null for contact_created / contact_updated</param>
public record IcontactWebhookEvent(string ContactId, string ListId)
{
    private record Element(IcontactContact Contact, IcontactList List);

    /// <summary>
    /// Reads a hook body, <c>[{"contact":{…},"list":{…}}, …]</c>; unknown fields are ignored
    /// </summary>
    /// <param name="body">The body as received</param>
    /// <param name="events">The elements that name a contact</param>
    /// <returns>False when the body is not such an array</returns>
    public static bool TryParse(string body, out IReadOnlyList<IcontactWebhookEvent> events)
    {
        events = [];
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return false;

            var found = new List<IcontactWebhookEvent>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    return false;
                var element = item.Deserialize<Element>(IcontactJson.Options);
                if (!IsId(element?.Contact?.ContactId))
                    continue;
                found.Add(new IcontactWebhookEvent(element.Contact.ContactId, IsId(element.List?.ListId) ? element.List.ListId : null));
            }

            events = found.Distinct().ToList();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Gets whether a claimed id looks like an iContact id (digits only), so it can travel in a path
    /// </summary>
    public static bool IsId(string id) => !string.IsNullOrEmpty(id) && id.Length <= 20 && id.All(char.IsAsciiDigit);
}
