using System.Reflection;
using System.Text.Json;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Infrastructure;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Plugin;

public class ConventionTests
{
    private static readonly Assembly PluginAssembly = typeof(IcontactPlugin).Assembly;

    [Test]
    public void Only_interfaces_start_with_I_and_a_capital()
    {
        var offenders = PluginAssembly.GetTypes()
            .Where(t => !t.IsInterface && !t.IsNested && t.Name.Length > 1 && t.Name[0] == 'I' && char.IsUpper(t.Name[1]) && !t.Name.StartsWith('<'))
            .Select(t => t.FullName)
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Plugin_json_describes_a_490_misc_plugin()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.PluginProjectDirectory, "plugin.json")));
        var root = json.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("Group").GetString(), Is.EqualTo("Misc"));
            Assert.That(root.GetProperty("SystemName").GetString(), Is.EqualTo(IcontactDefaults.SystemName));
            Assert.That(root.GetProperty("FriendlyName").GetString(), Is.EqualTo("iContact"));
            Assert.That(root.GetProperty("FileName").GetString(), Is.EqualTo(PluginAssembly.GetName().Name + ".dll"));
            Assert.That(root.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Does.Contain("4.90"));
            Assert.That(Version.TryParse(root.GetProperty("Version").GetString(), out _), Is.True);
            Assert.That(root.GetProperty("Author").GetString(), Is.Not.Empty);
            Assert.That(root.GetProperty("Description").GetString(), Is.Not.Empty);
            Assert.That(root.GetProperty("DisplayOrder").GetInt32(), Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public void Plugin_json_version_is_the_newest_locale_version()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.PluginProjectDirectory, "plugin.json")));
        var version = Version.Parse(json.RootElement.GetProperty("Version").GetString()!);

        Assert.That(IcontactLocales.ByVersion.Max(v => v.Version), Is.LessThanOrEqualTo(version),
            "resources introduced by a version newer than plugin.json would never be added by UpdateAsync");
    }

    [Test]
    public void Logo_is_a_square_png_of_at_least_128_pixels()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.PluginProjectDirectory, "logo.png"));

        Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.That(width, Is.EqualTo(height));
        Assert.That(width, Is.GreaterThanOrEqualTo(128));
    }

    [Test]
    public void Locale_keys_live_under_the_plugin_prefix_and_hints_have_their_field()
    {
        var keys = IcontactLocales.All.Keys.ToList();

        Assert.That(keys, Has.All.StartWith("Plugins.Misc.IContact."));
        Assert.That(keys.Where(k => k.EndsWith(".Hint")).Select(k => k[..^".Hint".Length]), Is.SubsetOf(keys));
        Assert.That(IcontactLocales.All.Values, Has.None.Empty);
    }

    [Test]
    public void Every_setting_shown_to_the_owner_has_a_label_and_a_hint()
    {
        var hidden = new[] { nameof(IcontactSettings.EncryptedAppPassword), nameof(IcontactSettings.RulesJson),
            //web hook state, written by the registration and shown on the status card, not a field
            nameof(IcontactSettings.EncryptedWebhookSecret), nameof(IcontactSettings.WebhookStateId), nameof(IcontactSettings.WebhookStateOnUtc),
            nameof(IcontactSettings.WebhookNote) };
        var keys = IcontactLocales.All.Keys.ToHashSet();

        foreach (var property in typeof(IcontactSettings).GetProperties().Where(p => !hidden.Contains(p.Name)))
        {
            Assert.That(keys, Does.Contain($"Plugins.Misc.IContact.Fields.{property.Name}"));
            Assert.That(keys, Does.Contain($"Plugins.Misc.IContact.Fields.{property.Name}.Hint"));
        }
    }

    [Test]
    public void Every_error_kind_has_an_explanation()
    {
        var keys = IcontactLocales.All.Keys.ToHashSet();
        var missing = Enum.GetValues<IcontactErrorKind>()
            .Select(ErrorDescriber.LocaleKeyOf)
            .Where(key => !keys.Contains(key))
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_queue_state_and_operation_has_a_name()
    {
        var keys = IcontactLocales.All.Keys.ToHashSet();

        Assert.That(Enum.GetNames<QueueItemState>().Select(n => $"Plugins.Misc.IContact.Queue.State.{n}"), Is.SubsetOf(keys));
        Assert.That(Enum.GetNames<QueueOperation>().Select(n => $"Plugins.Misc.IContact.Queue.Operation.{n}"), Is.SubsetOf(keys));
    }

    [Test]
    public void Locale_versions_are_listed_oldest_first_without_repeated_keys()
    {
        var versions = IcontactLocales.ByVersion.Select(v => v.Version).ToList();
        Assert.That(versions, Is.Ordered.And.Unique);

        var allKeys = IcontactLocales.ByVersion.SelectMany(v => v.Resources.Keys).ToList();
        Assert.That(allKeys, Is.Unique);
    }

    [Test]
    public void Schema_migration_runs_on_installation_with_a_description()
    {
        var attribute = typeof(SchemaMigration).GetCustomAttribute<NopMigrationAttribute>();

        Assert.That(attribute, Is.Not.Null, "nopCommerce runs only migrations carrying NopMigrationAttribute");
        Assert.That(attribute!.TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Installation));
        Assert.That(attribute.Description, Does.Contain("Misc.IContact"));
    }

    [Test]
    public void Every_migration_has_its_own_version()
    {
        //nopCommerce 4.90.6 (NopMigrationAttribute.MigrationConfig.Version) makes the version the ticks of the date text and
        //records each in MigrationVersionInfo under a unique constraint: two migrations of one date break the second insert
        //of a run, leaving the store half migrated until the next restart (seen in a real store: 23505 on "UC_Version")
        var versions = typeof(IcontactPlugin).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributesData().Where(a => a.AttributeType == typeof(NopMigrationAttribute)).Select(a => (type.Name, Date: (string)a.ConstructorArguments[0].Value!)))
            .Select(m => (m.Name, Ticks: DateTime.ParseExact(m.Date, "yyyy/MM/dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture).Ticks))
            .ToList();

        Assert.That(versions, Has.Count.GreaterThanOrEqualTo(7));
        Assert.That(versions.GroupBy(m => m.Ticks).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(m => m.Name))), Is.Empty);
    }

    [Test]
    public void Queue_entity_has_only_columns_nopCommerce_maps()
    {
        //nopCommerce maps public writable int, long, bool, Guid, string, decimal, DateTime and byte[] (and their nullables);
        //anything else is skipped silently and would be lost
        var mappable = new[] { typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(string), typeof(decimal), typeof(DateTime), typeof(byte[]) };
        var wrappers = new[] { nameof(IcontactQueueItem.Operation), nameof(IcontactQueueItem.State) };

        var unmapped = typeof(IcontactQueueItem).GetProperties()
            .Where(p => p.CanWrite && !wrappers.Contains(p.Name))
            .Where(p => !mappable.Contains(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Select(p => p.Name);

        Assert.That(unmapped, Is.Empty);
    }
}
