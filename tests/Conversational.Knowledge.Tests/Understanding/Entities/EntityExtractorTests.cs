using System.Diagnostics;
using System.Text.Json;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

public sealed class EntityExtractorTests
{
    [Fact]
    public void Extract_MessageWithSeveralFacts_FindsEachInOrder()
    {
        var entities = Extracting.From("尾号1234的信用卡，账单3500元想分12期，手机13812345678，明天前办好");

        Assert.Equal(
            [new CardLastFour("1234"), new MoneyAmount(3500), new InstallmentPeriods(12), new PhoneNumber("13812345678"),
             new CalendarDate(new DateOnly(2026, 11, 19))],
            entities.Select(entity => entity.Value));
    }

    [Fact]
    public void Extract_EnglishMessageWithSeveralFacts_FindsEachInOrder()
    {
        var entities = Extracting.From("Order DD20261111001: size 9 arrived on Nov 11, I want a refund of ¥299");

        Assert.Equal(
            [new OrderNumber("DD20261111001"), new ProductSize("9"), new CalendarDate(new DateOnly(2026, 11, 11)), new MoneyAmount(299)],
            entities.Select(entity => entity.Value));
    }

    [Fact]
    public void Extract_NormalizedText_PositionsIndexTheGivenString()
    {
        var text = TextNormalizer.Normalize("帳單１，２９９元 分十二期");

        var entities = Extracting.From(text);

        Assert.All(entities, entity => Assert.Equal(entity.Text, text.Substring(entity.Start, entity.Length)));
        Assert.Equal(["1,299元", "分十二期"], entities.Select(entity => entity.Text));
    }

    [Theory]
    [InlineData("你好，在吗")]
    [InlineData("这双鞋怎么样，好看吗")]
    [InlineData("我想问一下怎么申请退货")]
    [InlineData("谢谢你的帮助，再见")]
    [InlineData("Hello, I have a question about my bill")]
    [InlineData("This is the best shop I have ever used")]
    [InlineData("I'm not sure, may I ask something else?")]
    [InlineData("一周一次的活动什么时候开始")]
    public void Extract_OrdinarySentences_FindNothing(string text) =>
        Assert.Empty(Extracting.From(text));

    [Fact]
    public void Extract_TenThousandCharactersOfChatter_FindsNothingAndIsQuick()
    {
        var text = string.Concat(Enumerable.Repeat("我想问一下这个怎么用，hello there! ", 10_000 / 24 + 1))[..10_000];
        var clock = Stopwatch.StartNew();

        var entities = Extracting.From(text);

        Assert.Empty(entities);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Extract_TenThousandDigits_IsNotAnEntityAndDoesNotFail() =>
        Assert.Empty(Extracting.From(new string('9', 10_000) + "元"));

    [Fact]
    public void Entity_SerializedAsJson_KeepsItsKindAndTypedValue()
    {
        var entity = Assert.Single(Extracting.From("分12期"));

        var json = JsonSerializer.Serialize(entity);
        var read = JsonSerializer.Deserialize<Entity>(json);

        Assert.Contains("\"Kind\":\"InstallmentPeriods\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"installment_periods\"", json, StringComparison.Ordinal);
        Assert.Equal(entity, read);
    }
}
