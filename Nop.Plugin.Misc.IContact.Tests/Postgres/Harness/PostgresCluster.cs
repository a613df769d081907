using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// A private PostgreSQL cluster in a temp folder on a free loopback port, for tests and the bench: initdb, pg_ctl start,
/// one database with the citext extension (as nopCommerce's PostgreSQL provider creates it), stopped and deleted on dispose.
/// initdb refuses to run as root, so under root the server runs as the "postgres" OS user (runuser) in a folder it owns.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string DatabaseName = "nop";

    private readonly string _binDir;
    private readonly string _root;
    private readonly bool _asPostgresUser;
    private int _disposed;

    private PostgresCluster(string binDir, string root, int port, bool asPostgresUser)
    {
        _binDir = binDir;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>
    /// Gets the connection string of the database (superuser, trust authentication on loopback)
    /// </summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={DatabaseName};Pooling=true;Maximum Pool Size=50;Timeout=30;Command Timeout=300";

    /// <summary>
    /// How long initdb, start and database creation took
    /// </summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Starts a cluster; throws with the log when PostgreSQL is missing or does not start
    /// </summary>
    public static PostgresCluster Start()
    {
        var watch = Stopwatch.StartNew();
        var binDir = FindBinDirectory()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found (initdb/pg_ctl): install postgresql-15 (apt-get install postgresql-15) or set NOP_PG_BIN");
        var asPostgresUser = Environment.UserName == "root";
        var root = Directory.CreateTempSubdirectory("nop-pg-").FullName;
        var cluster = new PostgresCluster(binDir, root, FreePort(), asPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        try
        {
            if (asPostgresUser)
                Run("chown", ["postgres:", root]);

            cluster.RunPg("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            //durability is not under test: no fsync, so seeding 100,000 customers costs seconds
            var options = $"-p {cluster.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
            cluster.RunPg("pg_ctl", ["-D", cluster.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
            cluster.RunPg("psql", ["-h", "127.0.0.1", "-p", cluster.Port.ToString(), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q",
                "-c", $"CREATE DATABASE \"{DatabaseName}\"", "-c", $"\\c {DatabaseName}", "-c", "CREATE EXTENSION IF NOT EXISTS citext"]);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }

        cluster.StartupTime = watch.Elapsed;
        return cluster;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;

        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                RunPg("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            //already gone
        }

        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("NOP_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;

        //Debian keeps the server tools out of PATH, per major version
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        if (debian.Exists)
        {
            var newest = debian.GetDirectories()
                .Where(d => int.TryParse(d.Name, out _) && File.Exists(Path.Combine(d.FullName, "bin", "initdb")))
                .OrderByDescending(d => int.Parse(d.Name))
                .FirstOrDefault();
            if (newest is not null)
                return Path.Combine(newest.FullName, "bin");
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return dir;

        return null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void RunPg(string tool, string[] arguments)
    {
        var path = Path.Combine(_binDir, tool);
        if (!File.Exists(path))
            path = tool;
        if (_asPostgresUser)
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else
            Run(path, arguments);
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath()
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
    }
}
