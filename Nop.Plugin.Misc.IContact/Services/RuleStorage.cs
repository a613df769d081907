using System.Text.Json;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The storage format of rules, private to <see cref="IcontactRuleService"/>: rules live in <see cref="IcontactSettings.RulesJson"/>
/// as JSON because nopCommerce's setting service persists only simple values (and List of int/decimal/string, Dictionary
/// of int to int) and silently drops anything else
/// </summary>
internal static class RuleStorage
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads the rules of a settings object
    /// </summary>
    /// <param name="rulesJson">Stored JSON; null or empty means no rules</param>
    /// <returns>Rules in their stored order</returns>
    /// <exception cref="InvalidOperationException">The stored value is not rules JSON (never silently replaced)</exception>
    public static List<IcontactRule> Parse(string rulesJson)
    {
        if (string.IsNullOrWhiteSpace(rulesJson))
            return [];

        try
        {
            return (JsonSerializer.Deserialize<List<IcontactRule>>(rulesJson, Options) ?? [])
                .Where(rule => rule is not null)
                .Select(rule => rule with { CustomerRoleIds = rule.CustomerRoleIds ?? [] })
                .ToList();
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The stored iContact rules are not valid JSON: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Writes rules for storage
    /// </summary>
    public static string Serialize(IEnumerable<IcontactRule> rules) => JsonSerializer.Serialize(rules, Options);
}
