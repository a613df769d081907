using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Field mappings (version 1.1): the mapping table, and the version of the mappings stored with what was delivered
/// (subscriber records) and with what waits (queue items), so Synchronize re-sends contacts whose mappings changed.
/// NoMatter: runs once on a fresh install (after the base schema, which already has the columns) and on an update
/// from 1.0; every step checks what exists first.
/// </summary>
[NopMigration("2026/11/30 04:00:00", "Misc.IContact 1.1 field mappings", MigrationProcessType.NoMatter)]
public class FieldMappingMigration : Migration
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        if (!Schema.Table(nameof(IcontactFieldMap)).Exists())
        {
            Create.TableFor<IcontactFieldMap>();
            Create.Index("IX_IcontactFieldMap_Store").OnTable(nameof(IcontactFieldMap)).OnColumn(nameof(IcontactFieldMap.StoreId)).Ascending();
        }

        if (!Schema.Table(nameof(IcontactSubscriber)).Column(nameof(IcontactSubscriber.FieldsVersion)).Exists())
            Alter.Table(nameof(IcontactSubscriber)).AddColumn(nameof(IcontactSubscriber.FieldsVersion)).AsString(16).Nullable();
        if (!Schema.Table(nameof(IcontactQueueItem)).Column(nameof(IcontactQueueItem.FieldsVersion)).Exists())
            Alter.Table(nameof(IcontactQueueItem)).AddColumn(nameof(IcontactQueueItem.FieldsVersion)).AsString(16).Nullable();
    }

    /// <summary>
    /// Collects the DOWN migration expressions (uninstall; the base migration drops the other tables and their columns)
    /// </summary>
    public override void Down()
    {
        if (Schema.Table(nameof(IcontactFieldMap)).Exists())
            Delete.Table(nameof(IcontactFieldMap));
    }
}
