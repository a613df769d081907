using System.Text.Json;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// The storage format of rules, private to <see cref="IcontactRuleService"/>: one JSON object per rule row, and the JSON
/// list of version 1.0's <see cref="IcontactSettings.RulesJson"/> setting (read once, when the rules move to the table)
/// </summary>
internal static class RuleStorage
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Gives the lists a stored rule wrote as null (or, before 1.1, did not have) an empty value
    /// </summary>
    private static IcontactRule Complete(IcontactRule rule) => rule with
    {
        CustomerRoleIds = rule.CustomerRoleIds ?? [],
        ProductIds = rule.ProductIds ?? [],
        CategoryIds = rule.CategoryIds ?? [],
        ManufacturerIds = rule.ManufacturerIds ?? []
    };

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
                .Select(Complete)
                .ToList();
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The stored iContact rules are not valid JSON: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Writes rules as one JSON list (the 1.0 setting's format)
    /// </summary>
    public static string Serialize(IEnumerable<IcontactRule> rules) => JsonSerializer.Serialize(rules, Options);

    /// <summary>
    /// Writes one rule for its row
    /// </summary>
    public static string SerializeRule(IcontactRule rule) => JsonSerializer.Serialize(rule, Options);

    /// <summary>
    /// Reads the rules of rule rows in their order (marker rows carry none)
    /// </summary>
    /// <exception cref="InvalidOperationException">A row is not rule JSON (never silently dropped)</exception>
    public static List<IcontactRule> ParseRows(IEnumerable<IcontactRuleRecord> rows)
    {
        var rules = new List<IcontactRule>();
        foreach (var row in rows.Where(row => !string.IsNullOrWhiteSpace(row.RuleJson)))
        {
            try
            {
                var rule = JsonSerializer.Deserialize<IcontactRule>(row.RuleJson, Options);
                if (rule is not null)
                    rules.Add(Complete(rule) with { Id = rule.Id ?? row.RuleId });
            }
            catch (JsonException exception)
            {
                throw new InvalidOperationException($"The stored iContact rule {row.Id} is not valid JSON: {exception.Message}", exception);
            }
        }

        return rules;
    }
}
