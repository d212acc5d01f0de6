using Conversational.Skills.Dialogs;
using Conversational.Skills.Installments;
using Conversational.Skills.Tests.Dialogs;
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

    private readonly DialogDriver _driver;

    public InstallmentDialogDriver(string customerId = "c1003", bool verified = true, string locale = "zh-CN")
    {
        (CustomerId, Verified, Locale) = (customerId, verified, locale);
        Dialog = CreateDialog(Store, Codes, Time);
        _driver = new DialogDriver(Dialog, Time, customerId, verified, locale);
    }

    public string CustomerId { get; }

    public bool Verified { get; }

    public string Locale { get; }

    public FakeTimeProvider Time { get; } = new(DemoMorning);

    public InMemoryInstallmentStore Store { get; } = new();

    public CapturedCodes Codes { get; } = new();

    public InstallmentDialog Dialog { get; }

    /// <summary>Where the dialog waits; null before it starts and after it ends.</summary>
    public DialogSnapshot? Snapshot => _driver.Snapshot;

    public IReadOnlyList<SkillFact> Facts => _driver.Facts;

    public static InstallmentDialog CreateDialog(IInstallmentStore? store = null, IOneTimeCodeSender? sender = null,
        TimeProvider? time = null) =>
        new(store ?? new InMemoryInstallmentStore(), new OneTimeCodeChallenge(sender ?? new CapturedCodes(), time ?? TimeProvider.System),
            Options.Create(InstallmentProductTable.Default));

    /// <summary>One customer message; <c>{otp}</c> is replaced by the last code sent, <c>{wrong}</c> by another six digits.</summary>
    public Task<DialogOutcome> SayAsync(string text) =>
        _driver.SayAsync(text.Replace("{otp}", Codes.Last, StringComparison.Ordinal).Replace("{wrong}", Codes.Wrong, StringComparison.Ordinal));

    /// <summary>The replies of one message as one text, as the conversation test files check them.</summary>
    public async Task<string> ReplyAsync(string text) => Text(await SayAsync(text));

    public static string Text(DialogOutcome outcome) => DialogDriver.Text(outcome);

    public string? Step => _driver.Step;

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
