using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Knowledge.Understanding;
using Conversational.Skills.Dialogs;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Policies;

/// <summary>
/// What every skill dialog gets from the dispatcher, shown with a one-question dialog: cancel, a question in the
/// middle, two misses, handoff with the dialog's slots and resuming after hand-back, and ending when at rest.
/// </summary>
public sealed class SkillDispatcherTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private string _conversation = "";

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(StoreKind.Sqlite, configureServices: services =>
        {
            services.AddSingleton<ISkillDialog, NumberDialog>();
            services.AddSingleton<IUnderstanding, NumberUnderstanding>();
        });
        _conversation = (await _host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_start_intent_begins_the_dialog_at_its_first_step()
    {
        var replies = await SayAsync("数字游戏");

        Assert.Equal([NumberDialog.Question], replies);
        Assert.Equal(new("number", "Asking"), await ActiveAsync());
    }

    [Fact]
    public async Task Cancel_ends_the_dialog_and_says_so()
    {
        await SayAsync("数字游戏");

        var replies = await SayAsync("算了");

        Assert.Equal([string.Format(null, BotMessages.Chinese.DialogCancelled, "number")], replies);
        Assert.Null(await ActiveAsync());
        Assert.Contains(await EventsAsync(), e => e is SkillEnded { Outcome: SkillOutcomes.Cancelled });
    }

    [Fact]
    public async Task A_question_in_the_middle_is_answered_and_the_step_asked_again()
    {
        await SayAsync("数字游戏");

        var replies = await SayAsync("帮助");

        Assert.Equal([string.Format(null, BotMessages.Chinese.InDialogHelp, "number"), NumberDialog.Question], replies);
        Assert.Equal(new("number", "Asking"), await ActiveAsync());
    }

    [Fact]
    public async Task A_second_miss_in_a_row_hands_over_to_a_person_with_the_dialog_instead_of_asking_again()
    {
        await SayAsync("数字游戏");

        var first = await SayAsync("紫色的大象");
        var second = await SayAsync("跳舞的长颈鹿");

        Assert.Equal([BotMessages.Chinese.InDialogNotUnderstood, NumberDialog.Question], first);
        Assert.StartsWith("抱歉，我还是没能理解您的问题。正在为您转接人工客服", Assert.Single(second), StringComparison.Ordinal);
        var handoff = Assert.Single((await EventsAsync()).OfType<HandoffRequested>());
        Assert.Equal((HandoffReasons.RepeatedMisunderstanding, "Asking"), (handoff.Reason, handoff.Dialog?.Step));
        Assert.Equal(new("number", "Asking"), await ActiveAsync());
    }

    [Fact]
    public async Task A_handoff_carries_the_dialog_and_the_bot_resumes_at_the_same_step_after_hand_back()
    {
        await SayAsync("数字游戏");

        await SayAsync("转人工");
        var handoff = Assert.Single((await EventsAsync()).OfType<HandoffRequested>());
        Assert.Equal(("number", "Asking"), (handoff.Dialog?.Skill, handoff.Dialog?.Step));

        await AppendAsync(new AgentAssigned("agent1"));
        Assert.Empty(await SayAsync("7"));
        await AppendAsync(new HandedBackToBot("agent1"));

        Assert.Equal(["收到 8"], await SayAsync("8"));
    }

    [Fact]
    public async Task A_dialog_at_rest_ends_on_an_unrelated_message_which_is_answered_as_usual()
    {
        await SayAsync("数字游戏");
        await SayAsync("3");
        Assert.Equal(new("number", "Answered"), await ActiveAsync());

        var replies = await SayAsync("你好");

        Assert.Equal([BotMessages.Chinese.Greeting], replies);
        Assert.Null(await ActiveAsync());
    }

    private async Task<IReadOnlyList<string?>> SayAsync(string text)
    {
        var result = await _host.Runtime.ProcessAsync(_conversation, Messages.From("c1", _conversation, text), null, default);
        return [.. result.Activities.Where(a => a.From?.Role == RoleTypes.Bot).Select(a => a.Text)];
    }

    private async Task<IReadOnlyList<ConversationEvent>> EventsAsync() =>
        [.. (await _host.Store.ReadAsync(_conversation, 0, default)).Select(e => e.Event)];

    private async Task<(string Skill, string Step)?> ActiveAsync()
    {
        var state = ConversationState.Replay(_conversation, await _host.Store.ReadAsync(_conversation, 0, default));
        return state.ActiveDialog is { } active ? (active.Skill, active.Step) : null;
    }

    private async Task AppendAsync(ConversationEvent @event)
    {
        var version = (await _host.Store.ReadAsync(_conversation, 0, default))[^1].Seq;
        await _host.Store.AppendAsync(_conversation, version, [@event], default);
    }

    /// <summary>The demo model's understanding, plus the intent that starts the number dialog.</summary>
    private sealed class NumberUnderstanding : IUnderstanding
    {
        private readonly DemoUnderstanding _model = new();

        public Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken) => text == "数字游戏"
            ? Task.FromResult(new Understanding("number", 1, null))
            : _model.UnderstandAsync(text, cancellationToken);
    }

    /// <summary>Asks for a number, acknowledges it, then rests.</summary>
    private sealed class NumberDialog : ISkillDialog
    {
        public const string Question = "请说一个数字";

        private enum Step
        {
            Asking,
            Answered,
        }

        public string Skill => "number";

        public IReadOnlyCollection<string> StartIntents => ["number"];

        public Task<DialogOutcome> BeginAsync(SkillTurn turn, CancellationToken cancellationToken) => Task.FromResult(new DialogOutcome
        {
            Replies = [new SkillReply(Question)],
            Next = DialogSlots.Snapshot(Skill, Step.Asking, new { }),
        });

        public Task<DialogOutcome> ContinueAsync(DialogSnapshot snapshot, SkillTurn turn, CancellationToken cancellationToken) =>
            Task.FromResult(int.TryParse(turn.Text, out var number)
                ? new DialogOutcome { Replies = [new SkillReply($"收到 {number}")], Next = DialogSlots.Snapshot(Skill, Step.Answered, new { }) }
                : new DialogOutcome { Understood = false });

        public SkillReply? Prompt(DialogSnapshot snapshot, string language) =>
            snapshot.Step == nameof(Step.Asking) ? new SkillReply(Question) : null;

        public string ToMermaid() => "stateDiagram-v2\n    Asking --> Answered";
    }
}
