using Conversational.Bots.Activities;
using Conversational.Bots.Turns;

namespace Conversational.Cli.ConversationTests;

/// <summary>Talks to the bot's runtime directly, as the CLI's <c>chat</c> does.</summary>
internal sealed class RuntimeScriptChannel(ConversationRuntime runtime) : IScriptChannel
{
    public async Task<ScriptTurn> StartAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        var started = await runtime.StartAsync(script.Customer, script.Channel, script.Locale, cancellationToken);
        return new ScriptTurn(started.ConversationId, BotOnly(started.Activities));
    }

    public async Task<ScriptTurn> SendAsync(ConversationScript script, string conversationId, string text, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            ChannelId = script.Channel,
            From = new ChannelAccount(script.Customer, Role: RoleTypes.User),
            Conversation = new ConversationAccount(conversationId),
            Locale = script.Locale,
        };
        var result = await runtime.ProcessAsync(conversationId, activity, channelMessageId: null, cancellationToken);
        return new ScriptTurn(conversationId, BotOnly(result.Activities));
    }

    private static List<Activity> BotOnly(IEnumerable<Activity> activities) => [.. activities.Where(a => a.From?.Role == RoleTypes.Bot)];
}
