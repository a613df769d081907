using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Data;

/// <summary>
/// Represents the lease table mapping
/// </summary>
public class IcontactLeaseBuilder : NopEntityBuilder<IcontactLease>
{
    /// <summary>
    /// Apply entity configuration
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(IcontactLease.Name)).AsString(200).NotNullable()
            .WithColumn(nameof(IcontactLease.Owner)).AsString(100).NotNullable();
    }
}
