using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

/// <summary>
/// What a browser posts from the configure page in a store scope, and how MVC binds it. The field list is read from the
/// real views, so the post cannot be kinder than the page. Imitates nopCommerce 4.90.6: NopOverrideStoreCheckboxHelper
/// renders, for store scope > 0, a checkbox (plus a hidden "false") per overridable input, and admin.common.js
/// (checkOverriddenStoreValue) disables the input while its checkbox is unchecked, so the browser does not post it.
/// </summary>
public static class BrowserPost
{
    /// <summary>
    /// A field of the form: its name, and the override checkbox that enables it (null when none)
    /// </summary>
    public record Field(string Name, string OverrideFlag, bool IsOverrideFlag);

    private static readonly Regex Tag = new("<(nop-editor|nop-select|input|nop-override-store-checkbox)\\b([^>]*)>", RegexOptions.Compiled);
    private static readonly Regex Attribute = new("([\\w-]+)=\"([^\"]*)\"", RegexOptions.Compiled);

    /// <summary>
    /// Reads the inputs of the configure form from the views (every card partial renders inside the one form)
    /// </summary>
    public static IReadOnlyList<Field> FormFields()
    {
        var views = Directory.GetFiles(Path.Combine(RepositoryPaths.PluginProjectDirectory, "Views"), "_Configure.*.cshtml").Order();
        var fields = new List<Field>();
        var overrides = new Dictionary<string, string>();
        foreach (Match tag in views.SelectMany(view => Tag.Matches(File.ReadAllText(view))))
        {
            var attributes = Attribute.Matches(tag.Groups[2].Value).ToDictionary(a => a.Groups[1].Value, a => a.Groups[2].Value);
            if (!attributes.TryGetValue("asp-for", out var name))
                continue;
            if (tag.Groups[1].Value == "nop-override-store-checkbox")
            {
                overrides[attributes["asp-input"]] = name;
                fields.Add(new Field(name, null, true));
            }
            else
                fields.Add(new Field(name, null, false));
        }

        return fields.Select(f => f.IsOverrideFlag ? f : f with { OverrideFlag = overrides.GetValueOrDefault(f.Name) }).ToList();
    }

    /// <summary>
    /// Builds the post of a page rendered from a model in a store scope, after the owner ticked some override boxes
    /// and typed some values
    /// </summary>
    /// <param name="shown">The model the page was rendered from</param>
    /// <param name="typed">Values the owner typed (also ticks their override box)</param>
    public static Dictionary<string, StringValues> Of(ConfigurationModel shown, IDictionary<string, object> typed = null)
    {
        typed ??= new Dictionary<string, object>();
        var fields = FormFields();
        var ticked = fields.Where(f => !f.IsOverrideFlag && f.OverrideFlag is not null && typed.ContainsKey(f.Name)).Select(f => f.OverrideFlag).ToHashSet();
        var form = new Dictionary<string, StringValues>();
        foreach (var field in fields)
        {
            if (field.IsOverrideFlag)
            {
                //Html.CheckBox: "true" when ticked, and always the hidden "false"
                form[field.Name] = ticked.Contains(field.Name) || (bool)ValueOf(shown, field.Name) ? new StringValues(["true", "false"]) : "false";
                continue;
            }

            if (field.OverrideFlag is not null && !ticked.Contains(field.OverrideFlag) && !(bool)ValueOf(shown, field.OverrideFlag))
                continue; //disabled by the admin script: not posted

            var value = typed.TryGetValue(field.Name, out var v) ? v : ValueOf(shown, field.Name);
            if (field.Name == nameof(ConfigurationModel.AppPassword) && !typed.ContainsKey(field.Name))
                value = null; //a password input is rendered empty
            var posted = Post(value);
            if (posted.Count > 0)
                form[field.Name] = posted;
        }

        return form;
    }

    /// <summary>
    /// Binds and validates a post as MVC does for an action's model (DataAnnotations included) into the controller's
    /// ModelState, and gives the controller the request
    /// </summary>
    public static async Task<ConfigurationModel> BindAsync(Controller controller, Dictionary<string, StringValues> form)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMvcCore().AddDataAnnotations().AddViews();
        var provider = services.BuildServiceProvider();

        var httpContext = new DefaultHttpContext { RequestServices = provider };
        httpContext.Request.Method = "POST";
        httpContext.Request.ContentType = "application/x-www-form-urlencoded";
        httpContext.Request.Form = new FormCollection(form);
        controller.ControllerContext = new ControllerContext(new ActionContext(httpContext, new RouteData(), new Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor()))
        {
            ValueProviderFactories = [new FormValueProviderFactory()]
        };

        var model = new ConfigurationModel();
        await controller.TryUpdateModelAsync(model, string.Empty);
        return model;
    }

    private static object ValueOf(object model, string path)
    {
        foreach (var name in path.Split('.'))
            model = model?.GetType().GetProperty(name)!.GetValue(model);
        return model;
    }

    private static StringValues Post(object value) => value switch
    {
        null => string.Empty,
        bool b => b ? new StringValues(["true", "false"]) : "false",
        string s => s,
        IEnumerable items => new StringValues(items.Cast<object>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).ToArray()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)
    };
}
