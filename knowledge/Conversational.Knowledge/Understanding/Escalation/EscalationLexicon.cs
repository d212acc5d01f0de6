using static Conversational.Knowledge.Understanding.Escalation.SignalKind;
using static Conversational.Knowledge.Understanding.Escalation.SignalLevel;

namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>
/// The words that signal escalation, in their normalized form (simplified Chinese, lower case). Deliberately moderate:
/// enough to catch what customer-service teams see every day, few enough that a reviewer can read every line. Words
/// with an everyday meaning are left out or qualified (滚 alone is also 滚筒, "press" is also a button).
/// </summary>
internal static class EscalationLexicon
{
    public static readonly EscalationCue[] Cues =
    [
        // 辱骂 Abuse: an insult is an insult even after 不, so none of these is negatable.
        .. Insults(High, "傻逼", "煞笔", "傻b", "妈的", "操你", "草泥马", "尼玛", "去死", "王八蛋", "狗东西", "畜生", "滚蛋", "贱人",
            "fuck", "fucking", "fucked", "motherfucker", "asshole", "bitch", "bastard", "screw you", "go to hell"),
        .. Insults(Medium, "sb", "白痴", "智障", "脑残", "蠢货", "废物", "混蛋", "滚开", "你有病", "骗子",
            "idiot", "idiots", "moron", "stupid", "dumb", "shit", "scammer", "scammers"),
        .. Insults(Low, "垃圾", "坑爹", "破玩意", "rubbish", "garbage", "useless", "crap"),

        // 投诉 ComplaintThreat: a regulator, the press or the courts is High; a complaint or a supervisor is Medium.
        .. Phrases(ComplaintThreat, High, "12315", "12378", "12363", "银保监", "银监会", "保监会", "金融监管", "监管局", "监管部门",
            "人民银行", "央行", "消协", "消费者协会", "市场监管", "工商局", "曝光", "媒体", "记者", "电视台", "律师", "起诉", "法院",
            "打官司", "报警", "regulator", "regulators", "cbirc", "nfra", "pboc", "ombudsman", "consumer association", "lawyer",
            "lawyers", "attorney", "sue", "suing", "court", "legal action", "social media", "journalist", "go public"),
        .. Phrases(ComplaintThreat, Medium, "投诉", "举报", "找领导", "找你们领导", "叫你们领导", "找经理", "找你们经理", "叫你们经理",
            "找主管", "complain", "complaint", "complaints", "complaining", "your manager", "your supervisor", "a manager",
            "a supervisor"),
        .. Phrases(ComplaintThreat, Low, "差评", "bad review"),

        // 流失 ChurnThreat: closing the account is High; going elsewhere is Medium; a bare 不用了 is Low.
        .. Phrases(ChurnThreat, High, "销户", "注销账户", "注销账号", "注销信用卡", "注销银行卡", "注销卡", "退卡", "把卡注销",
            "close my account", "close the account", "close my card", "cancel my card", "cancel my credit card",
            "cancel my account", "delete my account"),
        .. Phrases(ChurnThreat, Medium, "注销", "换一家", "换家银行", "换银行", "去别家", "别家买", "再也不用", "再也不买", "不再使用",
            "卸载", "switch banks", "switching banks", "another bank", "go elsewhere", "take my business elsewhere",
            "never shop here again", "never buy from you again", "uninstall"),
        new("不用了", ChurnThreat, Low, Negatable: false, NeverFirstInClause: true),

        // 紧急 Urgency: exclamation marks raise it a level (see EscalationDetector).
        .. Phrases(Urgency, High, "十万火急", "紧急", "急死了", "急死", "非常急", "特别急", "emergency"),
        .. Phrases(Urgency, Medium, "马上", "立刻", "立即", "赶紧", "赶快", "着急", "很急", "急用", "急需", "urgent", "urgently", "asap",
            "immediately", "right now", "right away"),
        .. Phrases(Urgency, Low, "急", "尽快", "快点", "快一点", "hurry", "quickly"),
    ];

    private static IEnumerable<EscalationCue> Insults(SignalLevel level, params string[] phrases) =>
        phrases.Select(phrase => new EscalationCue(phrase, SignalKind.Abuse, level, Negatable: false));

    private static IEnumerable<EscalationCue> Phrases(SignalKind kind, SignalLevel level, params string[] phrases) =>
        phrases.Select(phrase => new EscalationCue(phrase, kind, level));
}
