using Conversational.Skills.Dialogs;
using Conversational.Skills.Returns;
using Conversational.Testing;

namespace Conversational.Skills.Tests.Returns;

public sealed class ReturnStatusDialogTests : IAsyncLifetime
{
    private readonly DemoReturnsDatabase _demo = new();
    private ReturnStatusDialog _dialog = null!;

    public async Task InitializeAsync()
    {
        await _demo.InitializeAsync();
        _dialog = _demo.StatusDialog();
    }

    public Task DisposeAsync() => _demo.DisposeAsync();

    [Fact]
    public void CommittedDiagram_MatchesTheDialogInCode()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "skills", "Conversational.Skills", "Returns", "ReturnStatusDialog.mmd");
        var generated = Normalize(_dialog.ToMermaid());

        var committed = Normalize(File.ReadAllText(path));

        Assert.True(committed == generated, $"{path} is out of date with ReturnStatusDialog; replace its content with:\n{generated}");
    }

    [Fact]
    public async Task OneOpenTicket_IsShownAsATimelineInTheShopsTime()
    {
        var outcome = await _dialog.BeginAsync(await _demo.TurnAsync("我的退货到哪了"), default);

        var timeline = Assert.Single(outcome.Replies).Text;
        Assert.Equal(
            """
            退换货单RMA20261115001（订单E20261110021）：复古板鞋 经典白（40码）×1，换41码
            · 11月15日 09:12 已提交申请：鞋码偏小,换大一码
            · 11月15日 09:12 审核通过：符合七天无理由换货,已自动审核
            · 11月16日 18:05 您已寄回：顺丰速运 SF1427730051846
            当前：正在寄回仓库，仓库签收后会验货。
            """.ReplaceLineEndings("\n"),
            timeline);
        Assert.Null(outcome.Next);
    }

    [Fact]
    public async Task SeveralOpenTickets_AreOfferedAndTheOnePickedIsShown()
    {
        await _demo.Rmas.CreateAsync(new RmaDraft("E20261119003", "c1003", [new RmaItem(2, "AP-2001", 2, null)], ReturnReason.NoReason,
            ReturnKind.Refund, 159.00m), "turn-0", DemoReturnsDatabase.Now, default);

        var begun = await _dialog.BeginAsync(await _demo.TurnAsync("where is my return", language: "en"), default);
        var picked = await _dialog.ContinueAsync(begun.Next!, await _demo.TurnAsync("1", language: "en"), default);

        Assert.Equal(["RMA20261123001 Quick-Dry Tee · Request submitted", "RMA20261115001 Classic White Court Sneaker · Sent back by you"],
            begun.Replies[0].QuickReplies);
        Assert.StartsWith("Return request RMA20261123001 (order E20261119003): Quick-Dry Tee (size L) ×2, refund ¥159.00",
            Assert.Single(picked.Replies).Text, StringComparison.Ordinal);
        Assert.Null(picked.Next);
    }

    [Fact]
    public async Task AnOrderNumberInTheMessage_PicksItsTicketEvenWhenClosed()
    {
        var outcome = await _dialog.BeginAsync(await _demo.TurnAsync("E20261114001退货进度", customerId: "c1007"), default);

        Assert.Contains("申请未通过，原因见上", Assert.Single(outcome.Replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTickets_SaysSoAndOffersToStartAReturn()
    {
        var outcome = await _dialog.BeginAsync(await _demo.TurnAsync("我的退货到哪了", customerId: "c1004"), default);

        Assert.Equal(new SkillReply("您目前没有退换货申请。需要为您申请退换货吗？", ["申请退换货"]), Assert.Single(outcome.Replies), ReplyComparer);
        Assert.Null(outcome.Next);
    }

    private static readonly IEqualityComparer<SkillReply> ReplyComparer = EqualityComparer<SkillReply>.Create(
        (a, b) => a?.Text == b?.Text && (a?.QuickReplies ?? []).SequenceEqual(b?.QuickReplies ?? []));

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
