using System.Diagnostics;
using System.Globalization;
using System.Net;
using Conversational.Testing;

namespace Conversational.Benchmarks;

/// <summary>What the load commands (<c>http</c>, <c>directline</c>) share: the host they start, their figures and progress.</summary>
public static class LoadRun
{
    /// <summary>The host as a process (Release, beside these benchmarks) on the chosen store, with these settings added.</summary>
    public static async Task<(HostProcess Host, PostgresServer? Postgres)> StartHostAsync(string store, string scratch,
        Dictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        PostgresServer? postgres = null;
        if (store == "postgres")
        {
            Progress("starting PostgreSQL");
            postgres = await PostgresServer.StartAsync();
            environment["Storage__Provider"] = "PostgreSql";
            environment["Storage__PostgreSqlConnectionString"] = await postgres.CreateDatabaseAsync("load");
        }
        else
        {
            environment["Storage__Provider"] = "Sqlite";
            environment["Storage__SqlitePath"] = Path.Combine(scratch, "load.db");
        }

        Progress($"starting {RepositoryPaths.HostAssembly()}");
        try
        {
            return (await HostProcess.StartAsync(environment), postgres);
        }
        catch
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            throw;
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, int percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Every 2 s until cancelled: the phase's turns so far, their rate and the errors.</summary>
    internal static async Task ReportAsync(string phase, Func<(long Turns, long Errors)> read, long started, CancellationToken cancellationToken)
    {
        var last = 0L;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                var (turns, errors) = read();
                Progress($"{phase} {Stopwatch.GetElapsedTime(started).TotalSeconds,5:0.0} s: {turns} turns ({(turns - last) / 2.0:0}/s), {errors} errors");
                last = turns;
            }
        }
        catch (OperationCanceledException)
        {
            // The phase ended.
        }
    }

    public static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
