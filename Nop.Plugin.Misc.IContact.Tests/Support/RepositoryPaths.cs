namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// Finds files of this repository from the test output folder
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PluginProjectDirectory => Path.Combine(Root, "Nop.Plugin.Misc.IContact");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nop.Plugin.Misc.IContact", "Nop.Plugin.Misc.IContact.csproj")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("The repository root (with Nop.Plugin.Misc.IContact/) was not found above the test folder.");
    }
}
