using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Conversational.Host.Hosting;

/// <summary>Tells the person who ran the host where to open the chat, on the console, whatever the log levels.</summary>
internal static class StartupBanner
{
    public static void Log(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"Conversational is running: open {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)
                .Replace("[::]", "localhost", StringComparison.Ordinal)}/ for the web chat.");
        }
    }
}
