using System.Globalization;
using System.Text.Json;
using Conversational.Handoff.Packages;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The package's one-line summary, from templates and never a model: where the customer was (skill and step), the
/// slots the summary knows (periods, amount, card), and the strongest emotion. Unknown skills and steps show their names.
/// </summary>
internal static class HandoffSummaryWriter
{
    private static readonly Dictionary<string, (string Zh, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["bill_installment"] = ("账单分期", "bill installment"),
        ["price_after_coupons"] = ("查询到手价", "price after coupons"),
        ["return_exchange"] = ("退换货", "return or exchange"),
        ["return_status"] = ("退换货进度", "return status"),
        ["AwaitingCardLast4"] = ("输入卡号后4位", "card's last 4 digits"),
        ["AwaitingCode"] = ("验证码", "one-time code"),
        ["ChoosingCard"] = ("选择卡片", "choosing a card"),
        ["ChoosingPlan"] = ("选择期数", "choosing the periods"),
        ["AwaitingConfirmation"] = ("确认方案", "confirming the plan"),
        ["customer_asked"] = ("要求转人工", "asked for an agent"),
        ["skill_lockout"] = ("验证失败被锁定后转人工", "was locked out and handed to an agent"),
        ["repeated_misunderstanding"] = ("多次未被理解后转人工", "was not understood repeatedly and handed to an agent"),
        ["negative_emotion"] = ("情绪激动被转人工", "was upset and handed to an agent"),
        ["complaint_threat"] = ("扬言投诉升级被转人工", "threatened to escalate a complaint and was handed to an agent"),
        ["reception_mode"] = ("按接待规则由人工优先接待", "is served by a person first by the routing rules"),
        ["Abuse"] = ("辱骂", "abuse"),
        ["ComplaintThreat"] = ("投诉威胁", "complaint threat"),
        ["ChurnThreat"] = ("流失风险", "churn threat"),
        ["Urgency"] = ("紧急", "urgency"),
        ["Low"] = ("低", "low"),
        ["Medium"] = ("中", "medium"),
        ["High"] = ("高", "high"),
    };

    public static PackageSummary Write(HandoffPackage package)
    {
        var skill = package.Skill;
        var reason = package.Handoff.Reason;
        var zh = new List<string>();
        var en = new List<string>();
        zh.Add(skill is null ? $"客户{Zh(reason)}" : $"客户在{Zh(skill.Skill)}「{Zh(skill.Step)}」步骤{Zh(reason)}");
        en.Add(skill is null ? $"The customer {En(reason)}" : $"The customer {En(reason)} at {En(skill.Skill)}, step “{En(skill.Step)}”");

        if (skill is not null && Periods(skill.Slots) is { } periods)
        {
            zh.Add($"已选{periods}期");
            en.Add($"{periods} periods chosen");
        }

        if (skill is not null && Number(skill.Slots, "amount") is { } amount and > 0)
        {
            var money = amount.ToString("N2", CultureInfo.InvariantCulture);
            zh.Add($"金额¥{money}");
            en.Add($"amount ¥{money}");
        }

        // The strongest signal, the latest among equals: what the agent should be ready for.
        var emotion = package.Emotions.OrderBy(e => Enum.Parse<Knowledge.Understanding.Escalation.SignalLevel>(e.Level)).LastOrDefault();
        zh.Add(emotion is null ? "情绪：平稳" : $"情绪：{Zh(emotion.Kind)}（{Zh(emotion.Level)}）");
        en.Add(emotion is null ? "mood: calm" : $"mood: {En(emotion.Kind)} ({En(emotion.Level)})");
        return new PackageSummary(string.Join("；", zh), string.Join("; ", en) + ".");
    }

    private static string Zh(string key) => Labels.TryGetValue(key, out var label) ? label.Zh : key;

    private static string En(string key) => Labels.TryGetValue(key, out var label) ? label.En : key;

    private static int? Periods(JsonElement slots) =>
        slots.ValueKind == JsonValueKind.Object && slots.TryGetProperty("offer", out var offer) && Number(offer, "periods") is { } chosen
            ? (int)chosen
            : (int?)Number(slots, "requestedPeriods");

    private static decimal? Number(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal()
            : null;
}
