using System.Net;
using System.Net.Http.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Host.Desk;

namespace Conversational.Host.Tests.Desk;

/// <summary>
/// The end of an agent's chat: hand back to the bot, or close; either way the bot speaks again, and the chat is no longer
/// the agent's to read or write.
/// </summary>
public sealed class DeskHandBackTests : AssignedChatTest
{
    [Fact]
    public async Task After_a_hand_back_the_bot_speaks_and_answers_the_customer_again_and_the_agent_is_free()
    {
        using var response = await Agent.PostAsync($"{ConversationPath(Conversation)}/handback");
        var followUp = (await response.Content.ReadFromJsonAsync<BotFollowUp>(ConversationJson.Options))!;

        var turn = await Customer.SayAsync(Conversation, "你好");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(followUp.Replies);
        Assert.All(followUp.Replies, reply => Assert.Equal(RoleTypes.Bot, reply.From?.Role));
        Assert.Contains(turn.Activities, a => a.From?.Role == RoleTypes.Bot);
        Assert.DoesNotContain((await Agent.StateAsync()).Chats, c => c.ConversationId == Conversation);
    }

    [Fact]
    public async Task After_closing_the_bot_asks_the_customer_and_the_agent_can_no_longer_write()
    {
        using var closed = await Agent.PostAsync($"{ConversationPath(Conversation)}/close", new { disposition = "resolved" });
        var followUp = (await closed.Content.ReadFromJsonAsync<BotFollowUp>(ConversationJson.Options))!;

        using var late = await Agent.PostAsync($"{ConversationPath(Conversation)}/messages", new { text = "还有别的问题吗" });
        using var read = await Agent.GetAsync(ConversationPath(Conversation));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.NotEmpty(followUp.Replies);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }
}
