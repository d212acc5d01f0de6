using System.Text.RegularExpressions;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The steps of a skill the bot can resume at after an agent hands back (e.g. the installment confirmation). They are
/// read off the dialog's own state machine (its Mermaid diagram), so the list cannot drift from the code: every state a
/// transition leaves, except the start, is a question the dialog waits on.
/// </summary>
public sealed partial class SkillResumeSteps(IEnumerable<ISkillDialog> dialogs)
{
    private const string StartStep = "Start";

    // Names for the steps agents pick most; any other step is shown by its name in both languages.
    private static readonly Dictionary<string, (string ZhCn, string En)> Names = new(StringComparer.Ordinal)
    {
        ["AwaitingCardLast4"] = ("核对卡号后四位", "Card last 4 digits"),
        ["AwaitingCode"] = ("验证码", "One-time code"),
        ["ChoosingCard"] = ("选择信用卡", "Choosing a card"),
        ["ChoosingPlan"] = ("选择分期方案", "Choosing a plan"),
        ["AwaitingConfirmation"] = ("确认方案", "Confirming the plan"),
        ["AwaitingProduct"] = ("询问商品", "Asking for the product"),
        ["ChoosingProduct"] = ("选择商品", "Choosing a product"),
        ["ChoosingOrder"] = ("选择订单", "Choosing an order"),
        ["ChoosingItem"] = ("选择商品", "Choosing an item"),
        ["ChoosingReason"] = ("选择原因", "Choosing a reason"),
        ["ChoosingKind"] = ("退货或换货", "Return or exchange"),
        ["ChoosingSize"] = ("选择尺码", "Choosing a size"),
        ["Confirming"] = ("确认申请", "Confirming the request"),
        ["ChoosingTicket"] = ("选择退货单", "Choosing a return ticket"),
    };

    private readonly Dictionary<string, ISkillDialog> _bySkill = dialogs.ToDictionary(d => d.Skill, StringComparer.Ordinal);

    /// <summary>The skill's resumable steps in the order its diagram first mentions them; null for an unknown skill.</summary>
    public IReadOnlyList<ResumeStep>? For(string skill)
    {
        if (!_bySkill.TryGetValue(skill, out var dialog))
        {
            return null;
        }

        return [.. Transition().Matches(dialog.ToMermaid())
            .Select(m => m.Groups["from"].Value)
            .Where(step => step != StartStep)
            .Distinct(StringComparer.Ordinal)
            .Select(step => Names.TryGetValue(step, out var name) ? new ResumeStep(step, name.ZhCn, name.En) : new ResumeStep(step, step, step))];
    }

    public bool IsStep(string skill, string step) => For(skill)?.Any(s => s.Step == step) == true;

    [GeneratedRegex(@"^\s*(?<from>[A-Za-z][A-Za-z0-9_]*)\s*-->", RegexOptions.Multiline)]
    private static partial Regex Transition();
}
