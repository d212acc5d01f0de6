extern alias cli;

using System.Net;
using System.Text.Json;
using cli::Conversational.Cli.ConversationTests;
using Conversational.Bots.Activities;
using Conversational.Host.Channels.DirectLine;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>
/// A conversation test file's customer, speaking Direct Line: the merchant's back end (the secret) starts the
/// conversation for the script's customer, then each message is posted and the bot's replies are read after the watermark.
/// </summary>
internal sealed class DirectLineScriptChannel(DirectLineApi api) : IScriptChannel
{
    private readonly Dictionary<string, string?> _watermarks = new(StringComparer.Ordinal);

    public async Task<ScriptTurn> StartAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { user = new { id = script.Customer }, locale = script.Locale });
        using var response = await api.SendAsync(HttpMethod.Post, "conversations", DirectLineApi.Secret, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = await DirectLineApi.ReadAsync<DirectLineConversation>(response);
        _watermarks[started.ConversationId] = null;
        return await ReadTurnAsync(started.ConversationId);
    }

    public async Task<ScriptTurn> SendAsync(ConversationScript script, string conversationId, string text, CancellationToken cancellationToken)
    {
        // The answer comes once the turn has run, so everything it produced is in the log by then.
        await api.SayAsync(conversationId, DirectLineApi.Secret, text);
        return await ReadTurnAsync(conversationId);
    }

    private async Task<ScriptTurn> ReadTurnAsync(string conversationId)
    {
        var set = await api.ActivitiesAsync(conversationId, DirectLineApi.Secret, _watermarks[conversationId]);
        _watermarks[conversationId] = set.Watermark;
        return new ScriptTurn(conversationId, [.. set.Activities.Where(a => a.From?.Role == RoleTypes.Bot).Select(ToActivity)]);
    }

    /// <summary>Back from the wire into what the script checks: text, quick replies and cards.</summary>
    private static Activity ToActivity(DirectLineActivity activity) => new()
    {
        Type = activity.Type,
        Id = activity.Id,
        From = activity.From,
        Text = activity.Text,
        Locale = activity.Locale,
        Attachments = activity.Attachments,
        SuggestedActions = activity.SuggestedActions,
        ReplyToId = activity.ReplyToId,
    };
}
