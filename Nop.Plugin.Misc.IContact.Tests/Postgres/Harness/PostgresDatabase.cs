using System.Diagnostics;
using System.Reflection;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider.PostgreSQL;
using LinqToDB.Internal.DataProvider.PostgreSQL;
using LinqToDB.Mapping;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Npgsql;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// One database of a <see cref="PostgresCluster"/> with the platform's and the plugin's tables, the linq2db mapping the
/// platform derives from its builders (table and column names, serial ids with their sequences), and a count of the
/// commands sent (round trips) for the bench's "queries per page".
/// </summary>
public sealed class PostgresDatabase
{
    /// <summary>
    /// Entity types whose table name differs from the class name (the platform's name compatibility table)
    /// </summary>
    private static readonly Dictionary<Type, string> TableNames = new()
    {
        [typeof(CustomerCustomerRoleMapping)] = "Customer_CustomerRole_Mapping",
        [typeof(Nop.Core.Domain.Catalog.ProductCategory)] = "Product_Category_Mapping",
        [typeof(Nop.Core.Domain.Catalog.ProductManufacturer)] = "Product_Manufacturer_Mapping"
    };

    /// <summary>
    /// Columns whose name differs from the property name (the platform's name compatibility table)
    /// </summary>
    private static readonly Dictionary<(Type, string), string> ColumnNames = new()
    {
        [(typeof(CustomerCustomerRoleMapping), nameof(CustomerCustomerRoleMapping.CustomerId))] = "Customer_Id",
        [(typeof(CustomerCustomerRoleMapping), nameof(CustomerCustomerRoleMapping.CustomerRoleId))] = "CustomerRole_Id"
    };

    private static readonly Type[] PlatformEntities =
        [typeof(Customer), typeof(CustomerRole), typeof(CustomerCustomerRoleMapping), typeof(NewsLetterSubscription), typeof(NewsLetterSubscriptionType), typeof(Store),
            typeof(Nop.Core.Domain.Orders.Order), typeof(Nop.Core.Domain.Orders.OrderItem), typeof(Nop.Core.Domain.Catalog.Product),
            typeof(Nop.Core.Domain.Catalog.ProductCategory), typeof(Nop.Core.Domain.Catalog.ProductManufacturer)];

    private static readonly CitextParameterDataProvider Provider = new();

    private long _commands;

    private PostgresDatabase(string connectionString, MappingSchema mappingSchema)
    {
        ConnectionString = connectionString;
        MappingSchema = mappingSchema;
        Options = new DataOptions()
            .UseConnectionString(Provider, connectionString)
            .UseMappingSchema(mappingSchema)
            .UseTracing(TraceLevel.Info, info =>
            {
                if (info.TraceInfoStep == TraceInfoStep.BeforeExecute)
                    Interlocked.Increment(ref _commands);
            });
    }

    public string ConnectionString { get; }

    public MappingSchema MappingSchema { get; }

    /// <summary>
    /// linq2db options of every connection the harness opens (mapping, provider, command counting)
    /// </summary>
    public DataOptions Options { get; }

    /// <summary>
    /// Commands sent to the server through linq2db since the database was created (each is one round trip)
    /// </summary>
    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>
    /// Creates the platform's and the plugin's tables in the cluster's database (dropping what a previous run left)
    /// </summary>
    public static async Task<PostgresDatabase> CreateAsync(PostgresCluster cluster)
    {
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE EXTENSION IF NOT EXISTS citext;"
                + NopSchema.Sql + PluginSchema.Sql;
            await command.ExecuteNonQueryAsync();
            await connection.ReloadTypesAsync();
        }

        NpgsqlConnection.ClearAllPools();
        return new PostgresDatabase(cluster.ConnectionString, await MapAsync(cluster.ConnectionString));
    }

    /// <summary>
    /// Gets the platform-like repository of an entity
    /// </summary>
    public PostgresRepository<TEntity> Repository<TEntity>() where TEntity : BaseEntity => new(this);

    /// <summary>
    /// Opens a connection the way the platform's data provider does for each operation
    /// </summary>
    public DataConnection Connect() => new(Options);

    /// <summary>
    /// Runs SQL (test setup; not counted as the plugin's round trips)
    /// </summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Reads one value (test setup and checks; not counted)
    /// </summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(await command.ExecuteScalarAsync(), typeof(T))!;
    }

    /// <summary>
    /// Empties every table and restarts its id sequence
    /// </summary>
    public Task ResetAsync() => ExecuteAsync("""
        DO $$ DECLARE t text; BEGIN
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
            EXECUTE format('TRUNCATE TABLE %I RESTART IDENTITY CASCADE', t);
          END LOOP;
        END $$;
        """);

    /// <summary>
    /// Maps each entity property to the column of the same name (or the platform's compatibility name) that the table
    /// has, as the platform's metadata reader maps from its builders: properties without a column are not mapped
    /// </summary>
    private static async Task<MappingSchema> MapAsync(string connectionString)
    {
        var columns = new Dictionary<string, HashSet<string>>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!columns.TryGetValue(reader.GetString(0), out var set))
                    columns[reader.GetString(0)] = set = [];
                set.Add(reader.GetString(1));
            }
        }

        var schema = new MappingSchema();
        var builder = new FluentMappingBuilder(schema);
        foreach (var entity in PlatformEntities.Concat(PluginSchema.EntityTypes))
        {
            var table = TableNames.GetValueOrDefault(entity, entity.Name);
            var tableColumns = columns[table];
            builder.HasAttribute(entity, new TableAttribute(table) { IsColumnAttributeRequired = true });
            foreach (var property in entity.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanWrite))
            {
                var column = ColumnNames.GetValueOrDefault((entity, property.Name), property.Name);
                if (!tableColumns.Contains(column))
                    continue;

                var isId = property.Name == nameof(BaseEntity.Id);
                builder.HasAttribute(property, new ColumnAttribute(column) { IsPrimaryKey = isId, IsIdentity = isId, CanBeNull = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null });
                if (isId)
                    builder.HasAttribute(property, new SequenceNameAttribute($"{table}_{column}_seq"));
            }
        }

        builder.Build();
        return schema;
    }
}

/// <summary>
/// linq2db's PostgreSQL 9.2 provider with string parameters sent as citext, as nopCommerce 4.90.6's
/// LinqToDBPostgreSQLDataProvider does: without it "Email" = @p compares as text, with letter case
/// </summary>
public sealed class CitextParameterDataProvider() : PostgreSQLDataProvider(ProviderName.PostgreSQL92, PostgreSQLVersion.v92)
{
    public override void SetParameter(DataConnection dataConnection, System.Data.Common.DbParameter parameter, string name, DbDataType dataType, object value)
    {
        if (value is string && dataType.SystemType == typeof(string))
            dataType = dataType.WithDbType("citext");
        base.SetParameter(dataConnection, parameter, name, dataType, value);
    }
}
