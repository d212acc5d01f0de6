extern alias cli;

using System.Net;
using System.Net.Http.Json;
using cli::Conversational.Cli.ConversationTests;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.App;

namespace Conversational.Host.Tests.Channels.App;

/// <summary>
/// A conversation test file's customer, in the app: the merchant's back end signs the script's customer in
/// (<c>POST /api/customer-sessions</c>), then the app starts the conversation and posts each message with that token.
/// </summary>
internal sealed class AppApiScriptChannel(HttpClient http, string sessionApiKey) : IScriptChannel
{
    private AppApi? _api;

    public async Task<ScriptTurn> StartAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/customer-sessions", UriKind.Relative))
        {
            Content = JsonContent.Create(new StartCustomerSessionRequest(script.Customer), options: ConversationJson.Options),
        };
        request.Headers.Add("X-Api-Key", sessionApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<CustomerSession>(ConversationJson.Options, cancellationToken);
        _api = new AppApi(http, session!);
        return BotOnly(await _api.StartAsync(script.Locale));
    }

    public async Task<ScriptTurn> SendAsync(ConversationScript script, string conversationId, string text, CancellationToken cancellationToken) =>
        BotOnly(await (_api ?? throw new InvalidOperationException("Not started.")).SayAsync(conversationId, text));

    private static ScriptTurn BotOnly(TurnResponse turn) =>
        new(turn.ConversationId, [.. turn.Activities.Where(a => a.From?.Role == RoleTypes.Bot)]);
}
