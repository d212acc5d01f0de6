using Conversational.Skills.Dialogs;
using Conversational.Skills.Returns;
using Conversational.Testing;

namespace Conversational.Skills.Tests.Returns;

/// <summary>
/// The return dialog driven turn by turn on the seeded demo, for what the conversation files cannot see: the diagram,
/// a retried turn, the exact snapshot after a question in the middle. The conversations themselves are in
/// tests/conversations/returns.
/// </summary>
public sealed class ReturnDialogTests : IAsyncLifetime
{
    private readonly DemoReturnsDatabase _demo = new();
    private ReturnDialog _dialog = null!;

    public async Task InitializeAsync()
    {
        await _demo.InitializeAsync();
        _dialog = _demo.ReturnDialog();
    }

    public Task DisposeAsync() => _demo.DisposeAsync();

    [Fact]
    public void CommittedDiagram_MatchesTheDialogInCode()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "skills", "Conversational.Skills", "Returns", "ReturnDialog.mmd");
        var generated = Normalize(_dialog.ToMermaid());

        var committed = Normalize(File.ReadAllText(path));

        Assert.True(committed == generated, $"{path} is out of date with ReturnDialog; replace its content with:\n{generated}");
    }

    [Fact]
    public async Task ConfirmingTwiceInOneTurn_CreatesOneTicket()
    {
        var confirming = await WalkToConfirmationAsync();
        var confirm = await _demo.TurnAsync("确认提交", turnId: "turn-confirm");

        var first = await _dialog.ContinueAsync(confirming, confirm, default);
        var retried = await _dialog.ContinueAsync(confirming, confirm, default);

        Assert.Equal(Texts(first), Texts(retried));
        Assert.Contains("RMA20261123001", Texts(first), StringComparison.Ordinal);
        Assert.Single(await _demo.Rmas.ListByCustomerAsync("c1003", default), rma => rma.RmaId.StartsWith("RMA20261123", StringComparison.Ordinal));
        var fact = Assert.IsType<ReturnRequested>(Assert.Single(retried.Facts));
        Assert.Equal(("RMA20261123001", ReturnReason.NoReason, 399.00m), (fact.RmaId, fact.Reason, fact.RefundAmount));
        Assert.Null(retried.Next);
    }

    [Fact]
    public async Task AQuestionInTheMiddle_IsAnsweredFromThePolicyAndTheStepAskedAgainUnchanged()
    {
        var confirming = await WalkToConfirmationAsync();

        var outcome = await _dialog.ContinueAsync(confirming, await _demo.TurnAsync("多久到账"), default);

        Assert.Same(confirming, outcome.Next);
        Assert.Equal(2, outcome.Replies.Count);
        Assert.Contains("3个工作日", outcome.Replies[0].Text, StringComparison.Ordinal);
        var prompt = _dialog.Prompt(confirming, "zh-CN");
        Assert.Equal(prompt?.Text, outcome.Replies[1].Text);
        Assert.Equal(prompt?.QuickReplies, outcome.Replies[1].QuickReplies);
    }

    [Fact]
    public async Task AnAnswerThatFitsNoStep_LeavesTheDialogWhereItWas()
    {
        var begun = await _dialog.BeginAsync(await _demo.TurnAsync("我要退货"), default);

        var outcome = await _dialog.ContinueAsync(begun.Next!, await _demo.TurnAsync("紫色的大象"), default);

        Assert.False(outcome.Understood);
        Assert.Empty(outcome.Replies);
    }

    [Fact]
    public async Task AClosedWindow_IsSaidUpFrontWithItsLastDay_AndOnlyOpenReasonsAreOffered()
    {
        var begun = await _dialog.BeginAsync(await _demo.TurnAsync("退货 E20261110021"), default);

        var outcome = await _dialog.ContinueAsync(begun.Next!, await _demo.TurnAsync("1"), default);

        var question = Assert.Single(outcome.Replies);
        Assert.StartsWith("已超过7天无理由退货期限（截至11月20日）", question.Text, StringComparison.Ordinal);
        Assert.Equal(["质量问题", "发错货"], question.QuickReplies);
    }

    [Fact]
    public async Task AnotherCustomersOrderNumber_IsNotFound()
    {
        var outcome = await _dialog.BeginAsync(await _demo.TurnAsync("退货 E20261118002"), default);

        Assert.Contains("没有在您的订单中找到E20261118002", Texts(outcome), StringComparison.Ordinal);
        Assert.Equal("ChoosingOrder", outcome.Next?.Step);
    }

    [Fact]
    public async Task ACustomerWithNothingToReturn_IsToldSoAndTheDialogEnds()
    {
        var outcome = await _dialog.BeginAsync(await _demo.TurnAsync("我要退货", customerId: "c9999"), default);

        Assert.Contains("没有找到您可以退换货的订单", Texts(outcome), StringComparison.Ordinal);
        Assert.Null(outcome.Next);
    }

    [Fact]
    public async Task AnEnglishReturn_StaysInEnglishWhenTheCustomerTypesOnlyANumber()
    {
        var begun = await _dialog.BeginAsync(await _demo.TurnAsync("I want to return something", language: "en"), default);

        var outcome = await _dialog.ContinueAsync(begun.Next!, await _demo.TurnAsync("E20261119003", language: "en"), default);

        Assert.StartsWith("Which item of order E20261119003?", Texts(outcome), StringComparison.Ordinal);
    }

    private async Task<DialogSnapshot> WalkToConfirmationAsync()
    {
        var snapshot = (await _dialog.BeginAsync(await _demo.TurnAsync("我要退货 E20261119003"), default)).Next!;
        foreach (var answer in new[] { "1", "七天无理由" })
        {
            snapshot = (await _dialog.ContinueAsync(snapshot, await _demo.TurnAsync(answer), default)).Next!;
        }

        Assert.Equal("Confirming", snapshot.Step);
        return snapshot;
    }

    private static string Texts(DialogOutcome outcome) => string.Join("\n", outcome.Replies.Select(reply => reply.Text));

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
