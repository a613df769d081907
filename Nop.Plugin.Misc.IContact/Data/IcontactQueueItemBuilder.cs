using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Represents the queue table mapping
/// </summary>
public class IcontactQueueItemBuilder : NopEntityBuilder<IcontactQueueItem>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(IcontactQueueItem.Email)).AsString(255).NotNullable()
            .WithColumn(nameof(IcontactQueueItem.ListId)).AsString(32).Nullable()
            .WithColumn(nameof(IcontactQueueItem.RuleId)).AsString(64).Nullable()
            .WithColumn(nameof(IcontactQueueItem.SubscriptionStatus)).AsString(16).Nullable()
            .WithColumn(nameof(IcontactQueueItem.LeaseOwner)).AsString(100).Nullable()
            .WithColumn(nameof(IcontactQueueItem.FieldsVersion)).AsString(16).Nullable();
    }
}
