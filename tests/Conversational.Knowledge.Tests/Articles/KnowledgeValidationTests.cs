using Conversational.Knowledge.Articles;

namespace Conversational.Knowledge.Tests.Articles;

public sealed class KnowledgeValidationTests
{
    [Fact]
    public void AValidEntry_HasNoProblems() => Assert.Empty(KnowledgeValidation.Problems(KnowledgeSamples.Faq()));

    [Fact]
    public void AnArticle_NeedsNoQuestions() =>
        Assert.Empty(KnowledgeValidation.Problems(KnowledgeSamples.Faq() with { Kind = KnowledgeKind.Article, Questions = [] }));

    [Theory]
    [InlineData("Returns Window", "id:")]
    [InlineData("", "id:")]
    [InlineData("-dash", "id:")]
    public void ABadId_IsNamed(string id, string expected) =>
        Assert.StartsWith(expected, Assert.Single(KnowledgeValidation.Problems(KnowledgeSamples.Faq() with { Id = id })), StringComparison.Ordinal);

    [Fact]
    public void EveryBrokenRule_IsListedWithItsField()
    {
        var content = KnowledgeSamples.Faq() with
        {
            Title = " ",
            Questions = [],
            Answer = new string('答', KnowledgeValidation.MaxAnswerLength + 1),
            Language = "fr",
            Tags = ["returns", "returns"],
            Channels = ["App Store"],
            ValidFrom = DateTimeOffset.UnixEpoch.AddDays(2),
            ValidUntil = DateTimeOffset.UnixEpoch.AddDays(1),
            Owner = "",
        };

        var fields = KnowledgeValidation.Problems(content).Select(problem => problem[..problem.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal(["title", "questions", "answer", "language", "tags", "channels", "validUntil", "owner"], fields);
    }

    [Fact]
    public void Tidied_CanonicalizesLanguageAndDropsBlankQuestions()
    {
        var tidy = (KnowledgeSamples.Faq() with { Language = "ZH-cn", Questions = [" 几天能退 ", "  "], Answer = "a\r\nb\n\n" }).Tidied();

        Assert.Equal(("zh-CN", "a\nb"), (tidy.Language, tidy.Answer));
        Assert.Equal(["几天能退"], tidy.Questions);
    }
}
