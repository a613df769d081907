using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Adds the lists the plugin itself took a contact off (<see cref="IcontactSubscriber.RemovedListIds"/>) to the
/// subscriber table of a store that already has the table. A fresh install creates the column with the table (the base
/// migration maps every property: a string, nullable, unbounded, like ListIds), so it is added only when missing: both
/// paths end with the column exactly once.
/// </summary>
[NopMigration("2026/11/30 06:00:00", "Misc.IContact 1.2 own unsubscribes", MigrationProcessType.Update)]
public class OwnUnsubscribeMigration : MigrationBase
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        var table = nameof(IcontactSubscriber);
        if (!Schema.Table(table).Column(nameof(IcontactSubscriber.RemovedListIds)).Exists())
            Alter.Table(table).AddColumn(nameof(IcontactSubscriber.RemovedListIds)).AsString(int.MaxValue).Nullable();
    }

    /// <summary>
    /// Collects the DOWN migration expressions (the base migration drops the table on uninstall)
    /// </summary>
    public override void Down()
    {
    }
}
