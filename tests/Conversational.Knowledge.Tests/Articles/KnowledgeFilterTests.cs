using Conversational.Knowledge.Articles;

namespace Conversational.Knowledge.Tests.Articles;

public sealed class KnowledgeFilterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private readonly KnowledgeSearchText _searchText = new();

    private static readonly KnowledgeEntry[] Entries =
    [
        Entry(KnowledgeSamples.Faq("returns-window")),
        Entry(KnowledgeSamples.Faq("bill-installments") with
        {
            Title = "账单分期手续费", Questions = ["分12期手续费多少"], Answer = "每期0.60%。", Tags = ["installments"],
        }),
        Entry(KnowledgeSamples.Faq("early-payoff", KnowledgeLanguages.English) with
        {
            Title = "Early payoff fee", Questions = ["Can I pay off early?"], Answer = "3% of the remaining principal.", Tags = ["installments"],
        }) with { Status = KnowledgeStatus.Retired },
    ];

    [Theory]
    [InlineData("账单分期", "bill-installments")]
    [InlineData("手续费 12期", "bill-installments")]
    [InlineData("ＥＡＲＬＹ payoff", "early-payoff")]
    [InlineData("PRINCIPAL", "early-payoff")]
    [InlineData("签收后几天", "returns-window")]
    [InlineData("bill-inst", "bill-installments")]
    public void Text_FindsEntriesByTitleQuestionsAnswerOrIdWhateverTheWidthOrCase(string text, string expected) =>
        Assert.Equal([expected], new KnowledgeFilter(text).Apply(Entries, _searchText).Select(entry => entry.Id));

    [Fact]
    public void TraditionalChinese_FindsTheSimplifiedEntry() =>
        Assert.Equal(["bill-installments"], new KnowledgeFilter("帳單分期").Apply(Entries, _searchText).Select(entry => entry.Id));

    [Fact]
    public void LanguageStatusAndTag_Narrow()
    {
        Assert.Equal(["bill-installments", "early-payoff"], new KnowledgeFilter(Tag: "installments").Apply(Entries, _searchText).Select(entry => entry.Id));
        Assert.Equal(["early-payoff"], new KnowledgeFilter(Status: KnowledgeStatus.Retired).Apply(Entries, _searchText).Select(entry => entry.Id));
        Assert.Equal(["early-payoff"], new KnowledgeFilter(Language: "EN").Apply(Entries, _searchText).Select(entry => entry.Id));
        Assert.Empty(new KnowledgeFilter("退货", Status: KnowledgeStatus.Retired).Apply(Entries, _searchText));
        Assert.Equal(3, new KnowledgeFilter("  ").Apply(Entries, _searchText).Count);
    }

    [Theory]
    [InlineData("(a|b)+ [x]")]
    [InlineData("%_")]
    [InlineData("' OR 1=1 --")]
    [InlineData("😀")]
    public void SpecialCharacters_MatchNothing_WithoutThrowing(string text) => Assert.Empty(new KnowledgeFilter(text).Apply(Entries, _searchText));

    [Fact]
    public void AnEditedEntry_IsSearchedInItsNewVersion()
    {
        var entry = Entries[0];
        Assert.Single(new KnowledgeFilter("签收").Apply([entry], _searchText));

        var edited = entry with { Content = entry.Content with { Questions = ["几天内能退"], Answer = "7天内。" }, Version = 2 };

        Assert.Empty(new KnowledgeFilter("签收").Apply([edited], _searchText));
        Assert.Single(new KnowledgeFilter("几天内能退").Apply([edited], _searchText));
    }

    private static KnowledgeEntry Entry(KnowledgeContent content) => new(content, 1, KnowledgeStatus.Active, At, "trainer");
}
