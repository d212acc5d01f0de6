using Conversational.Bots.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversational.Cli;

/// <summary>The conversation runtime and its store, configured as the server is, for commands that talk to the bot.</summary>
internal static class CliHost
{
    /// <summary>
    /// Reads the repository's <c>appsettings.json</c> (copied beside the binaries) and then environment variables,
    /// so <c>Storage__SqlitePath</c> and the like work as for the server.
    /// </summary>
    /// <param name="configure">Last changes before the host is built (the conversation test runner's store and clock).</param>
    public static IHost Build(Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The defaults would also read our own arguments as configuration and log at Information to stdout.
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddAppSettingsFile().AddEnvironmentVariables();

        // stdout is the conversation or the result; only warnings and errors are worth interrupting it, on stderr.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.AddBots();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
