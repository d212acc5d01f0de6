using Conversational.Host.Desk;

namespace Microsoft.Extensions.DependencyInjection;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The agent desk's live stream; the desk's read and write sides come with the bots (<c>AddBots</c>).</summary>
    public static WebApplicationBuilder AddAgentDesk(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DeskStream>();
        return builder;
    }
}
