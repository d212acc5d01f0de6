using System.Text.Json;
using Conversational.Knowledge.Understanding;
using Conversational.Skills.Dialogs;
using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

/// <summary>The dialog as utterance → reply tables over the demo bank (in memory, 10:00 on the demo day in China).</summary>
public sealed class InstallmentDialogTests
{
    /// <summary>customer, verified by the app, messages, what the last reply contains, the step the dialog then waits at.</summary>
    public static TheoryData<string, bool, string[], string, string?> Conversations => new()
    {
        // Identity.
        { "c1003", true, ["账单分期"], "按¥8,650.00分期的方案如下", "ChoosingPlan" },
        { "c1003", false, ["账单分期"], "请输入您要分期的信用卡卡号后4位", "AwaitingCardLast4" },
        { "c1003", false, ["尾号6688的账单想分期"], "验证码已发送到尾号6688信用卡的预留手机号", "AwaitingCode" },
        { "c1003", false, ["账单分期", "1234"], "没有找到您尾号1234的信用卡", "AwaitingCardLast4" },
        { "c1003", false, ["账单分期", "12"], "卡号后4位是4位数字", "AwaitingCardLast4" },
        { "c1003", false, ["账单分期", "6688", "12345"], "验证码是6位数字", "AwaitingCode" },
        { "c1003", false, ["账单分期", "6688", "{wrong}"], "验证码不正确，您还可以再试2次", "AwaitingCode" },
        { "c1003", false, ["账单分期", "6688", "{wrong}", "验证码是 {otp}"], "身份验证成功", "ChoosingPlan" },
        { "c1003", false, ["账单分期", "****6688", "没收到"], "验证码已发送到尾号6688", "AwaitingCode" },
        // Several cards.
        { "c1011", true, ["账单分期"], "您有2张信用卡", "ChoosingCard" },
        { "c1011", true, ["账单分期", "****8173"], "按¥4,999.99分期的方案如下", "ChoosingPlan" },
        { "c1011", true, ["账单分期", "2"], "按¥4,999.99分期的方案如下", "ChoosingPlan" },
        { "c1011", true, ["账单分期", "9999"], "您的卡中没有尾号9999的", "ChoosingCard" },
        { "c1011", true, ["尾号8173账单分期"], "按¥4,999.99分期的方案如下", "ChoosingPlan" },
        { "c1003", true, ["尾号1234的账单分期"], "您的卡中没有尾号1234的", "ChoosingPlan" },
        // Every refusal, explained, and the dialog ends.
        { "c1011", true, ["账单分期", "3450"], "本期账单没有需要还款的金额", null },
        { "c1004", true, ["账单分期"], "本期账单已经办理过分期，同一期账单只能分期一次", null },
        { "c1008", true, ["账单分期"], "本期应还¥236.50，低于可分期的最低金额¥500.00", null },
        { "c1006", true, ["账单分期"], "已过最后还款日（2026年11月21日）", null },
        { "c1007", true, ["账单分期"], "本期应还¥68,900.00，超过了单笔分期的最高金额¥50,000.00", null },
        { "c1012", true, ["账单分期"], "您名下暂时没有可以办理分期的信用卡账单", null },
        { "c1004", false, ["账单分期", "6640", "{otp}"], "本期账单已经办理过分期", null },
        // Periods and amount.
        { "c1003", true, ["账单分12期"], "分期期数：12期", "AwaitingConfirmation" },
        { "c1003", true, ["账单分36期"], "暂不支持分36期，可选3期、6期、12期、24期", "ChoosingPlan" },
        { "c1003", true, ["账单分期", "12"], "每期手续费：¥51.90（费率0.6%/期）", "AwaitingConfirmation" },
        { "c1003", true, ["账单分期", "9期"], "暂不支持分9期", "ChoosingPlan" },
        { "c1003", true, ["账单分期", "分5000"], "好的，分期金额改为¥5,000.00", "ChoosingPlan" },
        { "c1003", true, ["账单分期", "5千"], "12期：每期约¥446.66（含手续费¥30.00）", "ChoosingPlan" },
        { "c1003", true, ["账单分期", "分100"], "分期金额需在¥500.00至¥8,650.00之间", "ChoosingPlan" },
        { "c1003", true, ["账单分期", "9000元"], "分期金额需在¥500.00至¥8,650.00之间", "ChoosingPlan" },
        { "c1003", true, ["账单分期", "5000元分6期"], "分期金额：¥5,000.00", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期", "改成6期"], "分期期数：6期", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期", "分5000"], "首期还款：¥446.74（2026年12月25日）", "AwaitingConfirmation" },
        // The plan table and its disclosures.
        { "c1003", true, ["账单分12期"], "还款总额：¥9,272.80", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期"], "提前还清需按剩余本金的3%一次性收取手续费", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期"], "确认请回复“确认办理”", "AwaitingConfirmation" },
        // Questions in the middle: answered, then the step is asked again.
        { "c1003", true, ["账单分12期", "提前还款要手续费吗"], "还完第1期后提前还清，剩余本金¥7,929.13，手续费¥237.87", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期", "会占用额度吗"], "分期金额将全额占用您的信用额度", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期", "手续费怎么算"], "本方案每期手续费¥51.90，共¥622.80", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期", "以后还能修改吗"], "分期成功后，期数和金额不能修改", "AwaitingConfirmation" },
        { "c1003", true, ["账单分12期", "年化利率是多少"], "确认按以上方案分12期吗", "AwaitingConfirmation" },
        { "c1003", true, ["账单分期", "年化利率是多少"], "按¥8,650.00计算，折合年化利率（IRR）：3期", "ChoosingPlan" },
        { "c1003", false, ["账单分期", "手续费怎么算"], "3期0.75%、6期0.7%、12期0.6%、24期0.6%", "AwaitingCardLast4" },
        // Confirmation.
        { "c1003", true, ["账单分12期", "确认办理"], "分期办理成功！您尾号6688信用卡的¥8,650.00已分12期", null },
        { "c1003", true, ["账单分12期", "好的，确认"], "首期还款日2026年12月25日", null },
        { "c1003", true, ["账单分12期", "不用了"], "本次没有为您办理分期", null },
        // English.
        { "c1009", true, ["I'd like to pay my bill in installments"], "Your card ending in 2264", "ChoosingPlan" },
        { "c1009", true, ["bill installments", "12 months"], "Annualized rate (IRR): 13.03%", "AwaitingConfirmation" },
        { "c1009", true, ["bill installments", "12 months", "any fee to pay off early?"], "pay it off early", "AwaitingConfirmation" },
        { "c1009", true, ["bill in 24 installments", "confirm"], "Done! ¥15,780.25 on your card ending in 2264", null },
        { "c1009", false, ["bill installments", "2264", "{wrong}"], "You have 2 more tries", "AwaitingCode" },
        { "c1008", true, ["my bill, in installments please"], "below the minimum of ¥500.00", null },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation_EndsWithTheExpectedReplyAndStep(string customer, bool verified, string[] messages, string reply,
        string? step)
    {
        // The conversation's language is its first message's; "2264" or a code alone says none.
        var driver = new InstallmentDialogDriver(customer, verified, TextLanguage.Detect(messages[0])!);
        var last = "";
        foreach (var message in messages)
        {
            var outcome = await driver.SayAsync(message);
            Assert.True(outcome.Understood, $"\"{message}\" was not understood");
            last = InstallmentDialogDriver.Text(outcome);
        }

        Assert.Contains(reply, last, StringComparison.Ordinal);
        Assert.Equal(step, driver.Step);
    }

    [Theory]
    [InlineData(true, "账单分期", "今天天气怎么样", "ChoosingPlan")]
    [InlineData(true, "账单分期", "好的", "ChoosingPlan")]
    [InlineData(false, "账单分期", "你好", "AwaitingCardLast4")]
    [InlineData(true, "账单分12期", "好用吗", "AwaitingConfirmation")]
    public async Task NoAnswerToTheStep_IsNotUnderstood_AndTheStepCanBeAskedAgain(bool verified, string start, string message, string step)
    {
        var driver = new InstallmentDialogDriver(verified: verified);
        await driver.SayAsync(start);

        var outcome = await driver.SayAsync(message);

        Assert.False(outcome.Understood);
        Assert.Equal(step, driver.Step);
        Assert.NotNull(driver.Dialog.Prompt(driver.Snapshot!, "zh-CN"));
    }

    [Fact]
    public async Task ThreeWrongCodes_LockTheSkillForTheConversation_AndHandOff()
    {
        var driver = new InstallmentDialogDriver(verified: false);
        await driver.SayAsync("账单分期");
        await driver.SayAsync("6688");
        await driver.SayAsync("{wrong}");
        await driver.SayAsync("{wrong}");

        var locked = await driver.SayAsync("{wrong}");

        Assert.Equal(SkillHandoffReasons.Lockout, locked.HandoffReason);
        Assert.Null(locked.Next);
        Assert.Equal(new InstallmentLockedOut("6688"), Assert.Single(locked.Facts));
        Assert.Contains("验证码已连续输错3次", InstallmentDialogDriver.Text(locked), StringComparison.Ordinal);

        var again = await driver.SayAsync("我要办账单分期");

        Assert.Null(again.Next);
        Assert.Equal(["转人工"], Assert.Single(again.Replies).QuickReplies);
        Assert.Contains("账单分期办理已锁定", InstallmentDialogDriver.Text(again), StringComparison.Ordinal);
        Assert.Single(driver.Codes.Sent);
    }

    [Fact]
    public async Task ResentCode_KeepsTheWrongAttempts_SoResendingNeverResetsTheLockout()
    {
        var driver = new InstallmentDialogDriver(verified: false);
        await driver.SayAsync("尾号6688账单分期");
        await driver.SayAsync("{wrong}");
        await driver.SayAsync("没收到，重新发送");
        await driver.SayAsync("{wrong}");

        var locked = await driver.SayAsync("{wrong}");

        Assert.Equal(2, driver.Codes.Sent.Count);
        Assert.Equal(SkillHandoffReasons.Lockout, locked.HandoffReason);
    }

    [Fact]
    public async Task ExpiredCode_IsNotCounted_AndANewOneIsSent_UpToThreeCodes()
    {
        var driver = new InstallmentDialogDriver(verified: false);
        await driver.SayAsync("尾号6688账单分期");
        driver.Time.Advance(TimeSpan.FromMinutes(6));

        var expired = await driver.ReplyAsync("{otp}");
        await driver.SayAsync("resend");
        var capped = await driver.ReplyAsync("再发一次");

        Assert.Contains("验证码已过期，已为您重新发送", expired, StringComparison.Ordinal);
        Assert.Equal(InstallmentDialog.MaxCodesSent, driver.Codes.Sent.Count);
        Assert.Contains("发送次数已达上限", capped, StringComparison.Ordinal);
        Assert.Contains("身份验证成功", await driver.ReplyAsync("{otp}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeVerification_NothingAboutTheStatementIsTold()
    {
        var driver = new InstallmentDialogDriver(verified: false);

        var replies = string.Join("\n", await driver.ReplyAsync("账单分12期"), await driver.ReplyAsync("6688"),
            await driver.ReplyAsync("年化利率是多少"), await driver.ReplyAsync("手续费怎么算"));

        Assert.DoesNotContain("8,650", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingCode", driver.Step);
    }

    [Fact]
    public async Task Slots_KeepTheCodesHash_NeverTheCode()
    {
        var driver = new InstallmentDialogDriver(verified: false);
        await driver.SayAsync("尾号6688账单分期");

        var slots = JsonSerializer.Serialize(driver.Snapshot);

        Assert.DoesNotContain(driver.Codes.Last, slots, StringComparison.Ordinal);
        Assert.Contains("\"hash\"", slots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_ShowsTheMandatoryDisclosuresFirst_AndRecordsThem()
    {
        var driver = new InstallmentDialogDriver();

        var outcome = await driver.SayAsync("账单分12期");

        var presented = Assert.IsType<DisclosuresPresented>(Assert.Single(outcome.Facts));
        Assert.Equal(new DisclosuresPresented("6688", 8650m, 12, []) with { DisclosureIds = presented.DisclosureIds }, presented);
        Assert.Equal(
            [
                InstallmentDisclosures.FixedAfterSuccessId, InstallmentDisclosures.OccupiesCreditLimitId,
                InstallmentDisclosures.EarlyPayoffFeeId, InstallmentDisclosures.AnnualizedRateId,
            ],
            presented.DisclosureIds);
        Assert.Equal(["确认办理", "取消"], outcome.Replies[^1].QuickReplies);
        Assert.Empty(driver.Store.Applications);
    }

    [Fact]
    public async Task Confirming_AppliesOnce_WithTheTurnAsItsKey_AndRecordsTheApplication()
    {
        var driver = new InstallmentDialogDriver();
        await driver.SayAsync("账单分期");
        await driver.SayAsync("12期");

        var outcome = await driver.SayAsync("确认办理");

        var application = Assert.Single(driver.Store.Applications);
        Assert.Equal(("m-3", "conv-1", "cc-1003-6688", 8650m, 12, 51.90m, 622.80m, new DateOnly(2026, 12, 25)),
            (application.RequestKey, application.ConversationId, application.CardId, application.Amount, application.Periods,
                application.FeePerPeriod, application.TotalFee, application.FirstDueDate));
        Assert.Equal(InstallmentApplied.For(application), Assert.Single(outcome.Facts));
        Assert.Null(outcome.Next);
    }

    [Fact]
    public async Task Confirming_AStatementInstalledInAnotherConversation_SaysSoAndAppliesNothing()
    {
        var driver = new InstallmentDialogDriver();
        await driver.SayAsync("账单分12期");
        var statement = (await driver.Store.FindStatementAsync("c1003", "6688", default))!;
        var elsewhere = InstallmentApplication.For(statement, InstallmentCalculator.Plan(8650m, 6, 0.007m), "m-9", "conv-2",
            InstallmentDialogDriver.DemoMorning);
        await driver.Store.ApplyAsync(elsewhere, default);

        var outcome = await driver.SayAsync("确认");

        Assert.Contains("已经办理过分期（¥8,650.00，分6期），不会重复办理", InstallmentDialogDriver.Text(outcome), StringComparison.Ordinal);
        Assert.Empty(outcome.Facts);
        Assert.Equal([elsewhere], driver.Store.Applications);
    }

    [Fact]
    public async Task Prompt_AsksTheStepAgain_InTheLanguageAsked()
    {
        var driver = new InstallmentDialogDriver();
        await driver.SayAsync("账单分期");

        var zh = driver.Dialog.Prompt(driver.Snapshot!, "zh-CN")!;
        var en = driver.Dialog.Prompt(driver.Snapshot!, "en")!;

        Assert.Equal(["3期", "6期", "12期", "24期"], zh.QuickReplies);
        Assert.Equal(["3 months", "6 months", "12 months", "24 months"], en.QuickReplies);
        Assert.StartsWith("How many months", en.Text, StringComparison.Ordinal);
    }
}
