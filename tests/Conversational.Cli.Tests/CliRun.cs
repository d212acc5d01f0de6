using System.Diagnostics;
using System.Text;

namespace Conversational.Cli.Tests;

/// <summary>What one run of the CLI did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs <c>conversational.dll</c> (copied next to the tests by the project reference) in its own working directory with
/// its own SQLite file, so runs share no state and no repository configuration leaks in.
/// </summary>
public sealed class CliRun : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public CliRun()
    {
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "conversational-cli-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(WorkingDirectory, "store", "conversational.db");

    /// <summary>Creates a file (or, with a trailing slash, a directory) in the working directory and returns its relative path.</summary>
    public string Touch(string relativePath)
    {
        var path = Path.Combine(WorkingDirectory, relativePath);
        if (relativePath.EndsWith('/'))
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            File.WriteAllText(path, "text,label\n");
        }

        return relativePath;
    }

    public async Task<CliResult> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No byte-order mark: it would arrive as part of the first line typed.
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conversational.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__SqlitePath"] = DatabasePath;
        // The intent model is trained by the first run and loaded by the others: every run still has its own store.
        start.Environment["Understanding__ModelPath"] = Path.Combine(AppContext.BaseDirectory, "data", "intent-model.cvif");

        using var timeout = new CancellationTokenSource(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The CLI did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"conversational {string.Join(' ', args)} did not finish in {Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test over it would not be.
        }
    }
}
