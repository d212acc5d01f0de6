using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Conversational.Bots.Hosting;

/// <summary>
/// The one <c>appsettings.json</c> at the repository root serves the host and the CLI alike; each build copies it
/// beside the binaries. It is read first, so environment variables and command-line arguments override it.
/// </summary>
public static class AppSettingsFile
{
    public const string FileName = "appsettings.json";

    public static IConfigurationManager AddAppSettingsFile(this IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        configuration.Sources.Insert(0, source);
        return configuration;
    }
}
