using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Conversational.Testing;

namespace Conversational.Skills.Tests.Dialogs;

/// <summary>
/// Talks to a dialog the way the bot's dispatcher does: begin, then continue from the last snapshot, with the facts
/// recorded so far; each message's language is its script's, as the bot detects it, else the conversation's.
/// </summary>
internal sealed class DialogDriver(ISkillDialog dialog, TimeProvider time, string customerId = "c1003", bool verified = true,
    string locale = "zh-CN")
{
    private static readonly DemoUnderstanding Understanding = new();
    private static readonly EntityExtractor Entities = new();

    private readonly List<SkillFact> _facts = [];
    private int _turns;

    /// <summary>Where the dialog waits or rests; null before it starts and after it ends.</summary>
    public DialogSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<SkillFact> Facts => _facts;

    public string? Step => Snapshot?.Step;

    public async Task<DialogOutcome> SayAsync(string text)
    {
        var turn = await TurnAsync(text);
        var outcome = Snapshot is { } snapshot
            ? await dialog.ContinueAsync(snapshot, turn, CancellationToken.None)
            : await dialog.BeginAsync(turn, CancellationToken.None);
        if (outcome.Understood)
        {
            Snapshot = outcome.Next;
            _facts.AddRange(outcome.Facts);
        }

        return outcome;
    }

    /// <summary>The replies of one message as one text, as the conversation test files check them.</summary>
    public async Task<string> ReplyAsync(string text) => Text(await SayAsync(text));

    public static string Text(DialogOutcome outcome) => string.Join("\n", outcome.Replies.Select(r => r.Text));

    private async Task<SkillTurn> TurnAsync(string text)
    {
        var now = time.GetUtcNow();
        return new SkillTurn
        {
            TurnId = $"m-{++_turns}",
            ConversationId = "conv-1",
            CustomerId = customerId,
            CustomerVerified = verified,
            Language = TextLanguage.Detect(text) ?? locale,
            Text = text,
            NormalizedText = TextNormalizer.Normalize(text),
            Understanding = (await Understanding.UnderstandAsync(text, CancellationToken.None)).InDialog(),
            Entities = Entities.Extract(text, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime)),
            Now = now,
            Facts = [.. _facts],
        };
    }
}
