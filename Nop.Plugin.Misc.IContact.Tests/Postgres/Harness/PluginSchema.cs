using System.Reflection;
using System.Text;
using Nop.Core;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// The plugin's own tables as its migration creates them on PostgreSQL, in one place: the columns come from the plugin's
/// entity classes by the platform's TableFor rules (so a changed entity changes its table here without an edit), the
/// builders' NotNullable columns and SchemaMigration's indexes are listed below (update them with those files).
/// </summary>
public static class PluginSchema
{
    /// <summary>
    /// SchemaMigration's, RuleTableMigration's and LeaseAndUpgradeMigration's indexes (keep in step with Nop.Plugin.Misc.IContact/Data/*Migration.cs)
    /// </summary>
    public const string Indexes = """
        CREATE INDEX "IX_IcontactQueueItem_State_NextAttempt" ON "IcontactQueueItem" ("StateId", "NextAttemptOnUtc");
        CREATE INDEX "IX_IcontactQueueItem_Email" ON "IcontactQueueItem" ("Email");
        CREATE INDEX "IX_IcontactSubscriber_Customer" ON "IcontactSubscriber" ("CustomerId", "StoreId");
        CREATE INDEX "IX_IcontactRuleRecord_Store" ON "IcontactRuleRecord" ("StoreId", "DisplayOrder");
        CREATE INDEX "IX_IcontactRequestCount_Scope" ON "IcontactRequestCount" ("StoreId", "BucketMinutes", "Bucket");
        CREATE UNIQUE INDEX "UX_IcontactLease_Name" ON "IcontactLease" ("Name");
        CREATE UNIQUE INDEX "UX_IcontactStoreStatus_StoreId" ON "IcontactStoreStatus" ("StoreId");
        CREATE INDEX "IX_IcontactFieldMap_Store" ON "IcontactFieldMap" ("StoreId");
        """;

    /// <summary>
    /// The plugin's entity types (every BaseEntity in the plugin assembly)
    /// </summary>
    public static IReadOnlyList<Type> EntityTypes { get; } = typeof(IcontactQueueItem).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(BaseEntity)))
        .OrderBy(t => t.Name)
        .ToList();

    /// <summary>
    /// CREATE TABLE statements and indexes
    /// </summary>
    public static string Sql => string.Join(Environment.NewLine, EntityTypes.Select(CreateTable)) + Environment.NewLine + Indexes;

    /// <summary>
    /// Columns the plugin's entity builders declare NotNullable (Data/*Builder.cs: keep in step with them; the builders
    /// cannot run here, FluentMigrator 3.2.9 and its Abstractions 8.0.1 do not load together outside the host)
    /// </summary>
    private static readonly HashSet<(Type, string)> BuilderNotNullable =
    [
        (typeof(IcontactQueueItem), nameof(IcontactQueueItem.Email)),
        (typeof(IcontactSubscriber), nameof(IcontactSubscriber.Email)),
        (typeof(IcontactLease), nameof(IcontactLease.Name)),
        (typeof(IcontactLease), nameof(IcontactLease.Owner))
    ];

    private static readonly Dictionary<Type, string> AutoMapped = new()
    {
        [typeof(int)] = "integer",
        [typeof(long)] = "bigint",
        [typeof(string)] = "citext",
        [typeof(bool)] = "boolean",
        [typeof(decimal)] = "numeric(18, 4)",
        [typeof(DateTime)] = "timestamp(6)",
        [typeof(byte[])] = "bytea",
        [typeof(Guid)] = "uuid"
    };

    private static string CreateTable(Type entity)
    {
        var table = entity.Name;
        var columns = new List<string> { $"\"Id\" serial NOT NULL CONSTRAINT \"PK_{table}\" PRIMARY KEY" };

        //the platform's TableFor: every public settable property of a mapped type; strings and Nullable<T> nullable
        //unless the entity builder says NotNullable; a builder's string length does not matter (citext)
        foreach (var property in entity.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.DeclaringType == typeof(BaseEntity) || !property.CanWrite)
                continue;
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var type = underlying ?? property.PropertyType;
            if (!AutoMapped.TryGetValue(type, out var sqlType))
                continue;
            var nullable = (underlying is not null || type == typeof(string) || type == typeof(byte[])) && !BuilderNotNullable.Contains((entity, property.Name));
            columns.Add($"\"{property.Name}\" {sqlType}{(nullable ? string.Empty : " NOT NULL")}");
        }

        var sql = new StringBuilder($"CREATE TABLE \"{table}\" (");
        sql.AppendJoin(", ", columns);
        return sql.Append(");").ToString();
    }
}
