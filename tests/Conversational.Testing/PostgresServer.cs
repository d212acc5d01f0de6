using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Conversational.Testing;

/// <summary>
/// A real PostgreSQL server for one test run: initdb into a temp folder, trust auth on 127.0.0.1 at a free port,
/// torn down (and deleted) on dispose. Set <c>TEST_PG_CONNSTRING</c> to use an existing server instead.
/// Never skipped: if PostgreSQL cannot be started, the tests that need it fail and say why.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string? _directory;

    private PostgresServer(string connectionString, string? directory)
    {
        ConnectionString = connectionString;
        _directory = directory;
    }

    /// <summary>Connection string to the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TEST_PG_CONNSTRING") is { Length: > 0 } external)
        {
            return new PostgresServer(external, null);
        }

        var directory = Directory.CreateTempSubdirectory("pgtest.").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        var port = FreePort();
        var data = Path.Combine(directory, "data");
        await RunPostgresToolAsync(directory, asRoot, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunPostgresToolAsync(directory, asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30", "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            + "-c max_connections=300", "start"]);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=100", directory);
    }

    /// <summary>Creates an empty database and returns its connection string, so test classes do not see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\"");
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync(_directory, Environment.UserName == "root", "pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Runs a PostgreSQL tool with its output appended to <c>tools.log</c> in the server's folder.</summary>
    private static async Task RunPostgresToolAsync(string directory, bool asRoot, string tool, IEnumerable<string> arguments)
    {
        IEnumerable<string> command = asRoot
            ? ["runuser", "-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments]
            : [Path.Combine(BinDirectory, tool), .. arguments];
        var log = Path.Combine(directory, "tools.log");
        try
        {
            // Through a shell redirect, not pipes: the postmaster that pg_ctl starts inherits these descriptors and
            // never closes them, so a pipe would never reach end of file; a file does not care.
            await RunAsync("/bin/sh", ["-c", "exec \"$@\" >>\"$0\" 2>&1", log, .. command]);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"PostgreSQL's {tool} failed:\n{(File.Exists(log) ? File.ReadAllText(log) : "")}", exception);
        }
    }

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
