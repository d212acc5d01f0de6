using System.ComponentModel;
using System.Diagnostics;

namespace Conversational.Testing;

/// <summary>
/// npm packages that tests run against (Microsoft's own Direct Line clients), fetched once with <c>npm pack</c> into
/// <c>tests/.cache/npm/</c>, which git ignores: the tarball only, no dependency tree, never committed.
/// </summary>
public static class NpmPackages
{
    /// <summary>The extracted package folder (the tarball's <c>package/</c>), fetching it first if it is not cached.</summary>
    public static async Task<string> FetchAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        var cache = Path.Combine(RepositoryPaths.Root(), "tests", ".cache", "npm");
        var target = Path.Combine(cache, $"{name}-{version}");
        if (Directory.Exists(target))
        {
            return Path.Combine(target, "package");
        }

        Directory.CreateDirectory(cache);
        // Unpacked beside the target and moved in whole, so a test running at the same time never sees half a package.
        var scratch = Path.Combine(cache, $".fetch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            await RunAsync("npm", ["pack", $"{name}@{version}", "--silent"], scratch, cancellationToken);
            var tarball = Directory.GetFiles(scratch, "*.tgz").Single();
            await RunAsync("tar", ["xzf", tarball, "-C", scratch], scratch, cancellationToken);
            File.Delete(tarball);
            try
            {
                Directory.Move(scratch, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another test fetched it first.
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return Path.Combine(target, "package");
    }

    private static async Task RunAsync(string command, string[] arguments, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"'{command}' is needed to fetch the npm packages these tests run against (apt-get install nodejs npm; tests/run.sh does).",
                exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
            }
        }
    }
}
