using Conversational.Knowledge.Articles;

namespace Conversational.Knowledge.Tests.Articles;

/// <summary>Valid entries to start a test from; each test changes what it is about with <c>with</c>.</summary>
internal static class KnowledgeSamples
{
    public static KnowledgeContent Faq(string id = "returns-window", string language = KnowledgeLanguages.Chinese) => new(
        id,
        KnowledgeKind.Faq,
        "七天无理由退货怎么算",
        ["七天无理由从哪天开始算", "签收后几天可以退货"],
        "签收次日起算，**7天**内可无理由退货。",
        language,
        ["returns"],
        [],
        ValidFrom: null,
        ValidUntil: null,
        Owner: "售后组");
}
