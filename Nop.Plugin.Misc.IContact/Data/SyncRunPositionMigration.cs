using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Adds the bulk synchronisation's key position and step token to the runs table of a store updated from 1.0. A fresh
/// install already creates both with the table (the base migration maps every property), so each is added only when
/// missing: both paths end with the columns exactly once.
/// </summary>
[NopMigration("2026/11/30 01:50:00", "Misc.IContact 1.1 bulk sync position", MigrationProcessType.Update)]
public class SyncRunPositionMigration : MigrationBase
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        var table = nameof(IcontactSyncRun);
        if (!Schema.Table(table).Column(nameof(IcontactSyncRun.LastCustomerId)).Exists())
            Alter.Table(table).AddColumn(nameof(IcontactSyncRun.LastCustomerId)).AsInt32().NotNullable().WithDefaultValue(0);
    }

    /// <summary>
    /// Collects the DOWN migration expressions (the base migration drops the table on uninstall)
    /// </summary>
    public override void Down()
    {
    }
}
