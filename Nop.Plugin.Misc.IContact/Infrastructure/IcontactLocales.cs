namespace Nop.Plugin.Misc.IContact.Infrastructure;

/// <summary>
/// Every English locale resource the plugin shows, grouped by the plugin version that introduced it
/// </summary>
public static class IcontactLocales
{
    /// <summary>
    /// Gets the resources introduced by each plugin version, oldest first
    /// </summary>
    public static IReadOnlyList<(Version Version, IReadOnlyDictionary<string, string> Resources)> ByVersion { get; } =
    [
        (new Version(1, 0, 0), IcontactLocales100.Resources),
        (new Version(1, 1, 0), IcontactLocales110.Resources),
        (new Version(1, 2, 0), IcontactLocales120.Resources)
    ];

    /// <summary>
    /// Gets every resource of every version
    /// </summary>
    public static IDictionary<string, string> All =>
        ByVersion.SelectMany(v => v.Resources).ToDictionary(r => r.Key, r => r.Value);

    /// <summary>
    /// Gets the resources introduced after one plugin version, up to and including another
    /// </summary>
    /// <param name="currentVersion">Installed version</param>
    /// <param name="targetVersion">Version being installed</param>
    /// <returns>Resources to add</returns>
    public static IDictionary<string, string> Introduced(string currentVersion, string targetVersion)
    {
        var from = Version.TryParse(currentVersion, out var current) ? current : new Version(0, 0);
        var to = Version.TryParse(targetVersion, out var target) ? target : new Version(int.MaxValue, 0);

        return ByVersion
            .Where(v => v.Version > from && v.Version <= to)
            .SelectMany(v => v.Resources)
            .ToDictionary(r => r.Key, r => r.Value);
    }
}
