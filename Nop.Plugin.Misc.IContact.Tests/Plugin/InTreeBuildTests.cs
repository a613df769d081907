using System.Diagnostics;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Plugin;

/// <summary>
/// The plugin folder copied to src/Plugins/ of a nopCommerce tree builds there: it finds the platform by itself,
/// references Nop.Web instead of the stand-ins, builds into Presentation/Nop.Web/Plugins/Misc.IContact/ and lets the
/// platform's ClearPluginAssemblies remove platform assemblies. The tree here is a skeleton made by the test (its
/// Nop.Web is a project over the stand-ins): what is checked is the plugin's build plumbing, not nopCommerce.
/// </summary>
[Category("Package")]
public class InTreeBuildTests
{
    private static string _tree;
    private static string _output;
    private static string _log;

    [OneTimeSetUp]
    public static void BuildInsideATree()
    {
        _tree = Path.Combine(Path.GetTempPath(), "icontact-tree-" + Guid.NewGuid().ToString("N"));
        var src = Path.Combine(_tree, "src");
        Copy(Path.Combine(RepositoryPaths.Root, "ref"), Path.Combine(_tree, "ref"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"), Path.Combine(_tree, "Directory.Build.props"));
        Copy(RepositoryPaths.PluginProjectDirectory, Path.Combine(src, "Plugins", "Nop.Plugin.Misc.IContact"));

        Directory.CreateDirectory(Path.Combine(src, "Presentation", "Nop.Web"));
        File.WriteAllText(Path.Combine(src, "Presentation", "Nop.Web", "Nop.Web.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net9.0</TargetFramework><NoWarn>NU1603</NoWarn></PropertyGroup>
              <ItemGroup><ProjectReference Include="../../../ref/Nop.Web.Framework/Nop.Web.Framework.csproj" /></ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(src, "Build"));
        File.WriteAllText(Path.Combine(src, "Build", "ClearPluginAssemblies.proj"), """
            <Project>
              <Target Name="NopClear">
                <ItemGroup><Platform Include="$(PluginPath)/Nop.Core.dll;$(PluginPath)/Nop.Data.dll;$(PluginPath)/Nop.Services.dll;$(PluginPath)/Nop.Web.Framework.dll;$(PluginPath)/Nop.Web.dll" /></ItemGroup>
                <Delete Files="@(Platform)" />
                <Message Importance="high" Text="NopClear ran on $(PluginPath)" />
              </Target>
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet", ["build", Path.Combine("Plugins", "Nop.Plugin.Misc.IContact", "Nop.Plugin.Misc.IContact.csproj"), "-c", "Release", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = src
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True);
        _log = output.Result + error.Result;
        Assert.That(process.ExitCode, Is.Zero, _log);
        _output = Path.Combine(src, "Presentation", "Nop.Web", "Plugins", "Misc.IContact");
    }

    [OneTimeTearDown]
    public static void Clean()
    {
        if (_tree is not null && Directory.Exists(_tree))
            Directory.Delete(_tree, true);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    [Test]
    public void The_plugin_builds_into_the_stores_plugin_folder()
    {
        Assert.That(File.Exists(Path.Combine(_output, "Nop.Plugin.Misc.IContact.dll")), Is.True);
        Assert.That(File.Exists(Path.Combine(_output, "plugin.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(_output, "logo.png")), Is.True);
        Assert.That(File.Exists(Path.Combine(_output, "Views", "Configure.cshtml")), Is.True);
    }

    [Test]
    public void The_platform_is_referenced_instead_of_the_stand_ins_and_cleared_from_the_folder()
    {
        Assert.That(_log, Does.Contain("Nop.Web ->"), "the tree's Nop.Web was built as the plugin's reference");
        Assert.That(_log, Does.Contain("NopClear ran"));
        Assert.That(Directory.GetFiles(_output, "Nop.*.dll").Select(Path.GetFileName), Is.EqualTo(new[] { "Nop.Plugin.Misc.IContact.dll" }));
    }

    [Test]
    public void No_package_is_made_inside_a_tree()
    {
        Assert.That(Directory.Exists(Path.Combine(_tree, "src", "Plugins", "dist")), Is.False);
    }
}
