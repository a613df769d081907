using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.IContact.Factories;

/// <summary>
/// Prepares what the rule editor offers beyond roles and lists (who a rule is about, the store's categories and
/// manufacturers, what happens when a customer stops matching) and describes a rule's conditions in words for the grid
/// </summary>
public class RuleModelFactory
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly ICategoryService _categoryService;
    protected readonly IManufacturerService _manufacturerService;
    protected readonly IProductService _productService;

    #endregion

    #region Ctor

    public RuleModelFactory(ErrorDescriber errorDescriber, ICategoryService categoryService, IManufacturerService manufacturerService, IProductService productService)
    {
        _errorDescriber = errorDescriber;
        _categoryService = categoryService;
        _manufacturerService = manufacturerService;
        _productService = productService;
    }

    #endregion

    #region Utilities

    protected virtual Task<string> T(string key, params object[] args) => _errorDescriber.ResourceAsync(key, args);

    #endregion

    #region Methods

    /// <summary>
    /// Fills the editor's choices: triggers, removals, and the store's categories and manufacturers (unpublished ones too)
    /// </summary>
    public virtual async Task PrepareEditorAsync(ConfigurationModel model, int storeId)
    {
        model.AvailableTriggers = [];
        foreach (var trigger in Enum.GetValues<RuleTrigger>())
            model.AvailableTriggers.Add(new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Rules.Trigger.{trigger}"), ((int)trigger).ToString(CultureInfo.InvariantCulture)));
        model.AvailableRemovals = [];
        foreach (var removal in new[] { RuleRemoval.LeaveOnList, RuleRemoval.Unsubscribe })
            model.AvailableRemovals.Add(new SelectListItem(await T($"{IcontactDefaults.LocalePrefix}.Rules.Removal.{removal}"), ((int)removal).ToString(CultureInfo.InvariantCulture)));

        //categories by their path ("Computers >> Desktops"), as the platform's own category pickers name them
        var categories = (await _categoryService.GetAllCategoriesAsync(storeId, showHidden: true)).Where(category => !category.Deleted).ToList();
        model.AvailableCategories = [];
        foreach (var category in categories)
            model.AvailableCategories.Add(new SelectListItem(await _categoryService.GetFormattedBreadCrumbAsync(category, categories), category.Id.ToString(CultureInfo.InvariantCulture)));
        model.AvailableCategories = model.AvailableCategories.OrderBy(item => item.Text, StringComparer.CurrentCultureIgnoreCase).ToList();
        model.AvailableManufacturers = (await _manufacturerService.GetAllManufacturersAsync(storeId: storeId, showHidden: true))
            .Where(manufacturer => !manufacturer.Deleted)
            .Select(manufacturer => new SelectListItem(manufacturer.Name, manufacturer.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// Gets the catalog names of products by ID in one query ("#ID (deleted)" for a product the catalog deleted; IDs it
    /// does not have at all are left out)
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<int, string>> ProductNamesAsync(IEnumerable<int> productIds)
    {
        var ids = productIds.Distinct().ToArray();
        if (ids.Length == 0)
            return new Dictionary<int, string>();

        var deleted = await T($"{IcontactDefaults.LocalePrefix}.Rules.Product.Deleted", "{0}");
        return (await _productService.GetProductsByIdsAsync(ids)).ToDictionary(product => product.Id,
            product => product.Deleted ? string.Format(CultureInfo.InvariantCulture, deleted, product.Id) : product.Name);
    }

    /// <summary>
    /// Gets the picked products the catalog does not have (any more): unknown or deleted
    /// </summary>
    public virtual async Task<IList<int>> MissingProductIdsAsync(IList<int> productIds)
    {
        if (productIds.Count == 0)
            return [];

        var found = (await _productService.GetProductsByIdsAsync(productIds.ToArray())).Where(product => !product.Deleted).Select(product => product.Id).ToHashSet();
        return productIds.Where(id => !found.Contains(id)).ToList();
    }

    /// <summary>
    /// Finds products for the rule editor's picker: by name or SKU (the platform's product search, unpublished products
    /// too), or by ID when the term is a number; at most <see cref="IcontactDefaults.ProductSearchSize"/> products
    /// </summary>
    /// <param name="term">What the owner typed</param>
    /// <param name="storeId">Store scope of the rules (0: all stores)</param>
    public virtual async Task<IList<SelectListItem>> SearchProductsAsync(string term, int storeId)
    {
        term = term?.Trim() ?? string.Empty;
        IList<Nop.Core.Domain.Catalog.Product> byId = int.TryParse(term.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var productId) && productId > 0
            ? (await _productService.GetProductsByIdsAsync([productId])).Where(product => !product.Deleted).ToList()
            : [];
        IList<Nop.Core.Domain.Catalog.Product> byName = term.Length >= IcontactDefaults.ProductSearchMinimumLength
            ? await _productService.SearchProductsAsync(storeId: storeId, keywords: term, pageSize: IcontactDefaults.ProductSearchSize, showHidden: true)
            : [];

        return byId.Concat(byName).DistinctBy(product => product.Id).Take(IcontactDefaults.ProductSearchSize)
            .Select(product => new SelectListItem($"{product.Name} (#{product.Id})", product.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// Gets a describer of rules' triggers and conditions in words ("Customers who paid an order, containing Coffee;
    /// spent at least 500"), reading the catalog names of all the given rules at once
    /// </summary>
    /// <param name="rules">The rules to describe</param>
    /// <param name="storeId">Store scope of the rules</param>
    /// <param name="products">The rules' product names (<see cref="ProductNamesAsync"/>, read once by the caller, which shows them too)</param>
    public virtual async Task<Func<IcontactRule, string>> DescriberAsync(IReadOnlyCollection<IcontactRule> rules, int storeId, IReadOnlyDictionary<int, string> products)
    {
        var categories = rules.Any(rule => rule.CategoryIds.Count > 0)
            ? (await _categoryService.GetAllCategoriesAsync(storeId, showHidden: true)).ToDictionary(category => category.Id, category => category.Name)
            : [];
        var manufacturers = rules.Any(rule => rule.ManufacturerIds.Count > 0)
            ? (await _manufacturerService.GetAllManufacturersAsync(storeId: storeId, showHidden: true)).ToDictionary(manufacturer => manufacturer.Id, manufacturer => manufacturer.Name)
            : [];

        var triggers = new Dictionary<RuleTrigger, string>();
        foreach (var trigger in Enum.GetValues<RuleTrigger>())
            triggers[trigger] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Trigger.{trigger}");
        var containing = await T($"{IcontactDefaults.LocalePrefix}.Rules.Condition.Catalog", "{0}");
        var count = await T($"{IcontactDefaults.LocalePrefix}.Rules.Condition.MinOrderCount", "{0}");
        var spent = await T($"{IcontactDefaults.LocalePrefix}.Rules.Condition.MinTotalSpent", "{0}");
        var lapsed = await T($"{IcontactDefaults.LocalePrefix}.Rules.Condition.LapsedDays", "{0}");
        var removals = new Dictionary<RuleRemoval, string>
        {
            [RuleRemoval.Unsubscribe] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Removal.Unsubscribe"),
            [RuleRemoval.LeaveOnList] = await T($"{IcontactDefaults.LocalePrefix}.Rules.Removal.LeaveOnList")
        };

        return rule =>
        {
            var parts = new List<string> { triggers.GetValueOrDefault(rule.Trigger, rule.Trigger.ToString()) };
            if (rule.HasCatalogFilter)
            {
                var items = rule.ProductIds.Select(id => products.GetValueOrDefault(id, $"#{id}"))
                    .Concat(rule.CategoryIds.Select(id => categories.GetValueOrDefault(id, $"#{id}")))
                    .Concat(rule.ManufacturerIds.Select(id => manufacturers.GetValueOrDefault(id, $"#{id}")));
                parts.Add(string.Format(CultureInfo.InvariantCulture, containing, string.Join(", ", items)));
            }
            if (rule.MinOrderCount > 0)
                parts.Add(string.Format(CultureInfo.InvariantCulture, count, rule.MinOrderCount));
            if (rule.MinTotalSpent > 0)
                parts.Add(string.Format(CultureInfo.InvariantCulture, spent, rule.MinTotalSpent.ToString("0.##", CultureInfo.InvariantCulture)));
            if (rule.LapsedDays > 0)
                parts.Add(string.Format(CultureInfo.InvariantCulture, lapsed, rule.LapsedDays));
            return string.Join("; ", parts) + " (" + removals.GetValueOrDefault(rule.WhenNoLongerMatching) + ")";
        };
    }

    #endregion
}
