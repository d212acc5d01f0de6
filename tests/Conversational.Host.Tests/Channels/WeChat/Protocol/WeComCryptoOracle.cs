using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

/// <summary>
/// An implementation of WeChat's message crypto that we did not write: npm <c>@wecom/crypto</c> 1.0.1 (the WeCom
/// organisation's package; the algorithm is the Official Account's), fetched with <c>npm pack</c> into a temp folder
/// at first use (never committed) and run with the machine's Node.js, one batch of calls per process.
/// </summary>
public sealed class WeComCryptoOracle : IAsyncLifetime
{
    private const string Package = "@wecom/crypto@1.0.1";

    // Reads a JSON array of calls on stdin, writes their results as a JSON array.
    private const string Script = """
        const crypto = require(process.argv[1]);
        const calls = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        console.log(JSON.stringify(calls.map(c =>
          c.op === 'sign' ? crypto.getSignature(c.token, c.timestamp, c.nonce, c.encrypt)
          : c.op === 'encrypt' ? crypto.encrypt(c.key, c.message, c.id, c.random ? Buffer.from(c.random, 'base64') : undefined)
          : crypto.decrypt(c.key, c.encrypt))));
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "conversational-wecom-crypto-1.0.1");

    private string PackageDirectory => Path.Combine(_directory, "package");

    public async Task InitializeAsync()
    {
        if (File.Exists(Path.Combine(PackageDirectory, "lib", "index.js")))
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        var (exit, output) = await RunAsync("npm", ["pack", Package, "--pack-destination", _directory, "--silent"], null);
        Assert.True(exit == 0, $"npm pack {Package} failed: {output}");
        var tarball = Directory.GetFiles(_directory, "*.tgz").Single();
        await using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, _directory, overwriteFiles: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the calls in one Node.js process and returns their results in order.</summary>
    public async Task<JsonArray> CallAsync(params object[] calls)
    {
        var (exit, output) = await RunAsync("node", ["-e", Script, PackageDirectory], JsonSerializer.Serialize(calls));
        Assert.True(exit == 0, $"node failed: {output}");
        return JsonNode.Parse(output)!.AsArray();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, process.ExitCode == 0 ? await output : await output + await error);
    }
}
