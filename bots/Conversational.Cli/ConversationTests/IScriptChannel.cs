using Conversational.Bots.Activities;

namespace Conversational.Cli.ConversationTests;

/// <summary>
/// How a conversation test reaches the bot: in process for the CLI's <c>test</c>, or over a channel's own wire protocol
/// in the host's tests, so that one file shows every channel behaves the same.
/// </summary>
internal interface IScriptChannel
{
    /// <summary>Opens the script's conversation and returns the bot's opening activities.</summary>
    Task<ScriptTurn> StartAsync(ConversationScript script, CancellationToken cancellationToken);

    /// <summary>The customer says <paramref name="text"/>; returns the bot's activities of that turn.</summary>
    Task<ScriptTurn> SendAsync(ConversationScript script, string conversationId, string text, CancellationToken cancellationToken);
}

/// <summary>What the bot sent in one turn, translated back from the channel into activities.</summary>
internal sealed record ScriptTurn(string ConversationId, IReadOnlyList<Activity> BotActivities);
