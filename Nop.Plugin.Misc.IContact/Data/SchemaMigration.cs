using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Creates the plugin's tables (queue, subscribers, status, request counts, bulk runs) on install; uninstall runs it down and drops them
/// </summary>
[NopMigration("2026/11/27 12:00:00", "Misc.IContact base schema", MigrationProcessType.Installation)]
public class SchemaMigration : AutoReversingMigration
{
    /// <summary>
    /// Collect the UP migration expressions
    /// </summary>
    public override void Up()
    {
        Create.TableFor<IcontactQueueItem>();
        Create.TableFor<IcontactStoreStatus>();
        Create.TableFor<IcontactSubscriber>();
        Create.TableFor<IcontactSyncRun>();
        Create.TableFor<IcontactRequestCount>();

        //the delivery loop claims by state and due time; the admin grid and the unsubscribe-wins rule look up by email
        Create.Index("IX_IcontactQueueItem_State_NextAttempt").OnTable(nameof(IcontactQueueItem))
            .OnColumn(nameof(IcontactQueueItem.StateId)).Ascending()
            .OnColumn(nameof(IcontactQueueItem.NextAttemptOnUtc)).Ascending();
        Create.Index("IX_IcontactQueueItem_Email").OnTable(nameof(IcontactQueueItem))
            .OnColumn(nameof(IcontactQueueItem.Email)).Ascending();
        //every customer update compares the address with what was last sent: one indexed lookup
        Create.Index("IX_IcontactSubscriber_Customer").OnTable(nameof(IcontactSubscriber))
            .OnColumn(nameof(IcontactSubscriber.CustomerId)).Ascending()
            .OnColumn(nameof(IcontactSubscriber.StoreId)).Ascending();
        //every iContact request reads its scope's recent buckets
        Create.Index("IX_IcontactRequestCount_Scope").OnTable(nameof(IcontactRequestCount))
            .OnColumn(nameof(IcontactRequestCount.StoreId)).Ascending()
            .OnColumn(nameof(IcontactRequestCount.BucketMinutes)).Ascending()
            .OnColumn(nameof(IcontactRequestCount.Bucket)).Ascending();
    }
}
