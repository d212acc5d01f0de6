using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Handoff.Copilot;
using Conversational.Host.Tests.Desk;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Copilot;

/// <summary>
/// The copilot's HTTP side around one accepted chat: its view, feedback recorded as conversation events, the close that
/// warns about unsaid mandatory disclosures, and the <c>copilot</c> frame on the agent's desk stream.
/// </summary>
public sealed class CopilotEndpointsTests : AssignedChatTest
{
    private string CopilotPath => $"{ConversationPath(Conversation)}/copilot";

    private async Task<CopilotView> ViewAsync() =>
        (await Agent.Http.GetFromJsonAsync<CopilotView>(new Uri(CopilotPath, UriKind.Relative), ConversationJson.Options))!;

    private async Task<IReadOnlyList<ConversationEvent>> EventsAsync() =>
        [.. (await Factory.Services.GetRequiredService<IConversationStore>().ReadAsync(Conversation, 0, CancellationToken.None)).Select(e => e.Event)];

    [Fact]
    public async Task The_agent_reads_the_copilot_of_their_chat_for_the_customers_last_message()
    {
        await Customer.SayAsync(Conversation, "我想把这期账单分期");

        var view = await ViewAsync();

        Assert.Equal((Conversation, "installment", "zh-CN"), (view.ConversationId, view.Business, view.Language));
        Assert.NotEmpty(view.Suggestions);
        Assert.NotEmpty(view.Disclosures);
        Assert.False(view.LlmEnabled);
    }

    [Fact]
    public async Task Reasons_come_as_codes_with_their_points_and_value_always_written_for_the_desk_to_word()
    {
        await Customer.SayAsync(Conversation, "我想把这期账单分期");

        using var json = JsonDocument.Parse(await Agent.Http.GetStringAsync(new Uri(CopilotPath, UriKind.Relative)));
        var view = json.RootElement;
        var reasons = view.GetProperty("layer").GetProperty("reasons").EnumerateArray()
            .Concat(view.GetProperty("offers").EnumerateArray().SelectMany(offer => offer.GetProperty("reasons").EnumerateArray()))
            .ToList();

        Assert.Contains(reasons, reason => reason.GetProperty("code").GetString() == LayerReasons.Spend12Months);
        Assert.All(reasons, reason => Assert.Equal(["code", "points", "value"], reason.EnumerateObject().Select(property => property.Name)));
    }

    [Fact]
    public async Task Without_signing_in_the_copilot_is_unauthorized()
    {
        using var anonymous = Factory.CreateClient();

        using var response = await anonymous.GetAsync(new Uri(CopilotPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("used", true)]
    [InlineData("dismissed", false)]
    public async Task Feedback_on_a_suggestion_is_recorded_on_the_conversation_without_changing_the_transcript(string action, bool edited)
    {
        await Customer.SayAsync(Conversation, "我想把这期账单分期");
        var suggestion = (await ViewAsync()).Suggestions[0];
        var transcript = (await Customer.ActivitiesAsync(Conversation)).Activities.Count;

        using var response = await Agent.PostAsync($"{CopilotPath}/feedback", new { suggestionId = suggestion.Id, action, edited });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        ConversationEvent expected = action == "used"
            ? new CopilotSuggestionUsed(suggestion.Id, suggestion.Kind, "agent1", edited)
            : new CopilotSuggestionDismissed(suggestion.Id, suggestion.Kind, "agent1");
        Assert.Equal(expected, (await EventsAsync())[^1]);
        Assert.Equal(transcript, (await Customer.ActivitiesAsync(Conversation)).Activities.Count);
        Assert.Equal("agent", (await Agent.Http.GetFromJsonAsync<JsonElement>(new Uri(ConversationPath(Conversation), UriKind.Relative)))
            .GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("""{"suggestionId":"script:greeting.zh","action":"liked"}""")]
    [InlineData("""{"suggestionId":"greeting.zh","action":"used"}""")]
    [InlineData("""{"action":"used"}""")]
    public async Task Feedback_needs_a_suggestion_id_and_used_or_dismissed(string body)
    {
        using var response = await Agent.Http.PostAsync(new Uri($"{CopilotPath}/feedback", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Closing_with_unsaid_disclosures_warns_and_an_acknowledged_close_records_them_for_inspection()
    {
        await Customer.SayAsync(Conversation, "我想把这期账单分期");
        var mandatory = (await ViewAsync()).Disclosures.Where(d => d.Mandatory).Select(d => d.Id).ToList();

        using var warned = await Agent.PostAsync($"{ConversationPath(Conversation)}/close", new { disposition = "resolved" });
        var problem = await warned.Content.ReadFromJsonAsync<JsonElement>();
        using var closed = await Agent.PostAsync($"{ConversationPath(Conversation)}/close",
            new { disposition = "resolved", acknowledgeMissingDisclosures = true });

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        Assert.Equal(mandatory, problem.GetProperty("missingDisclosures").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.All(problem.GetProperty("missingDisclosures").EnumerateArray(), d => Assert.NotEmpty(d.GetProperty("title").GetString()!));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var events = await EventsAsync();
        var missed = Assert.Single(events.OfType<DisclosuresMissed>());
        Assert.Equal("agent1", missed.AgentId);
        Assert.Equal(mandatory, missed.DisclosureIds);
        Assert.Single(events.OfType<HandoffClosed>());
    }

    [Fact]
    public async Task Closing_after_saying_every_disclosure_needs_no_acknowledgement()
    {
        await Customer.SayAsync(Conversation, "我想把这期账单分期");
        foreach (var disclosure in (await ViewAsync()).Disclosures)
        {
            await Agent.ReplyAsync(Conversation, disclosure.Wording);
        }

        using var closed = await Agent.PostAsync($"{ConversationPath(Conversation)}/close", new { disposition = "resolved" });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Empty((await EventsAsync()).OfType<DisclosuresMissed>());
    }

    [Fact]
    public async Task A_customer_message_brings_a_copilot_frame_to_the_agents_desk_stream_after_the_message()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await Agent.OpenStreamAsync(timeout.Token);
        // The stream follows the chat from where it stood just after this first frame, as the desk test does.
        await stream.NextAsync(timeout.Token);

        await Customer.SayAsync(Conversation, "我想把这期账单分期");
        var (_, activity) = await stream.NextActivityAsync(timeout.Token);
        var frame = await NextOfTypeAsync(stream, "copilot", timeout.Token);

        Assert.Equal("我想把这期账单分期", activity.Text);
        Assert.Equal(Conversation, frame.GetProperty("conversationId").GetString());
        var view = frame.GetProperty("copilot").Deserialize<CopilotView>(ConversationJson.Options)!;
        Assert.Equal(("installment", Conversation), (view.Business, view.ConversationId));
        Assert.True(view.ComputedAtSeq >= long.Parse(activity.Id!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<JsonElement> NextOfTypeAsync(DeskSocket stream, string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await stream.NextAsync(cancellationToken);
            if (frame.GetProperty("type").GetString() == type)
            {
                return frame;
            }
        }
    }
}
