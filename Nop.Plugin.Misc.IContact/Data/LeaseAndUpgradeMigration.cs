using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Version 1.1 schema: the lease table, one status row per store (unique index), and the request-count table that
/// 1.1 added to the base migration (a store updating from 1.0.0 never ran that). NoMatter: the platform runs it on a
/// fresh install (after the base schema) and on a plugin update alike, once; every step checks what exists first.
/// </summary>
[NopMigration("2026/11/30 02:00:00", "Misc.IContact 1.1 leases, one status per store, request counts", MigrationProcessType.NoMatter)]
public class LeaseAndUpgradeMigration : Migration
{
    public const string StatusStoreIndex = "UX_IcontactStoreStatus_StoreId";
    public const string LeaseNameIndex = "UX_IcontactLease_Name";

    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        if (!Schema.Table(nameof(IcontactRequestCount)).Exists())
        {
            Create.TableFor<IcontactRequestCount>();
            Create.Index("IX_IcontactRequestCount_Scope").OnTable(nameof(IcontactRequestCount))
                .OnColumn(nameof(IcontactRequestCount.StoreId)).Ascending()
                .OnColumn(nameof(IcontactRequestCount.BucketMinutes)).Ascending()
                .OnColumn(nameof(IcontactRequestCount.Bucket)).Ascending();
        }

        if (!Schema.Table(nameof(IcontactLease)).Exists())
        {
            Create.TableFor<IcontactLease>();
            Create.Index(LeaseNameIndex).OnTable(nameof(IcontactLease)).OnColumn(nameof(IcontactLease.Name)).Ascending().WithOptions().Unique();
        }

        if (!Schema.Table(nameof(IcontactStoreStatus)).Index(StatusStoreIndex).Exists())
        {
            //1.0 could race two status rows into existence for one store: keep the oldest before making the key unique
            IfDatabase("Postgres").Execute.Sql("""DELETE FROM "IcontactStoreStatus" a USING "IcontactStoreStatus" b WHERE a."StoreId" = b."StoreId" AND a."Id" > b."Id";""");
            IfDatabase("MySql").Execute.Sql("DELETE a FROM `IcontactStoreStatus` a JOIN `IcontactStoreStatus` b ON a.`StoreId` = b.`StoreId` AND a.`Id` > b.`Id`;");
            IfDatabase("SqlServer").Execute.Sql("DELETE a FROM [IcontactStoreStatus] a JOIN [IcontactStoreStatus] b ON a.[StoreId] = b.[StoreId] AND a.[Id] > b.[Id];");
            Create.Index(StatusStoreIndex).OnTable(nameof(IcontactStoreStatus)).OnColumn(nameof(IcontactStoreStatus.StoreId)).Ascending().WithOptions().Unique();
        }
    }

    /// <summary>
    /// Collect the DOWN migration expressions (uninstall; the base migration then drops the other tables)
    /// </summary>
    public override void Down()
    {
        if (Schema.Table(nameof(IcontactLease)).Exists())
            Delete.Table(nameof(IcontactLease));
        if (Schema.Table(nameof(IcontactStoreStatus)).Index(StatusStoreIndex).Exists())
            Delete.Index(StatusStoreIndex).OnTable(nameof(IcontactStoreStatus));
    }
}
