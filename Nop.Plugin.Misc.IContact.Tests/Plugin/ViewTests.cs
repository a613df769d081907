using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Plugin.Misc.IContact.Tests.Support;
using Nop.Web.Framework.TagHelpers.Admin;

namespace Nop.Plugin.Misc.IContact.Tests.Plugin;

/// <summary>
/// The views are compiled at build time by ViewCompilation/ (a Razor error fails the build); these tests check that the
/// compilation really bound nopCommerce's tag helpers and that every text the views and controller show is a resource
/// </summary>
public class ViewTests
{
    private static Type CompiledConfigureView() =>
        Assembly.Load("Nop.Plugin.Misc.IContact.ViewCompilation").GetType("AspNetCoreGeneratedDocument.Views_Configure", throwOnError: true)!;

    [Test]
    public void Configure_view_and_its_card_partials_are_compiled_with_the_nop_tag_helpers()
    {
        var views = Assembly.Load("Nop.Plugin.Misc.IContact.ViewCompilation").GetTypes()
            .Where(type => type.Namespace == "AspNetCoreGeneratedDocument" && type.Name.StartsWith("Views_", StringComparison.Ordinal))
            .ToList();
        Assert.That(views.Select(view => view.Name), Is.SupersetOf(new[] { "Views_Configure", "Views__Configure_Credentials", "Views__Configure_Rules", "Views__Configure_Queue" }));
        var fieldTypes = views.SelectMany(view => view.GetFields(BindingFlags.Instance | BindingFlags.NonPublic)).Select(f => f.FieldType).ToList();

        Assert.That(fieldTypes, Is.SupersetOf(new[]
        {
            typeof(NopCardsTagHelper), typeof(NopCardTagHelper), typeof(NopLabelTagHelper), typeof(NopEditorTagHelper),
            typeof(NopSelectTagHelper), typeof(NopOverrideStoreCheckboxHelper)
        }));
    }

    [Test]
    public void Configure_view_renders_the_plugin_model_on_a_nop_razor_page()
    {
        var baseType = CompiledConfigureView().BaseType!;

        Assert.That(baseType.GetGenericTypeDefinition(), Is.EqualTo(typeof(Nop.Web.Framework.Mvc.Razor.NopRazorPage<>)));
        Assert.That(baseType.GetGenericArguments().Single(), Is.EqualTo(typeof(Models.ConfigurationModel)));
    }

    [Test]
    public void Every_url_the_view_builds_names_an_action_of_a_plugin_controller()
    {
        var view = string.Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.PluginProjectDirectory, "Views"), "*.cshtml").Select(File.ReadAllText));
        var targets = Regex.Matches(view, "(?:DataUrl|Url\\.Action)\\(\"(\\w+)\", \"(\\w+)\"")
            .Select(m => (Action: m.Groups[1].Value, Controller: m.Groups[2].Value))
            .ToList();

        //the platform's admin pages the views link to (nopCommerce 4.90.6: Nop.Web.Areas.Admin.Controllers.CustomerController.Edit(int))
        var platform = new[] { (Action: "Edit", Controller: "Customer") };
        Assert.That(targets, Has.Count.GreaterThan(10));
        foreach (var (action, controller) in targets.Except(platform))
        {
            var type = typeof(IcontactPlugin).Assembly.GetType($"Nop.Plugin.Misc.IContact.Controllers.{controller}Controller");
            Assert.That(type?.GetMethod(action), Is.Not.Null, $"{controller}/{action}");
        }
    }

    [Test]
    public void Every_resource_the_views_and_code_name_exists()
    {
        var root = RepositoryPaths.PluginProjectDirectory;
        var used = new HashSet<string>();

        foreach (var file in Directory.GetFiles(Path.Combine(root, "Views"), "*.cshtml", SearchOption.AllDirectories))
            foreach (Match match in Regex.Matches(File.ReadAllText(file), @"prefix \+ ""(\.[A-Za-z.]+)"""))
                used.Add("Plugins.Misc.IContact" + match.Groups[1].Value);

        foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in Regex.Matches(text, @"\{IcontactDefaults\.LocalePrefix\}(\.[A-Za-z.]+)"))
            {
                //a key ending in "." continues with a value (an enum name): every value is checked by ConventionTests
                if (!match.Groups[1].Value.EndsWith('.'))
                    used.Add("Plugins.Misc.IContact" + match.Groups[1].Value);
            }
            foreach (Match match in Regex.Matches(text, @"""(Plugins\.Misc\.IContact\.[A-Za-z.]+)"""))
                used.Add(match.Groups[1].Value);
            foreach (Match match in Regex.Matches(text, @"TextAsync\(""([A-Za-z.]+)"""))
                used.Add("Plugins.Misc.IContact." + match.Groups[1].Value);
        }

        Assert.That(used, Has.Count.GreaterThan(40), "the scan found the resource names");
        Assert.That(used.Where(key => !IcontactLocales.All.ContainsKey(key)), Is.Empty);
    }

    [Test]
    public void Every_labelled_model_property_has_its_resource_and_hint()
    {
        var labels = typeof(IcontactPlugin).Assembly.GetTypes()
            .Where(t => t.Namespace == "Nop.Plugin.Misc.IContact.Models")
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttribute<Nop.Web.Framework.Mvc.ModelBinding.NopResourceDisplayNameAttribute>()?.ResourceKey)
            .Where(key => key is not null)
            .Distinct()
            .ToList();

        Assert.That(labels, Is.Not.Empty);
        foreach (var key in labels)
        {
            Assert.That(IcontactLocales.All, Does.ContainKey(key));
            Assert.That(IcontactLocales.All, Does.ContainKey(key + ".Hint"), "nop-label shows the .Hint resource as a tooltip");
        }
    }
}
