using System.Globalization;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents the names a mapping turns ids into (countries, states, languages, stores, customer attribute values),
/// read once for a customer or a whole bulk page, never per customer
/// </summary>
public record FieldLookups(IReadOnlyDictionary<int, string> Countries, IReadOnlyDictionary<int, string> States,
    IReadOnlyDictionary<int, string> Languages, IReadOnlyDictionary<int, string> Stores,
    IReadOnlyDictionary<int, FieldAttribute> Attributes)
{
    /// <summary>
    /// Gets lookups that know nothing (a mapping that uses none)
    /// </summary>
    public static FieldLookups Empty { get; } = new(new Dictionary<int, string>(), new Dictionary<int, string>(),
        new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, FieldAttribute>());
}

/// <summary>
/// Represents a customer attribute a mapping sends: whether its stored values are value ids, and their names
/// </summary>
/// <param name="HasValues">Whether the customer picks predefined values (stored as their ids)</param>
/// <param name="ValueNames">Names of the predefined values by id</param>
public record FieldAttribute(bool HasValues, IReadOnlyDictionary<int, string> ValueNames);

/// <summary>
/// Formats nopCommerce values as iContact expects them: text as it is, dates MM/DD/YYYY, amounts with two decimals
/// and whole numbers, all in the invariant culture; a value the customer does not have is left out (null), so iContact
/// keeps what it has
/// </summary>
public static class FieldValues
{
    /// <summary>
    /// Formats a date (the date part; nopCommerce keeps dates in UTC)
    /// </summary>
    public static string Date(DateTime? value) => value?.ToString(IcontactDefaults.ContactDateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats an amount with two decimals
    /// </summary>
    public static string Amount(decimal? value) => value?.ToString(IcontactDefaults.ContactAmountFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats nopCommerce's gender code
    /// </summary>
    public static string Gender(string code) => code?.Trim().ToUpperInvariant() switch
    {
        "M" => IcontactDefaults.GenderValues.Male,
        "F" => IcontactDefaults.GenderValues.Female,
        _ => null
    };

    /// <summary>
    /// Gets the value a mapping sends for a customer
    /// </summary>
    /// <param name="mapping">The mapping</param>
    /// <param name="customer">The customer</param>
    /// <param name="orders">The customer's order statistics (read only when a mapping needs them)</param>
    /// <param name="lookups">Names of ids</param>
    /// <param name="attributeValues">Reads a customer attribute's stored values (the platform's parser)</param>
    public static string Of(FieldMapping mapping, Customer customer, OrderStatistics orders, FieldLookups lookups,
        Func<Customer, int, IList<string>> attributeValues)
    {
        orders ??= OrderStatistics.None;
        return mapping.Source switch
        {
            FieldSource.FirstName => customer.FirstName,
            FieldSource.LastName => customer.LastName,
            FieldSource.Company => customer.Company,
            FieldSource.Phone => customer.Phone,
            FieldSource.StreetAddress => customer.StreetAddress,
            FieldSource.StreetAddress2 => customer.StreetAddress2,
            FieldSource.City => customer.City,
            FieldSource.ZipPostalCode => customer.ZipPostalCode,
            FieldSource.StateProvince => lookups.States.GetValueOrDefault(customer.StateProvinceId),
            FieldSource.Country => lookups.Countries.GetValueOrDefault(customer.CountryId),
            FieldSource.Gender => Gender(customer.Gender),
            FieldSource.DateOfBirth => Date(customer.DateOfBirth),
            FieldSource.Language => customer.LanguageId is int languageId ? lookups.Languages.GetValueOrDefault(languageId) : null,
            FieldSource.Store => lookups.Stores.GetValueOrDefault(customer.RegisteredInStoreId),
            FieldSource.RegistrationDate => Date(customer.CreatedOnUtc),
            FieldSource.CustomerId => customer.Id.ToString(CultureInfo.InvariantCulture),
            FieldSource.CustomerAttribute => Attribute(mapping.AttributeId, customer, lookups, attributeValues),
            FieldSource.OrderCount => orders.OrderCount.ToString(CultureInfo.InvariantCulture),
            FieldSource.TotalSpent => Amount(orders.TotalSpent),
            FieldSource.FirstOrderDate => Date(orders.FirstOrderUtc),
            FieldSource.LastOrderDate => Date(orders.LastOrderUtc),
            FieldSource.LastOrderTotal => orders.OrderCount > 0 ? Amount(orders.LastOrderTotal) : null,
            _ => null
        };
    }

    /// <summary>
    /// Formats a customer attribute: the entered text, or the names of the chosen values joined with ", "
    /// </summary>
    private static string Attribute(int attributeId, Customer customer, FieldLookups lookups, Func<Customer, int, IList<string>> attributeValues)
    {
        if (string.IsNullOrEmpty(customer.CustomCustomerAttributesXML) || !lookups.Attributes.TryGetValue(attributeId, out var attribute))
            return null;

        var values = attributeValues(customer, attributeId) ?? [];
        var texts = attribute.HasValues
            ? values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? attribute.ValueNames.GetValueOrDefault(id) : null)
            : values;
        var text = string.Join(", ", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));
        return text.Length == 0 ? null : text;
    }
}
