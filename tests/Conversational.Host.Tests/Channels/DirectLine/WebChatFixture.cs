using Conversational.Host.Tests.Widget;
using Conversational.Testing;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>
/// The real host (with the demo catalog) on a real port, Chromium, and Microsoft's official Web Chat bundle
/// (<c>botframework-webchat</c> 4.18.1, <c>dist/webchat.js</c>, fetched with npm into the ignored <c>tests/.cache/</c>).
/// </summary>
public sealed class WebChatFixture : WidgetFixture
{
    public const string WebChatVersion = "4.18.1";

    public string WebChatBundle { get; private set; } = null!;

    public async Task<string> FetchBundleAsync()
    {
        var package = await NpmPackages.FetchAsync("botframework-webchat", WebChatVersion);
        return WebChatBundle = Path.Combine(package, "dist", "webchat.js");
    }

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Storage__SeedDemoData"] = "true";
        settings["DirectLine__Secrets__0"] = DirectLineApi.Secret;
    }
}
