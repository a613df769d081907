using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Adds the bulk synchronisation's position among newsletter subscribers without an account to the runs table of a
/// store that already has the table. A fresh install creates the column with the table (the base migration maps every
/// property), so it is added only when missing: both paths end with the column exactly once.
/// </summary>
[NopMigration("2026/11/30 04:45:00", "Misc.IContact 1.1 bulk sync guest position", MigrationProcessType.Update)]
public class SyncRunGuestPositionMigration : MigrationBase
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        var table = nameof(IcontactSyncRun);
        if (!Schema.Table(table).Column(nameof(IcontactSyncRun.LastNewsletterId)).Exists())
            Alter.Table(table).AddColumn(nameof(IcontactSyncRun.LastNewsletterId)).AsInt32().NotNullable().WithDefaultValue(0);
    }

    /// <summary>
    /// Collects the DOWN migration expressions (the base migration drops the table on uninstall)
    /// </summary>
    public override void Down()
    {
    }
}
