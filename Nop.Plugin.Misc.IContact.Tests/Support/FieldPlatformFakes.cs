using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Services.Attributes;
using Nop.Services.Directory;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// The platform's lists the field mappings read names from (countries, states, languages, customer attributes and their
/// values) and the order table, as the platform answers: the lists whole (4.90.6 ICountryService.GetAllCountriesAsync,
/// IStateProvinceService.GetStateProvincesAsync, ILanguageService.GetAllLanguagesAsync, IAttributeService.GetAllAttributesAsync
/// / GetAttributeValuesAsync), and IAttributeParser.ParseValues reading the attribute XML the platform stores
/// (&lt;Attributes&gt;&lt;CustomerAttribute ID="n"&gt;&lt;CustomerAttributeValue&gt;&lt;Value&gt;…), empty for a missing or unreadable XML.
/// Each list call is counted, so a test can tell a bulk page reads them once, not per customer.
/// </summary>
public class FieldPlatformFakes : ICountryService, IStateProvinceService, ILanguageService,
    IAttributeService<CustomerAttribute, CustomerAttributeValue>, IAttributeParser<CustomerAttribute, CustomerAttributeValue>
{
    public List<Country> Countries { get; } = [new Country { Id = 1, Name = "United States" }, new Country { Id = 2, Name = "Germany" }];
    public List<StateProvince> States { get; } = [new StateProvince { Id = 10, CountryId = 1, Name = "New York", Abbreviation = "NY" }];
    public List<Language> Languages { get; } = [new Language { Id = 1, Name = "English", LanguageCulture = "en-US" }, new Language { Id = 2, Name = "Deutsch", LanguageCulture = "de-DE" }];
    public List<CustomerAttribute> Attributes { get; } = [];
    public List<CustomerAttributeValue> AttributeValues { get; } = [];
    public InMemoryRepository<Order> Orders { get; } = new();

    /// <summary>
    /// Gets how many times any of the platform's lists was read
    /// </summary>
    public int ListReads { get; private set; }

    /// <summary>
    /// Builds the XML the platform stores in Customer.CustomCustomerAttributesXML
    /// </summary>
    public static string AttributesXml(params (int AttributeId, string Value)[] values) =>
        new XElement("Attributes", values.GroupBy(v => v.AttributeId).Select(g => new XElement("CustomerAttribute", new XAttribute("ID", g.Key),
            g.Select(v => new XElement("CustomerAttributeValue", new XElement("Value", v.Value)))))).ToString(SaveOptions.DisableFormatting);

    private static IList<string> ParseValues(string xml, int attributeId)
    {
        if (string.IsNullOrEmpty(xml))
            return [];
        try
        {
            return XDocument.Parse(xml).Root!.Elements("CustomerAttribute")
                .Where(e => int.TryParse((string)e.Attribute("ID"), out var id) && id == attributeId)
                .SelectMany(e => e.Elements("CustomerAttributeValue").Elements("Value")).Select(v => v.Value.Trim()).ToList();
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }

    /// <summary>
    /// Registers the fakes as the platform's services, and the order table unless the caller has a real one
    /// </summary>
    public void AddTo(IServiceCollection services, bool withOrders = true)
    {
        services.AddSingleton<ICountryService>(this);
        services.AddSingleton<IStateProvinceService>(this);
        services.AddSingleton<ILanguageService>(this);
        services.AddSingleton<IAttributeService<CustomerAttribute, CustomerAttributeValue>>(this);
        services.AddSingleton<IAttributeParser<CustomerAttribute, CustomerAttributeValue>>(this);
        if (withOrders)
            services.AddSingleton<IRepository<Order>>(Orders);
    }

    private Task<IList<T>> Read<T>(IEnumerable<T> items)
    {
        ListReads++;
        return Task.FromResult<IList<T>>(items.ToList());
    }

    public Task<IList<Country>> GetAllCountriesAsync(int languageId = 0, bool showHidden = false) => Read(Countries);

    public Task<IList<StateProvince>> GetStateProvincesAsync(bool showHidden = false) => Read(States);

    public Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0) => Read(Languages);

    public Task<IList<CustomerAttribute>> GetAllAttributesAsync() => Read(Attributes);

    public Task<IList<CustomerAttributeValue>> GetAttributeValuesAsync(int attributeId) => Read(AttributeValues.Where(v => v.AttributeId == attributeId));

    IList<string> IAttributeParser<CustomerAttribute, CustomerAttributeValue>.ParseValues(string attributesXml, int attributeId) => ParseValues(attributesXml, attributeId);
}
