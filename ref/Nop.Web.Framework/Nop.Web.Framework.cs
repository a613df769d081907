namespace Nop.Web.Framework
{
    public static partial class AreaNames
    {
        public const string ADMIN = "Admin";
    }
}
namespace Nop.Web.Framework.Controllers
{
    public abstract partial class BaseController : Microsoft.AspNetCore.Mvc.Controller
    {
        protected Microsoft.AspNetCore.Mvc.JsonResult ErrorJson(string error) { return Json(new { error }); }
        protected Microsoft.AspNetCore.Mvc.JsonResult ErrorJson(object errors) { return Json(new { error = errors }); }
        protected virtual Microsoft.AspNetCore.Mvc.IActionResult AccessDeniedView() { throw null; }
    }
    public abstract partial class BasePluginController : Nop.Web.Framework.Controllers.BaseController
    {
    }
    public sealed partial class FormValueRequiredAttribute : Microsoft.AspNetCore.Mvc.ActionConstraints.ActionMethodSelectorAttribute
    {
        public FormValueRequiredAttribute(params string[] submitButtonNames) { }
        public override bool IsValidForRequest(Microsoft.AspNetCore.Routing.RouteContext routeContext, Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action) { throw null; }
    }
}
namespace Nop.Web.Framework.Factories
{
    public partial interface IWidgetModelFactory
    {
    }
}
namespace Nop.Web.Framework.Infrastructure.Extensions
{
    public static partial class HttpClientBuilderExtensions
    {
        public static void WithProxy(this Microsoft.Extensions.DependencyInjection.IHttpClientBuilder httpClientBuilder) { }
    }
}
namespace Nop.Web.Framework.Localization
{
    public delegate Nop.Web.Framework.Localization.LocalizedString Localizer(string text, params object[] args);
    public partial class LocalizedString : Microsoft.AspNetCore.Html.HtmlString
    {
        public LocalizedString(string localized) : base(localized) { }
        public string Text { get { throw null; } }
    }
}
namespace Nop.Web.Framework.Models
{
    public partial record BaseNopModel
    {
        public BaseNopModel() { CustomProperties = new System.Collections.Generic.Dictionary<string, string>(); PostInitialize(); }
        public System.Collections.Generic.Dictionary<string, string> CustomProperties { get; set; }
        protected virtual void PostInitialize() { }
    }
    public partial interface IPagingRequestModel
    {
        int Page { get; }
        int PageSize { get; }
    }
    public partial interface IPagedModel<T> where T : Nop.Web.Framework.Models.BaseNopModel
    {
    }
    public abstract partial record BaseSearchModel : Nop.Web.Framework.Models.BaseNopModel, Nop.Web.Framework.Models.IPagingRequestModel
    {
        public int Page { get { return Start / Length + 1; } }
        public int PageSize { get { return Length; } }
        public string AvailablePageSizes { get; set; }
        public string Draw { get; set; }
        public int Start { get; set; }
        public int Length { get; set; } = 10;
        public virtual void SetGridPageSize() { }
    }
    public abstract partial record BasePagedListModel<T> : Nop.Web.Framework.Models.BaseNopModel, Nop.Web.Framework.Models.IPagedModel<T> where T : Nop.Web.Framework.Models.BaseNopModel
    {
        public System.Collections.Generic.IEnumerable<T> Data { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("draw")]
        public string Draw { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("recordsFiltered")]
        public int RecordsFiltered { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("recordsTotal")]
        public int RecordsTotal { get; set; }
    }
}
namespace Nop.Web.Framework.Models.DataTables
{
    public partial interface IRender
    {
    }
    public partial class ColumnProperty
    {
        public ColumnProperty(string data) { }
        public string Data { get; set; }
        public string Title { get; set; }
        public Nop.Web.Framework.Models.DataTables.IRender Render { get; set; }
        public string Width { get; set; }
        public string ClassName { get; set; }
        public bool Visible { get; set; }
        public bool Encode { get; set; }
    }
    public partial class DataUrl
    {
        public DataUrl(string actionName, string controllerName, Microsoft.AspNetCore.Routing.RouteValueDictionary routeValues) { }
    }
    public partial record DataTablesModel : Nop.Web.Framework.Models.BaseNopModel
    {
        public string Name { get; set; }
        public Nop.Web.Framework.Models.DataTables.DataUrl UrlRead { get; set; }
        public Nop.Web.Framework.Models.DataTables.DataUrl UrlDelete { get; set; }
        public int Length { get; set; }
        public string LengthMenu { get; set; }
        public bool Paging { get; set; }
        public System.Collections.Generic.IList<Nop.Web.Framework.Models.DataTables.ColumnProperty> ColumnCollection { get; set; }
        public System.Collections.Generic.IList<Nop.Web.Framework.Models.DataTables.FilterParameter> Filters { get; set; }
    }
    public partial class FilterParameter
    {
        public FilterParameter(string name) { Name = name; Type = typeof(string); }
        public string Name { get; }
        public System.Type Type { get; }
    }
    public static partial class NopColumnClassDefaults
    {
        public static string Button { get { throw null; } }
        public static string CenterAll { get { throw null; } }
    }
    public partial class RenderBoolean : Nop.Web.Framework.Models.DataTables.IRender
    {
    }
    public partial class RenderButtonRemove : Nop.Web.Framework.Models.DataTables.IRender
    {
        public RenderButtonRemove(string title) { }
    }
    public partial class RenderCustom : Nop.Web.Framework.Models.DataTables.IRender
    {
        public RenderCustom(string functionName) { }
        public string FunctionName { get; set; }
    }
}
namespace Nop.Web.Framework.Mvc
{
    public partial class NoTrimAttribute : System.Attribute
    {
    }
    public partial class NullJsonResult : Microsoft.AspNetCore.Mvc.JsonResult
    {
        public NullJsonResult() : base(null) { }
    }
}
namespace Nop.Web.Framework.Mvc.Filters
{
    public sealed partial class AuthorizeAdminAttribute : Microsoft.AspNetCore.Mvc.TypeFilterAttribute
    {
        public AuthorizeAdminAttribute(bool ignore = false) : base(typeof(Nop.Web.Framework.Mvc.Filters.AuthorizeAdminAttribute)) { IgnoreFilter = ignore; }
        public bool IgnoreFilter { get; }
    }
    [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
    public sealed partial class CheckPermissionAttribute : Microsoft.AspNetCore.Mvc.TypeFilterAttribute
    {
        public CheckPermissionAttribute(string permissionSystemName, Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute.CheckPermissionResultType resultType = Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute.CheckPermissionResultType.Default) : base(typeof(Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute)) { PermissionSystemName = new System.Collections.Generic.List<string> { permissionSystemName }; ResultType = resultType; }
        public System.Collections.Generic.List<string> PermissionSystemName { get; }
        public Nop.Web.Framework.Mvc.Filters.CheckPermissionAttribute.CheckPermissionResultType ResultType { get; }
        public enum CheckPermissionResultType
        {
            Default = 0,
            Html = 1,
            Text = 2,
            Json = 3,
        }
    }
}
namespace Nop.Web.Framework.Mvc.ModelBinding
{
    public partial interface IModelAttribute
    {
        string Name { get; }
    }
    public sealed partial class NopResourceDisplayNameAttribute : System.ComponentModel.DisplayNameAttribute, Nop.Web.Framework.Mvc.ModelBinding.IModelAttribute
    {
        public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey) { ResourceKey = resourceKey; }
        public string ResourceKey { get; set; }
        public string Name { get { throw null; } }
    }
}
namespace Nop.Web.Framework.Mvc.Razor
{
    public abstract partial class NopRazorPage<TModel> : Microsoft.AspNetCore.Mvc.Razor.RazorPage<TModel>
    {
        public Nop.Web.Framework.Localization.Localizer T { get { throw null; } }
    }
}
namespace Nop.Web.Framework.TagHelpers.Admin
{
    [Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("nop-cards", Attributes = "id")]
    public partial class NopCardsTagHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
    {
        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; }
    }
    [Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("nop-card", Attributes = "asp-name")]
    public partial class NopCardTagHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
    {
        public NopCardTagHelper(Microsoft.AspNetCore.Mvc.IViewComponentHelper viewComponentHelper, Nop.Web.Framework.Factories.IWidgetModelFactory widgetModelFactory) { }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-title")]
        public string Title { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-name")]
        public string Name { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-hide-block-attribute-name")]
        public string HideBlockAttributeName { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-hide")]
        public bool IsHide { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-advanced")]
        public bool IsAdvanced { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-icon")]
        public string CardIconIsAdvanced { get; set; }
        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; }
    }
    [Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("nop-label", Attributes = "asp-for", TagStructure = Microsoft.AspNetCore.Razor.TagHelpers.TagStructure.WithoutEndTag)]
    public partial class NopLabelTagHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
    {
        public NopLabelTagHelper(Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator generator, Nop.Services.Localization.ILocalizationService localizationService, Nop.Core.IWorkContext workContext) { }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-for")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-display-hint")]
        public bool DisplayHint { get; set; }
        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; }
    }
    [Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("nop-editor", Attributes = "asp-for", TagStructure = Microsoft.AspNetCore.Razor.TagHelpers.TagStructure.WithoutEndTag)]
    public partial class NopEditorTagHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
    {
        public NopEditorTagHelper(Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper htmlHelper) { }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-for")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("html-attributes")]
        public object CustomHtmlAttributes { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-required")]
        public string IsRequired { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-render-form-control-class")]
        public string RenderFormControlClass { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-template")]
        public string Template { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-postfix")]
        public string Postfix { get; set; }
        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; }
    }
    [Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("nop-select", TagStructure = Microsoft.AspNetCore.Razor.TagHelpers.TagStructure.WithoutEndTag)]
    public partial class NopSelectTagHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
    {
        public NopSelectTagHelper(Nop.Core.Domain.Common.AdminAreaSettings adminAreaSettings, Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper htmlHelper) { }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-for")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-for-name")]
        public string Name { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-items")]
        public System.Collections.Generic.IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Items { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-required")]
        public string IsRequired { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-multiple")]
        public string IsMultiple { get; set; }
        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; }
    }
    [Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("nop-override-store-checkbox", Attributes = "asp-for", TagStructure = Microsoft.AspNetCore.Razor.TagHelpers.TagStructure.WithoutEndTag)]
    public partial class NopOverrideStoreCheckboxHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
    {
        public NopOverrideStoreCheckboxHelper(Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper htmlHelper) { }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-for")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-input")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Input { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-input2")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression Input2 { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-store-scope")]
        public int StoreScope { get; set; }
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeName("asp-parent-container")]
        public string ParentContainer { get; set; }
        [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
        [Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeNotBound]
        public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; }
    }
}
namespace Nop.Web.Framework.Mvc.Routing
{
    public partial interface IRouteProvider
    {
        void RegisterRoutes(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpointRouteBuilder);
        int Priority { get; }
    }
}
