using System.Net;
using System.Text.Json;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Reads iContact's response bodies the way iContact writes them: envelopes whose collections may arrive as a bare
/// object, messages as a string, an array or an object, totals as numbers or strings
/// </summary>
public static class IcontactResponse
{
    /// <summary>
    /// Parses a body; false when it is empty or not JSON
    /// </summary>
    public static bool TryParse(string text, out JsonElement json)
    {
        json = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a string array that may also arrive as one string, an object with "message", or null
    /// </summary>
    public static IReadOnlyList<string> Messages(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object || !TryGetProperty(json, name, out var value))
            return [];

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(Text).Where(m => !string.IsNullOrEmpty(m)).ToList(),
            JsonValueKind.String => [value.GetString()],
            JsonValueKind.Object when TryGetProperty(value, "message", out var message) => [Text(message)],
            JsonValueKind.Object => value.EnumerateObject().Select(p => Text(p.Value)).ToList(),
            _ => []
        };

        static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
    }

    /// <summary>
    /// Reads the warnings and notices iContact sends with a 200
    /// </summary>
    public static IReadOnlyList<string> Warnings(JsonElement json) =>
        Messages(json, "warnings").Concat(Messages(json, "notices")).ToList();

    /// <summary>
    /// Gets a property by name, ignoring case
    /// </summary>
    public static bool TryGetProperty(JsonElement json, string name, out JsonElement value)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Reads a collection; a one-item collection has been seen as a bare object
    /// </summary>
    public static List<T> Array<T>(JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object || !TryGetProperty(json, name, out var value))
            return [];

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.Deserialize<List<T>>(IcontactJson.Options) ?? [],
            JsonValueKind.Object => [value.Deserialize<T>(IcontactJson.Options)],
            _ => []
        };
    }

    /// <summary>
    /// Reads the total of a collection GET, or the fallback when iContact omits it
    /// </summary>
    public static int Total(JsonElement json, int fallback) =>
        json.ValueKind == JsonValueKind.Object && TryGetProperty(json, "total", out var total)
            ? total.ValueKind switch
            {
                JsonValueKind.Number when total.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(total.GetString(), out var s) => s,
                _ => fallback
            }
            : fallback;

    /// <summary>
    /// Creates the error for a status code and iContact's messages, classified into the kinds callers decide on
    /// </summary>
    public static IcontactApiException Error(HttpStatusCode status, IReadOnlyList<string> messages, HttpMethod method, string path)
    {
        var serverText = messages.Count > 0 ? string.Join(" ", messages) : "no message";
        var said = $"iContact answered {method} {path} with {(int)status} {status}: {serverText}";

        var kind = (int)status switch
        {
            401 => ClassifyAuthenticationFailure(serverText),
            402 => IcontactErrorKind.PaymentRequired,
            403 => IcontactErrorKind.Forbidden,
            404 => IcontactErrorKind.NotFound,
            429 => IcontactErrorKind.Throttled,
            503 when LooksLikeThrottling(serverText) => IcontactErrorKind.Throttled,
            503 => IcontactErrorKind.Unavailable,
            400 or 405 or 406 or 415 or 501 => IcontactErrorKind.BadRequest,
            >= 500 => IcontactErrorKind.Transient,
            408 => IcontactErrorKind.Transient,
            _ => IcontactErrorKind.BadRequest
        };

        return new IcontactApiException(kind, said, status, messages);
    }

    private static IcontactErrorKind ClassifyAuthenticationFailure(string message)
    {
        //iContact sends prose, no codes: "Api username invalid", "The application was not recognized. ...",
        //"The password you provided was not recognized."
        if (message.Contains("application", StringComparison.OrdinalIgnoreCase) || message.Contains("appid", StringComparison.OrdinalIgnoreCase))
            return IcontactErrorKind.AppIdNotRecognized;
        if (message.Contains("password", StringComparison.OrdinalIgnoreCase))
            return IcontactErrorKind.WrongPassword;
        if (message.Contains("username", StringComparison.OrdinalIgnoreCase))
            return IcontactErrorKind.UnknownUsername;
        return IcontactErrorKind.AuthenticationFailed;
    }

    private static bool LooksLikeThrottling(string message) =>
        message.Contains("limit", StringComparison.OrdinalIgnoreCase) || message.Contains("throttl", StringComparison.OrdinalIgnoreCase)
        || message.Contains("too many", StringComparison.OrdinalIgnoreCase);
}
