using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Conversational.Testing;

/// <summary>
/// The real host as a separate process on 127.0.0.1 with a free port, for what an in-memory test server cannot show:
/// a browser connecting, a process killed mid-conversation, load over real sockets.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the host built next to the tests with the given settings (e.g. <c>Storage__SqlitePath</c>).</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var hostDll = RepositoryPaths.HostAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        // Lines are kept only until the host listens, to explain a failed start; after that the output is drained unread.
        void OnLine(string? line)
        {
            if (line is null || address.Task.IsCompleted)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (RunningBanner().Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            string output;
            lock (lines)
            {
                output = string.Join('\n', lines);
            }

            address.TrySetException(new InvalidOperationException($"The host exited with {process.ExitCode} before listening:\n{output}"));
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var baseAddress = await address.Task.WaitAsync(timeout.Token);
            return new HostProcess(process, baseAddress);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: no graceful shutdown.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Conversational is running: open (?<url>http://\S+?)/ ")]
    private static partial Regex RunningBanner();
}
