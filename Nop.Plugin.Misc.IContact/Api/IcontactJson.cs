using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Reads iContact JSON the way iContact writes it: ids as strings or numbers, flags as 0/1, "1", "" or null
/// </summary>
public static class IcontactJson
{
    /// <summary>
    /// Gets the serializer options for requests and responses
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new LenientStringConverter(), new LenientIntConverter() }
    };

    /// <summary>
    /// Reads any scalar as a string: numbers keep their text, booleans become "1"/"0"
    /// </summary>
    public sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                case JsonTokenType.True:
                    return "1";
                case JsonTokenType.False:
                    return "0";
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    reader.Skip();
                    return null;
                default:
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>
    /// Reads numbers, numeric strings, booleans and empty strings as an int (empty and unreadable = 0)
    /// </summary>
    public sealed class LenientIntConverter : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    return reader.TryGetInt32(out var number) ? number : (int)reader.GetDouble();
                case JsonTokenType.String:
                    return int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                case JsonTokenType.True:
                    return 1;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    reader.Skip();
                    return 0;
                default:
                    return 0;
            }
        }

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>
    /// Writes an id as a JSON number when it is all digits (as iContact's own clients send them), else as a string
    /// </summary>
    public sealed class IdConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new LenientStringConverter().Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                writer.WriteNumberValue(number);
            else
                writer.WriteStringValue(value);
        }
    }
}
