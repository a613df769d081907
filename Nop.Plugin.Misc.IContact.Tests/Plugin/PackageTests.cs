using System.Diagnostics;
using System.IO.Compression;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Plugin;

/// <summary>
/// Builds the installable package with the README's command (into a temporary folder) and checks what
/// nopCommerce's "Upload plugin or theme" needs: one root folder named after the system name, the descriptor,
/// the logo, the plugin assembly, its views, and no platform assembly
/// </summary>
[Category("Package")]
public class PackageTests
{
    private static string _distDir;
    private static IReadOnlyList<string> _entries;

    [OneTimeSetUp]
    public static void BuildPackage()
    {
        _distDir = Path.Combine(Path.GetTempPath(), "icontact-package-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet",
            ["build", RepositoryPaths.PluginProjectDirectory, "-c", "Release", "-nologo", "-v", "q", $"-p:PluginDistDir={_distDir}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "the package build did not finish in 5 minutes");
        Assert.That(process.ExitCode, Is.Zero, output.Result + error.Result);

        using var zip = ZipFile.OpenRead(Path.Combine(_distDir, "Nop.Plugin.Misc.IContact.zip"));
        _entries = zip.Entries.Select(e => e.FullName).ToList();
    }

    [OneTimeTearDown]
    public static void Clean()
    {
        if (_distDir is not null && Directory.Exists(_distDir))
            Directory.Delete(_distDir, true);
    }

    [Test]
    public void Package_has_one_root_folder_named_after_the_system_name()
    {
        Assert.That(_entries.Select(e => e.Split('/')[0]).Distinct(), Is.EquivalentTo(new[] { "Misc.IContact" }));
    }

    [Test]
    public void Package_holds_descriptor_logo_and_assembly()
    {
        Assert.That(_entries, Is.SupersetOf(new[]
        {
            "Misc.IContact/plugin.json",
            "Misc.IContact/logo.png",
            "Misc.IContact/Nop.Plugin.Misc.IContact.dll"
        }));
    }

    [Test]
    public void Package_carries_every_view()
    {
        var views = Directory.GetFiles(Path.Combine(RepositoryPaths.PluginProjectDirectory, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Select(f => "Misc.IContact/Views/" + Path.GetRelativePath(Path.Combine(RepositoryPaths.PluginProjectDirectory, "Views"), f).Replace('\\', '/'))
            .ToList();

        Assert.That(views, Is.Not.Empty);
        Assert.That(_entries, Is.SupersetOf(views));
    }

    [Test]
    public void Package_carries_no_platform_or_shared_assembly()
    {
        var assemblies = _entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.That(assemblies, Is.EquivalentTo(new[] { "Misc.IContact/Nop.Plugin.Misc.IContact.dll" }),
            "the host already ships every library the plugin uses");
    }
}
