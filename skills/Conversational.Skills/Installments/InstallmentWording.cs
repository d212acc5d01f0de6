using System.Globalization;
using static Conversational.Skills.Installments.InstallmentText;

namespace Conversational.Skills.Installments;

/// <summary>What the installment dialog says, in Chinese (first) and English; figures through <see cref="InstallmentText"/>.</summary>
internal sealed class InstallmentWording
{
    private readonly bool _english;

    private InstallmentWording(bool english) => _english = english;

    public static InstallmentWording Chinese { get; } = new(english: false);

    public static InstallmentWording English { get; } = new(english: true);

    public static InstallmentWording For(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    public string Language => _english ? "en" : "zh-CN";

    /// <summary>Two sentences as one message: Chinese runs on, English needs a space.</summary>
    public string Join(string first, string second) => _english ? first + " " + second : first + second;

    // Identity.
    public string IdentityFirst => _english
        ? "To keep your account safe, I need to check it's you before setting up an installment plan."
        : "为保障您的账户安全，办理账单分期前需要先验证身份。";

    public string AskCardLast4 => _english
        ? "Please enter the last 4 digits of the credit card you'd like to pay in installments."
        : "请输入您要分期的信用卡卡号后4位。";

    public string Last4Malformed => _english ? "That should be the last 4 digits of the card number." : "卡号后4位是4位数字。";

    public string CardNotFound(string last4) => _english
        ? $"I can't find a card of yours ending in {last4}. Please check the digits and try again."
        : $"没有找到您尾号{last4}的信用卡，请核对后重新输入。";

    public string CodeSent(string last4) => _english
        ? $"I've sent a 6-digit code to the phone number on file for your card ending in {last4}; it's valid for "
            + $"{Minutes(OneTimeCodeChallenge.Lifetime)} minutes."
        : $"验证码已发送到尾号{last4}信用卡的预留手机号，{Minutes(OneTimeCodeChallenge.Lifetime)}分钟内有效。";

    public string AskCode => _english
        ? "Please enter the 6-digit code (say \"resend\" if it hasn't arrived)."
        : "请输入6位短信验证码（没收到可回复“重新发送”）。";

    public string CodeMalformed => _english ? "The code has 6 digits." : "验证码是6位数字。";

    public string WrongCode(int attemptsLeft) => _english
        ? $"That code isn't right. You have {attemptsLeft} more {(attemptsLeft == 1 ? "try" : "tries")}."
        : $"验证码不正确，您还可以再试{attemptsLeft}次。";

    public string CodeExpired => _english ? "That code has expired, so I've sent you a new one." : "验证码已过期，已为您重新发送。";

    public string NoMoreCodes => _english
        ? "I can't send any more codes in this conversation. Enter the latest code you received, or say \"agent\" to reach a person."
        : "本次对话的验证码发送次数已达上限。请输入最近收到的验证码，或说“转人工”由人工客服为您办理。";

    public string Verified => _english ? "Thank you, you're verified." : "身份验证成功。";

    public string LockedOut => _english
        ? $"That's {OneTimeCodeChallenge.MaxFailures} wrong codes. To keep your account safe, bill installments are locked for the rest "
            + "of this conversation; a person will take it from here."
        : $"验证码已连续输错{OneTimeCodeChallenge.MaxFailures}次。为保障您的账户安全，本次对话中已锁定账单分期办理，需要由人工客服为您继续处理。";

    public string StillLockedOut => _english
        ? $"Bill installments are locked in this conversation after {OneTimeCodeChallenge.MaxFailures} wrong codes, to keep your "
            + "account safe. Say \"agent\" if you need help."
        : $"本次对话中验证码已连续输错{OneTimeCodeChallenge.MaxFailures}次，为保障您的账户安全，账单分期办理已锁定。如需帮助，请说“转人工”。";

    public string AgentOption => _english ? "Agent" : "转人工";

    // Cards.
    public string NoStatements => _english
        ? "I can't find a credit-card statement of yours to pay in installments."
        : "您名下暂时没有可以办理分期的信用卡账单。";

    public string CardOption(string last4) => "****" + last4;

    public string CardList(IReadOnlyList<CardStatement> cards) => (_english
        ? $"You have {cards.Count} credit cards:"
        : $"您有{cards.Count}张信用卡：") + string.Concat(cards.Select(c => "\n· " + CardOption(c.Last4) + (_english
        ? c.StatementBalance > 0 ? $": {Money(c.StatementBalance)} due" : ": nothing due"
        : c.StatementBalance > 0 ? $"：本期应还{Money(c.StatementBalance)}" : "：本期无需还款")));

    public string AskCard => _english ? "Which card would you like to pay in installments?" : "请选择要办理分期的卡。";

    public string NotYourCard(string last4) => _english ? $"None of your cards ends in {last4}." : $"您的卡中没有尾号{last4}的。";

    // Eligibility.
    public string Refusal(CardStatement statement, InstallmentEligibilityResult eligibility) => (_english
        ? $"I'm sorry, the current statement of your card ending in {statement.Last4} can't be paid in installments:"
        : $"很抱歉，您尾号{statement.Last4}信用卡的本期账单暂不能办理分期：")
        + string.Concat(eligibility.Refusals.Select(r => "\n· " + Reason(r, statement, eligibility)));

    private string Reason(InstallmentRefusal refusal, CardStatement statement, InstallmentEligibilityResult eligibility) => refusal switch
    {
        InstallmentRefusal.AlreadyInstalled => _english
            ? "it's already on an installment plan, and a statement can be split only once."
            : "本期账单已经办理过分期，同一期账单只能分期一次。",
        InstallmentRefusal.StatementPastDue => _english
            ? $"its due date ({Date(statement.DueDate)}) has passed; please repay it soon to protect your credit record."
            : $"已过最后还款日（{Date(statement.DueDate)}），请尽快还款，以免影响您的信用记录。",
        InstallmentRefusal.NothingToInstall => _english ? "there's nothing to repay on it." : "本期账单没有需要还款的金额。",
        InstallmentRefusal.BelowMinimum => _english
            ? $"its balance of {Money(eligibility.Amount)} is below the minimum of {Money(eligibility.MinimumAmount)} for a plan."
            : $"本期应还{Money(eligibility.Amount)}，低于可分期的最低金额{Money(eligibility.MinimumAmount)}。",
        InstallmentRefusal.AboveStatementBalance => _english
            ? $"the amount is more than the balance of {Money(statement.StatementBalance)}."
            : $"分期金额超过了本期应还{Money(statement.StatementBalance)}。",
        InstallmentRefusal.AboveMaximum => _english
            ? $"its balance of {Money(eligibility.Amount)} is above the maximum of {Money(eligibility.MaximumAmount)} for a plan."
            : $"本期应还{Money(eligibility.Amount)}，超过了单笔分期的最高金额{Money(eligibility.MaximumAmount)}。",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    // Offers.
    public string Offers(CardStatement statement, InstallmentSlots slots, IReadOnlyList<InstallmentPlan> plans) => (_english
        ? $"Your card ending in {statement.Last4}: the statement of {Date(statement.StatementDate)} is "
            + $"{Money(statement.StatementBalance)}, due {Date(statement.DueDate)}. You can split {Money(slots.MinimumAmount)} to "
            + $"{Money(slots.MaximumAmount)} of it; for {Money(slots.Amount)}:"
        : $"您尾号{statement.Last4}信用卡{Date(statement.StatementDate)}的账单应还{Money(statement.StatementBalance)}，"
            + $"最后还款日{Date(statement.DueDate)}。可分期金额{Money(slots.MinimumAmount)}至{Money(slots.MaximumAmount)}，"
            + $"按{Money(slots.Amount)}分期的方案如下：")
        + string.Concat(plans.Select(p => "\n· " + (_english
            ? $"{p.Periods} months: about {Money(p.RegularPayment)} a month ({Money(p.FeePerPeriod)} fee included)"
            : $"{p.Periods}期：每期约{Money(p.RegularPayment)}（含手续费{Money(p.FeePerPeriod)}）")));

    public string AskPeriods => _english
        ? "How many months would you like? To split only part of the bill, tell me the amount (for example \"5000 yuan\")."
        : "请选择分期期数；只想分期一部分的话，直接告诉我金额就行，比如“分5000”。";

    public string PeriodOption(int periods) => _english ? $"{periods} months" : $"{periods}期";

    public string AmountChanged(decimal amount) => _english
        ? $"OK, the amount to split is now {Money(amount)}."
        : $"好的，分期金额改为{Money(amount)}。";

    public string AmountOutOfRange(decimal minimum, decimal maximum) => _english
        ? $"The amount must be between {Money(minimum)} and {Money(maximum)}."
        : $"分期金额需在{Money(minimum)}至{Money(maximum)}之间。";

    public string PeriodsNotOffered(int periods, IReadOnlyList<int> offered) => _english
        ? $"{periods} months isn't offered; you can choose {string.Join(", ", offered.SkipLast(1))} or {offered[^1]} months."
        : $"暂不支持分{periods}期，可选{string.Join("、", offered.Select(p => $"{p}期"))}。";

    // Confirmation.
    public string PlanTable(CardStatement statement, InstallmentPlan plan, IReadOnlyList<InstallmentDisclosure> disclosures)
    {
        var rows = _english
            ? new[]
            {
                "Please check the plan:",
                $"· Card: ending in {statement.Last4}, statement of {Date(statement.StatementDate)}",
                $"· Amount: {Money(plan.Amount)}",
                $"· Months: {plan.Periods}",
                $"· First payment: {Money(plan.FirstPayment)} (due {Date(statement.FirstInstallmentDueDate)})",
                $"· Each month after: {Money(plan.RegularPayment)}",
                $"· Fee per month: {Money(plan.FeePerPeriod)} ({Rate(plan.FeeRatePerPeriod)} of the amount)",
                $"· Total fees: {Money(plan.TotalFee)}",
                $"· Total to repay: {Money(plan.TotalRepayment)}",
                $"· Annualized rate (IRR): {AnnualizedRate(plan.AnnualizedRate)}",
                "Before you confirm:",
            }
            : new[]
            {
                "请核对分期方案：",
                $"· 分期卡片：尾号{statement.Last4}信用卡 {Date(statement.StatementDate)}账单",
                $"· 分期金额：{Money(plan.Amount)}",
                $"· 分期期数：{plan.Periods}期",
                $"· 首期还款：{Money(plan.FirstPayment)}（{Date(statement.FirstInstallmentDueDate)}）",
                $"· 以后每期：{Money(plan.RegularPayment)}",
                $"· 每期手续费：{Money(plan.FeePerPeriod)}（费率{Rate(plan.FeeRatePerPeriod)}/期）",
                $"· 总手续费：{Money(plan.TotalFee)}",
                $"· 还款总额：{Money(plan.TotalRepayment)}",
                $"· 折合年化利率（IRR）：{AnnualizedRate(plan.AnnualizedRate)}",
                "办理前请您知悉：",
            };
        return string.Join("\n", rows.Concat(disclosures.Select((d, i) => $"{i + 1}. {d.Text(Language)}")));
    }

    public string AskConfirmation(InstallmentPlan plan) => _english
        ? $"Shall I set up the {plan.Periods}-month plan above? Reply \"confirm\" to go ahead, or \"cancel\" to stop."
        : $"确认按以上方案分{plan.Periods}期吗？确认请回复“确认办理”，不办理请回复“取消”。";

    public IReadOnlyList<string> ConfirmationOptions => _english ? ["Confirm", "Cancel"] : ["确认办理", "取消"];

    public string Declined => _english
        ? "OK, I haven't set up an installment plan. I'm here if you need anything else."
        : "好的，本次没有为您办理分期。如有需要随时找我。";

    public string Applied(InstallmentApplication application) => _english
        ? $"Done! {Money(application.Amount)} on your card ending in {application.Last4} is now a {application.Periods}-month plan, "
            + $"with {Money(application.FeePerPeriod)} in fees a month; the first payment is due {Date(application.FirstDueDate)}. "
            + "We'll also send you a confirmation."
        : $"分期办理成功！您尾号{application.Last4}信用卡的{Money(application.Amount)}已分{application.Periods}期，每期手续费"
            + $"{Money(application.FeePerPeriod)}，首期还款日{Date(application.FirstDueDate)}。办理结果也会另行通知您。";

    public string AlreadyApplied(InstallmentApplication application) => _english
        ? $"The current statement of your card ending in {application.Last4} is already on a plan ({Money(application.Amount)} over "
            + $"{application.Periods} months), so nothing more was set up."
        : $"您尾号{application.Last4}信用卡的本期账单已经办理过分期（{Money(application.Amount)}，分{application.Periods}期），"
            + "不会重复办理。";

    public string StatementUnavailable => _english
        ? "I'm sorry, this statement has just changed and can't be paid in installments now. Say \"agent\" if you need help."
        : "很抱歉，这期账单的状态刚刚发生了变化，暂时不能办理分期。如需帮助，请说“转人工”。";

    // Questions in the middle.
    public string AboutEarlyPayoff(decimal feeRate, InstallmentPlan? plan)
    {
        var rule = _english
            ? $"Yes, you can pay it off early, for a one-time fee of {Rate(feeRate)} of the principal still owed; the fees of the "
                + "months not yet billed are not charged."
            : $"可以提前还清。提前还清需按剩余本金的{Rate(feeRate)}一次性收取手续费，尚未入账各期的手续费不再收取。";
        if (plan is not { Periods: > 1 })
        {
            return rule;
        }

        var remaining = EarlyPayoff.RemainingPrincipal(plan, 1);
        var fee = EarlyPayoff.Fee(plan, 1, feeRate);
        return rule + (_english
            ? $" With this plan, paying off after the first month leaves {Money(remaining)} of principal, and the fee is {Money(fee)}."
            : $"以本方案为例，还完第1期后提前还清，剩余本金{Money(remaining)}，手续费{Money(fee)}。");
    }

    public string AboutFee(InstallmentProductTable table, InstallmentPlan? plan)
    {
        var rates = string.Join(_english ? ", " : "、", table.Offers.OrderBy(o => o.Periods).Select(o => _english
            ? $"{o.Periods} months {Rate(o.FeeRatePerPeriod)}"
            : $"{o.Periods}期{Rate(o.FeeRatePerPeriod)}"));
        var rule = _english
            ? $"The fee is the same every month: the amount split times the monthly rate ({rates})."
            : $"分期手续费每期相同，等于分期金额乘以每期费率（{rates}）。";
        return plan is null ? rule : rule + (_english
            ? $" For this plan that is {Money(plan.FeePerPeriod)} a month, {Money(plan.TotalFee)} in all."
            : $"本方案每期手续费{Money(plan.FeePerPeriod)}，共{Money(plan.TotalFee)}。");
    }

    public string AboutAnnualizedRates(IReadOnlyList<InstallmentPlan> plans) => plans.Count == 0
        ? _english
            ? "The plan you choose shows its annualized rate (IRR) before you confirm. As the fee is charged on the whole amount every "
                + "month, the annualized rate is nearly twice 12 times the monthly fee rate."
            : "确认前的分期方案会列明折合年化利率（IRR）。由于手续费每期都按分期金额全额计算，年化利率约为每期费率×12的两倍。"
        : _english
            ? $"For {Money(plans[0].Amount)}, the annualized rate (IRR) is "
                + string.Join(", ", plans.Select(p => $"{AnnualizedRate(p.AnnualizedRate)} over {p.Periods} months")) + "."
            : $"按{Money(plans[0].Amount)}计算，折合年化利率（IRR）："
                + string.Join("、", plans.Select(p => $"{p.Periods}期{AnnualizedRate(p.AnnualizedRate)}")) + "。";

    private string Date(DateOnly date) => _english
        ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : $"{date.Year}年{date.Month}月{date.Day}日";

    private static int Minutes(TimeSpan span) => (int)span.TotalMinutes;
}
