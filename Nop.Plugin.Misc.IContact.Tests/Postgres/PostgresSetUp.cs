using Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres;

/// <summary>
/// One private PostgreSQL cluster for every test in this namespace, started once per test run and removed after it
/// </summary>
[SetUpFixture]
public class PostgresSetUp
{
    public static PostgresCluster Cluster { get; private set; }
    public static PostgresDatabase Database { get; private set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Cluster = PostgresCluster.Start();
        Database = await PostgresDatabase.CreateAsync(Cluster);
        TestContext.Progress.WriteLine($"PostgreSQL cluster on 127.0.0.1:{Cluster.Port} started in {Cluster.StartupTime.TotalSeconds:N1} s");
    }

    [OneTimeTearDown]
    public void Stop() => Cluster?.Dispose();
}

/// <summary>
/// A test on the shared database, emptied before each test
/// </summary>
[Category("Postgres")]
public abstract class PostgresTestBase
{
    protected static PostgresDatabase Database => PostgresSetUp.Database;

    [SetUp]
    public Task ResetDatabaseAsync() => Database.ResetAsync();
}
