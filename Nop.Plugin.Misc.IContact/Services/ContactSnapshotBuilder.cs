using System.Text.Json;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Attributes;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents the contact fields queued with a change, and the version of the mappings that produced them
/// </summary>
public record ContactSnapshot(string Json, string FieldsVersion);

/// <summary>
/// The one owner of what a contact carries to iContact: applies a store's field mappings (<see cref="FieldMappingService"/>)
/// to a customer, for a live event or a whole bulk page. Order statistics are read only when a mapping uses them (one
/// grouped query per customer or per page); names of countries, states, languages, stores and attribute values come
/// from the platform's cached lists, read once per call, never per customer.
/// </summary>
public class ContactSnapshotBuilder
{
    #region Fields

    protected readonly FieldMappingService _fieldMappingService;
    protected readonly IAttributeParser<CustomerAttribute, CustomerAttributeValue> _attributeParser;
    protected readonly IAttributeService<CustomerAttribute, CustomerAttributeValue> _attributeService;
    protected readonly ICountryService _countryService;
    protected readonly ILanguageService _languageService;
    protected readonly IStateProvinceService _stateProvinceService;
    protected readonly IStoreService _storeService;
    protected readonly OrderStatisticsReader _orderStatisticsReader;

    #endregion

    #region Ctor

    public ContactSnapshotBuilder(FieldMappingService fieldMappingService,
        IAttributeParser<CustomerAttribute, CustomerAttributeValue> attributeParser,
        IAttributeService<CustomerAttribute, CustomerAttributeValue> attributeService,
        ICountryService countryService,
        ILanguageService languageService,
        IStateProvinceService stateProvinceService,
        IStoreService storeService,
        OrderStatisticsReader orderStatisticsReader)
    {
        _fieldMappingService = fieldMappingService;
        _attributeParser = attributeParser;
        _attributeService = attributeService;
        _countryService = countryService;
        _languageService = languageService;
        _stateProvinceService = stateProvinceService;
        _storeService = storeService;
        _orderStatisticsReader = orderStatisticsReader;
    }

    #endregion

    #region Utilities

    private static IReadOnlyDictionary<int, string> Names<T>(IEnumerable<T> items, Func<T, int> id, Func<T, string> name) =>
        items.GroupBy(id).ToDictionary(g => g.Key, g => name(g.First()));

    /// <summary>
    /// Reads the names the mappings need, from the platform's cached lists
    /// </summary>
    protected virtual async Task<FieldLookups> LookupsAsync(IReadOnlyList<FieldMapping> mappings)
    {
        var sources = mappings.Select(mapping => mapping.Source).ToHashSet();
        if (!sources.Overlaps([FieldSource.Country, FieldSource.StateProvince, FieldSource.Language, FieldSource.Store, FieldSource.CustomerAttribute]))
            return FieldLookups.Empty;

        var empty = new Dictionary<int, string>();
        var attributes = new Dictionary<int, FieldAttribute>();
        var attributeIds = mappings.Where(m => m.Source == FieldSource.CustomerAttribute).Select(m => m.AttributeId).ToHashSet();
        if (attributeIds.Count > 0)
        {
            foreach (var attribute in (await _attributeService.GetAllAttributesAsync()).Where(a => attributeIds.Contains(a.Id)))
            {
                var hasValues = attribute.AttributeControlType is not (AttributeControlType.TextBox or AttributeControlType.MultilineTextbox
                    or AttributeControlType.Datepicker or AttributeControlType.FileUpload);
                var values = hasValues ? Names(await _attributeService.GetAttributeValuesAsync(attribute.Id), v => v.Id, v => v.Name) : empty;
                attributes[attribute.Id] = new FieldAttribute(hasValues, values);
            }
        }

        return new FieldLookups(
            sources.Contains(FieldSource.Country) ? Names(await _countryService.GetAllCountriesAsync(showHidden: true), c => c.Id, c => c.Name) : empty,
            sources.Contains(FieldSource.StateProvince) ? Names(await _stateProvinceService.GetStateProvincesAsync(showHidden: true), s => s.Id, s => s.Name) : empty,
            sources.Contains(FieldSource.Language) ? Names(await _languageService.GetAllLanguagesAsync(showHidden: true), l => l.Id, l => l.Name) : empty,
            sources.Contains(FieldSource.Store) ? Names(await _storeService.GetAllStoresAsync(), s => s.Id, s => s.Name) : empty,
            attributes);
    }

