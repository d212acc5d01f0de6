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
        await RunPostgresToolAsync(asRoot, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunPostgresToolAsync(asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30", "-o",
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
            await RunPostgresToolAsync(Environment.UserName == "root", "pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Task RunPostgresToolAsync(bool asRoot, string tool, IEnumerable<string> arguments) =>
        asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments])
            : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The postmaster inherits redirected pipes and never closes them, so output is not redirected and we only wait for exit.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
