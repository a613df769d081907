using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Represents the subscriber table mapping
/// </summary>
public class IcontactSubscriberBuilder : NopEntityBuilder<IcontactSubscriber>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(IcontactSubscriber.Email)).AsString(255).NotNullable()
            .WithColumn(nameof(IcontactSubscriber.ContactId)).AsString(32).Nullable()
            .WithColumn(nameof(IcontactSubscriber.FieldsVersion)).AsString(16).Nullable();
    }
}