    /// <summary>
    /// Applies mappings to a customer
    /// </summary>
    protected virtual ContactSnapshot Build(FieldMapSet set, Customer customer, OrderStatistics orders, FieldLookups lookups)
    {
        var standard = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, object> custom = null;
        foreach (var mapping in set.Mappings)
        {
            var value = FieldValues.Of(mapping, customer, orders, lookups, (c, attributeId) => _attributeParser.ParseValues(c.CustomCustomerAttributesXML, attributeId));
            if (mapping.IsStandard)
                standard[mapping.Target] = value;
            else if (value is not null)
                (custom ??= new Dictionary<string, object>(StringComparer.Ordinal))[mapping.Target.Trim()] = value;
        }

        var contact = new IcontactContact
        {
            CustomFields = custom,
            Email = QueueItemFactory.NormalizeEmail(customer.Email),
            Prefix = standard.GetValueOrDefault("prefix"),
            FirstName = standard.GetValueOrDefault("firstName"),
            LastName = standard.GetValueOrDefault("lastName"),
            Suffix = standard.GetValueOrDefault("suffix"),
            Street = standard.GetValueOrDefault("street"),
            Street2 = standard.GetValueOrDefault("street2"),
            City = standard.GetValueOrDefault("city"),
            State = standard.GetValueOrDefault("state"),
            PostalCode = standard.GetValueOrDefault("postalCode"),
            Phone = standard.GetValueOrDefault("phone"),
            Fax = standard.GetValueOrDefault("fax"),
            Business = standard.GetValueOrDefault("business")
        };
        return new ContactSnapshot(JsonSerializer.Serialize(contact, IcontactJson.Options), set.Version);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the field mappings that apply to a store
    /// </summary>
    public virtual Task<FieldMapSet> GetMappingsAsync(int storeId, IcontactSettings settings) => _fieldMappingService.GetAsync(storeId, settings);

    /// <summary>
    /// Builds one customer's contact fields (a live event): reads the customer's order statistics in one query when a
    /// mapping uses them and the caller has not read them already
    /// </summary>
    /// <param name="customer">Customer</param>
    /// <param name="storeId">Store whose mappings apply (and whose orders count)</param>
    /// <param name="settings">The store's settings</param>
    /// <param name="orders">The customer's statistics when the caller already read them (e.g. for the rules)</param>
    public virtual async Task<ContactSnapshot> BuildAsync(Customer customer, int storeId, IcontactSettings settings, OrderStatistics orders = null)
    {
        var set = await GetMappingsAsync(storeId, settings);
        if (set.NeedsOrders && orders is null)
            orders = await _orderStatisticsReader.GetAsync(customer.Id, storeId);
        return Build(set, customer, orders, await LookupsAsync(set.Mappings));
    }

    /// <summary>
    /// Prepares the contact fields of a bulk page: the page's order statistics in one query (only when a mapping uses
    /// them) and the names once
    /// </summary>
    /// <param name="customers">The page's customers</param>
    /// <param name="storeId">Store whose mappings apply (and whose orders count)</param>
    /// <param name="settings">The store's settings</param>
    /// <param name="pageOrders">The page's statistics when the caller already read them (e.g. for the rules)</param>
    /// <returns>The mappings applied, and what builds a customer's fields without another query</returns>
    public virtual async Task<(FieldMapSet Mappings, Func<Customer, ContactSnapshot> Build)> ForPageAsync(IReadOnlyCollection<Customer> customers, int storeId,
        IcontactSettings settings, IReadOnlyDictionary<int, OrderStatistics> pageOrders = null)
    {
        var set = await GetMappingsAsync(storeId, settings);
        var orders = !set.NeedsOrders ? new Dictionary<int, OrderStatistics>()
            : pageOrders ?? await _orderStatisticsReader.GetManyAsync(customers.Select(customer => customer.Id).ToList(), storeId);
        var lookups = await LookupsAsync(set.Mappings);
        return (set, customer => Build(set, customer, orders.GetValueOrDefault(customer.Id), lookups));
    }

    #endregion
}
