using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Creates the rule table of version 1.1 (rules leave the settings, whose value is VARCHAR(6000) on MySQL/MariaDB).
/// Process type NoMatter: nopCommerce 4.90 runs it on a fresh install (with the Installation migrations) and on the
/// plugin's update (with the Update ones), once either way; the existing rules move in IcontactPlugin.UpdateAsync,
/// which runs after it. Uninstall runs it down.
/// </summary>
[NopMigration("2026/11/30 02:05:00", "Misc.IContact 1.1 rule table", MigrationProcessType.NoMatter)]
public class RuleTableMigration : Migration
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        if (Schema.Table(nameof(IcontactRuleRecord)).Exists())
            return;

        Create.TableFor<IcontactRuleRecord>();
        //events read the rules of a store (cached); the editor writes one scope
        Create.Index("IX_IcontactRuleRecord_Store").OnTable(nameof(IcontactRuleRecord))
            .OnColumn(nameof(IcontactRuleRecord.StoreId)).Ascending()
            .OnColumn(nameof(IcontactRuleRecord.DisplayOrder)).Ascending();
    }

    /// <summary>
    /// Collects the DOWN migration expressions
    /// </summary>
    public override void Down()
    {
        if (Schema.Table(nameof(IcontactRuleRecord)).Exists())
            Delete.Table(nameof(IcontactRuleRecord));
    }
}
