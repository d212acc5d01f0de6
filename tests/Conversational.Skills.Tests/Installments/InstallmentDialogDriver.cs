using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Conversational.Skills.Installments;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Installments;

/// <summary>
/// Talks to an <see cref="InstallmentDialog"/> the way the bot's dispatcher does: begin, then continue from the last snapshot, with
/// the facts recorded so far; the demo bank in memory, codes captured, the clock at 10:00 on the demo day in China.
/// </summary>
internal sealed class InstallmentDialogDriver
{
    public static readonly DateTimeOffset DemoMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly KeywordUnderstanding Understanding = new();
    private static readonly EntityExtractor Entities = new();

    private readonly List<SkillFact> _facts = [];
    private int _turns;

    public InstallmentDialogDriver(string customerId = "c1003", bool verified = true, string locale = "zh-CN")
    {
        (CustomerId, Verified, Locale) = (customerId, verified, locale);
        Dialog = CreateDialog(Store, Codes, Time);
    }

    public string CustomerId { get; }

    public bool Verified { get; }

    public string Locale { get; }

    public FakeTimeProvider Time { get; } = new(DemoMorning);

    public InMemoryInstallmentStore Store { get; } = new();

    public CapturedCodes Codes { get; } = new();

    public InstallmentDialog Dialog { get; }

    /// <summary>Where the dialog waits; null before it starts and after it ends.</summary>
    public DialogSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<SkillFact> Facts => _facts;

    public static InstallmentDialog CreateDialog(IInstallmentStore? store = null, IOneTimeCodeSender? sender = null,
        TimeProvider? time = null) =>
        new(store ?? new InMemoryInstallmentStore(), new OneTimeCodeChallenge(sender ?? new CapturedCodes(), time ?? TimeProvider.System),
            Options.Create(InstallmentProductTable.Default));

    /// <summary>One customer message; <c>{otp}</c> is replaced by the last code sent, <c>{wrong}</c> by another six digits.</summary>
    public async Task<DialogOutcome> SayAsync(string text)
    {
        text = text.Replace("{otp}", Codes.Last, StringComparison.Ordinal).Replace("{wrong}", Codes.Wrong, StringComparison.Ordinal);
        var turn = await TurnAsync(text);
        var outcome = Snapshot is { } snapshot
            ? await Dialog.ContinueAsync(snapshot, turn, CancellationToken.None)
            : await Dialog.BeginAsync(turn, CancellationToken.None);
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

    public string? Step => Snapshot?.Step;

    private async Task<SkillTurn> TurnAsync(string text)
    {
        var now = Time.GetUtcNow();
        return new SkillTurn
        {
            TurnId = $"m-{++_turns}",
            ConversationId = "conv-1",
            CustomerId = CustomerId,
            CustomerVerified = Verified,
            Language = TextLanguage.Detect(text) ?? Locale,
            Text = text,
            NormalizedText = TextNormalizer.Normalize(text),
            Understanding = await Understanding.UnderstandAsync(text, CancellationToken.None),
            Entities = Entities.Extract(text, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime)),
            Now = now,
            Facts = [.. _facts],
        };
    }

    /// <summary>Stands in for the SMS gateway.</summary>
    internal sealed class CapturedCodes : IOneTimeCodeSender
    {
        public List<string> Sent { get; } = [];

        public string Last => Sent.Count > 0 ? Sent[^1] : "{otp}";

        /// <summary>Six digits that are not the last code.</summary>
        public string Wrong => Sent.Count > 0 ? (char)('0' + (Sent[^1][0] - '0' + 1) % 10) + Sent[^1][1..] : "{wrong}";

        public Task SendAsync(string customerId, string last4, string code, CancellationToken cancellationToken)
        {
            Sent.Add(code);
            return Task.CompletedTask;
        }
    }
}
