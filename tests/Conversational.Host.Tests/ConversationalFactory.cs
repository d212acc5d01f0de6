using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Tests;

/// <summary>The host in memory on its own temp SQLite file, or on a given PostgreSQL database.</summary>
public sealed class ConversationalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conversational-host-tests.").FullName;
    private readonly Dictionary<string, string?> _settings;

    public ConversationalFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(_directory, "conversational.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// Starts a host that must refuse to start, and returns why. WebApplicationFactory's deferred host races the failed
    /// start: on a busy machine it may read the already disposed service provider and throw ObjectDisposedException,
    /// which hides the real error. A start that loses the race is tried again; the validation error must still appear.
    /// </summary>
    public static async Task<OptionsValidationException> StartupFailureAsync(IReadOnlyDictionary<string, string?> settings)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            await using var factory = new ConversationalFactory(settings);
            try
            {
                factory.CreateClient().Dispose();
            }
            catch (OptionsValidationException error)
            {
                return error;
            }
            catch (ObjectDisposedException) when (attempt < Attempts)
            {
                continue;
            }

            throw new Xunit.Sdk.XunitException("The host started, but it should have refused these settings.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
