using Conversational.Knowledge.Understanding;
using Conversational.Skills.Pricing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>
/// The dialog as utterance → reply tables over the demo catalog (seeded in SQLite, 10:00 on the demo day in China). The
/// figures are the calculator's: <see cref="Quote_IsTheCalculatorsOnTheDemoCatalog"/> holds the dialog to it.
/// </summary>
public sealed class PriceDialogTests(DemoCatalogDatabase demo) : IClassFixture<DemoCatalogDatabase>
{
    /// <summary>messages, what the last message's replies contain, the step the dialog then waits or rests at.</summary>
    public static TheoryData<string[], string, string?> Conversations => new()
    {
        // Which product: asked when missing, from a SKU, a name, Traditional or full-width, a suggestion.
        { ["这双鞋到手多少钱"], "请问您想查哪件商品的到手价？发送商品编号（如SH-1003）或商品名称即可", "AwaitingProduct" },
        { ["这双鞋到手多少钱", "SH-1003"], "SH-1003 日常慢跑鞋×1：到手价¥241.40，比原价省¥157.60。", "Quoted" },
        { ["日常慢跑鞋到手价"], "SH-1003 日常慢跑鞋×1：到手价¥241.40", "Quoted" },
        { ["輕羽競速跑鞋多少錢"], "SH-1001 轻羽竞速跑鞋×1：到手价¥533.05", "Quoted" },
        { ["ＳＨ－１００３多少钱"], "到手价¥241.40", "Quoted" },
        { ["这双鞋到手多少钱", "1"], "SH-1004 稳定支撑跑鞋×1：到手价¥358.25", "Quoted" },
        // The breakdown, the coupons to use, what lapsed, the next threshold.
        { ["SH-1003多少钱"], "下单时请使用这6张券：跑步店满300减50、跑鞋9折券(最高减80)、跨店每满300减30(最高减150)、新人无门槛红包10元", "Quoted" },
        { ["SH-1003多少钱"], "再买¥114.90可再减¥29.08（平台红包满399减40）。", "Quoted" },
        { ["SH-1002多少钱"], "· 冬季特惠（活动价¥559.00）：-¥140.00\n· 跑步店满300减50：-¥50.00", "Quoted" },
        { ["SH-1001多少钱"], "未能享受的优惠：\n· 双十一特价已于11月11日结束", "Quoted" },
        { ["AP-2004多少钱"], "· 潮流店双十一满500减100已于11月11日结束", "Quoted" },
        { ["SH-1008多少钱"], "· 双十二预售价将于12月12日开始（活动价¥899.00）", "Quoted" },
        // Size and quantity, up front or as follow-ups.
        { ["SH-1003 42码 2双多少钱"], "SH-1003 日常慢跑鞋（42码）×2：到手价¥465.69", "Quoted" },
        { ["买两双42码的多少钱", "SH-1003"], "SH-1003 日常慢跑鞋（42码）×2：到手价¥465.69", "Quoted" },
        { ["AP-2003多少钱", "买两件XL的呢"], "AP-2003 纯棉圆领T恤（XL）×2：到手价¥173.00", "Quoted" },
        { ["AP-2003多少钱", "买两件XL的呢"], "再买¥2.00可再减¥20.00（潮流店每满200减20(最高减100)）", "Quoted" },
        { ["SH-1003多少钱", "42"], "SH-1003 日常慢跑鞋（42码）×1：到手价¥241.40", "Quoted" },
        { ["SH-1003多少钱", "XL"], "SH-1003 日常慢跑鞋没有XL，可选尺码：38–45码。", "Quoted" },
        { ["SH-1003多少钱", "SH-1003 x10000"], "每件商品最多可计算9,999件。", "Quoted" },
        // A cart of several items.
        { ["SH-1003多少钱", "再加一件AP-2003"], "共2件商品，到手价合计¥324.98，比原价省¥173.02", "Quoted" },
        { ["SH-1003多少钱", "再加一件AP-2003"], "· AP-2003 纯棉圆领T恤×1：原价¥99.00，到手¥75.56", "Quoted" },
        { ["SH-1003和AP-2003一起买多少钱"], "· SH-1003 日常慢跑鞋×1：原价¥399.00，到手¥249.42", "Quoted" },
        { ["SH-1003和AP-2003多少钱", "去掉AP-2003"], "SH-1003 日常慢跑鞋×1：到手价¥241.40", "Quoted" },
        { ["SH-1003多少钱", "SH-1002呢"], "SH-1002 云感缓震跑鞋×1：到手价¥330.70", "Quoted" },
        // Not found, and a name that fits several.
        { ["SH-9999多少钱"], "没有找到编号为SH-9999的商品，请核对后再发送。", "AwaitingProduct" },
        { ["小米手机多少钱"], "抱歉，没有找到您说的这件商品。", "AwaitingProduct" },
        { ["SH-1003多少钱", "SH-9999多少钱"], "如需查询其他商品，请发送商品编号或名称。", "Quoted" },
        { ["卫衣多少钱"], "找到3件相关商品，请问是哪一件？", "ChoosingProduct" },
        { ["卫衣多少钱", "2"], "AP-2010 拉链开衫卫衣×1：到手价¥259.00", "Quoted" },
        { ["卫衣多少钱", "连帽卫衣"], "AP-2009 连帽卫衣×1：到手价¥259.00", "Quoted" },
        { ["卫衣多少钱", "第三个"], "AP-2011 运动半拉链卫衣×1", "Quoted" },
        // Questions in the middle, and after the quote.
        { ["这双鞋到手多少钱", "能叠加吗"], "同一类券（同一叠加组）只能用一张", "AwaitingProduct" },
        { ["这双鞋到手多少钱", "能叠加吗"], "请问您想查哪件商品的到手价", "AwaitingProduct" },
        { ["这双鞋到手多少钱", "优惠券怎么领"], "平台券和红包在领券中心领取", "AwaitingProduct" },
        { ["卫衣多少钱", "有哪些尺码"], "找到3件相关商品，请问是哪一件？", "ChoosingProduct" },
        { ["SH-1003多少钱", "能叠加吗"], "这单一共叠加了6张券，共减¥157.60。", "Quoted" },
        { ["SH-1003多少钱", "用哪些券"], "· 跑步店满600减120：和跑步店满300减50同属一类，只能用一张，已选跑步店满300减50", "Quoted" },
        { ["SH-1003多少钱", "用哪些券"], "· 跨店每满300减30(最高减150)（平台券）：门槛按¥314.10计算，减¥30.00", "Quoted" },
        { ["AP-2003多少钱", "用哪些券"], "· 潮流店每满200减20(最高减100)：还差¥101.00才能用", "Quoted" },
        { ["SH-1003多少钱", "有哪些尺码"], "SH-1003 日常慢跑鞋可选尺码：38–45码，各尺码同价。", "Quoted" },
        { ["SH-1003多少钱", "什么材质"], "SH-1003 日常慢跑鞋：颜色黑白，材质网布 + EVA中底。", "Quoted" },
        { ["SH-1003多少钱", "什么时候结束"], "· 跑步店满300减50：至11月30日", "Quoted" },
        // Declining.
        { ["这双鞋到手多少钱", "不用了"], "好的。需要查到手价时随时告诉我。", null },
        { ["SH-1003多少钱", "不用了"], "好的。需要查到手价时随时告诉我。", null },
        // English, and a SKU alone keeps the language.
        { ["how much is this pair of shoes after coupons"], "Which item would you like the price after coupons for?", "AwaitingProduct" },
        { ["how much is this pair of shoes", "SH-1003"], "SH-1003 Everyday jogging shoe ×1: ¥241.40 after coupons", "Quoted" },
        { ["how much is SH-1003", "2 pairs, size 42"], "SH-1003 Everyday jogging shoe (size 42) ×2: ¥465.69 after coupons", "Quoted" },
        { ["how much is SH-1003", "three pairs"], "×3", "Quoted" },
        { ["price of a hoodie"], "I found 2 matching items. Which one do you mean?", "ChoosingProduct" },
        { ["price of a hoodie", "Zip-up hoodie"], "AP-2010 Zip-up hoodie ×1: ¥259.00 after coupons, ¥70.00 off the list price.", "Quoted" },
        { ["how much is SH-1001"], "Not available:\n· Double 11 price ended on 11 Nov", "Quoted" },
        { ["how much is SH-1003", "coupons stack?"], "This order stacks 6 coupons for ¥157.60 off.", "Quoted" },
        { ["how much is SH-1003", "which coupons"], "I chose Run store: ¥50 off ¥300", "Quoted" },
        { ["how much is SH-1003", "add AP-2003"], "2 items: ¥324.98 after coupons in all, ¥173.02 off the list price:", "Quoted" },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation_EndsWithTheExpectedReplyAndStep(string[] messages, string reply, string? step)
    {
        var driver = Driver(TextLanguage.Detect(messages[0])!);
        var last = "";
        foreach (var message in messages)
        {
            var outcome = await driver.SayAsync(message);
            Assert.True(outcome.Understood, $"\"{message}\" was not understood");
            last = PriceDialogDriver.Text(outcome);
        }

        Assert.Contains(reply, last, StringComparison.Ordinal);
        Assert.Equal(step, driver.Step);
    }

    [Theory]
    [InlineData("这双鞋到手多少钱", "今天天气怎么样", "AwaitingProduct", true)]
    [InlineData("卫衣多少钱", "你们几点下班", "ChoosingProduct", true)]
    [InlineData("SH-1003多少钱", "今天天气怎么样", "Quoted", false)]
    [InlineData("SH-1003多少钱", "我要退货", "Quoted", false)]
    [InlineData("SH-1003多少钱", "谢谢", "Quoted", false)]
    public async Task NoAnswerToTheStep_IsNotUnderstood_AndOnlyAWaitingStepIsAskedAgain(string start, string message, string step,
        bool waiting)
    {
        var driver = Driver();
        await driver.SayAsync(start);

        var outcome = await driver.SayAsync(message);

        Assert.False(outcome.Understood);
        Assert.Equal(step, driver.Step);
        Assert.Equal(waiting, driver.Dialog.Prompt(driver.Snapshot!, "zh-CN") is not null);
    }

    [Fact]
    public async Task Quote_RecordsWhatWasQuoted_AndTheCouponsToUse()
    {
        var driver = Driver();

        var outcome = await driver.SayAsync("SH-1003 42码 2双多少钱");

        var fact = Assert.IsType<PriceQuoted>(Assert.Single(outcome.Facts));
        Assert.Equal(new QuotedItem("SH-1003", 2, "42"), Assert.Single(fact.Items));
        Assert.Equal((798.00m, 465.69m), (fact.ListTotal, fact.FinalTotal));
        Assert.Equal(["RUN-600-120", "RUN-SHOES-90", "PLAT-300-30", "PLAT-RED-399-40", "PLAT-RUN-199-20", "PLAT-SHOES-95"], fact.CouponIds);
        Assert.Equal(["用哪些券", "优惠券怎么领"], outcome.Replies[^1].QuickReplies);
    }

    [Theory]
    [InlineData("SH-1003")]
    [InlineData("SH-1003 42码 x2")]
    [InlineData("SH-1001和AP-2004 XL 3件")]
    [InlineData("AP-2003 2件, AP-2009, SH-1012 40码")]
    [InlineData("SH-1002 x5和AP-2013两件和AP-2016")]
    public async Task Quote_IsTheCalculatorsOnTheDemoCatalog(string cart)
    {
        var driver = Driver();

        var outcome = await driver.SayAsync(cart + "多少钱");

        var fact = Assert.IsType<PriceQuoted>(Assert.Single(outcome.Facts));
        var catalog = DemoCatalog.Load();
        var coupons = catalog.Coupons.Where(c => c.ValidFrom <= DemoCatalogDatabase.DemoMorning).ToList();
        var expected = PriceCalculator.Quote(
            [.. fact.Items.Select(i => new CartLine(catalog.Products.Single(p => p.Sku == i.Sku), i.Quantity, i.Size))], coupons,
            DemoCatalogDatabase.DemoMorning);
        Assert.Equal(PriceQuoted.For(expected) with { Items = [], CouponIds = [] }, fact with { Items = [], CouponIds = [] });
        Assert.Equal(expected.CouponsUsed.Select(c => c.Id), fact.CouponIds);
        Assert.Contains("¥" + expected.FinalTotal.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture),
            PriceDialogDriver.Text(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionAboutAnotherItem_AtRest_IsAnswered_AndTheCartStays()
    {
        var driver = Driver();
        await driver.SayAsync("SH-1003多少钱");

        var outcome = await driver.SayAsync("SH-1002什么材质");

        Assert.Equal("SH-1002 云感缓震跑鞋：颜色雾霾蓝，材质针织网面 + 超临界发泡中底。", Assert.Single(outcome.Replies).Text);
        Assert.Empty(outcome.Facts);
        Assert.Equal(("Quoted", "SH-1003"), (driver.Step, driver.Snapshot!.Slots.GetProperty("cart")[0].GetProperty("sku").GetString()));
    }

    [Fact]
    public async Task Cart_KeepsEachNamedItemWithItsOwnQuantityAndSize()
    {
        var driver = Driver();

        var outcome = await driver.SayAsync("SH-1003 42码 2双，AP-2003 XL 1件多少钱");

        var fact = Assert.IsType<PriceQuoted>(Assert.Single(outcome.Facts));
        Assert.Equal([new QuotedItem("SH-1003", 2, "42"), new QuotedItem("AP-2003", 1, "XL")], fact.Items);
    }

    [Fact]
    public async Task AddingTheSameItemAgain_AddsToItsLine()
    {
        var driver = Driver();
        await driver.SayAsync("AP-2003 XL多少钱");

        var outcome = await driver.SayAsync("再加一件AP-2003");

        Assert.Equal(new QuotedItem("AP-2003", 2, "XL"), Assert.Single(Assert.IsType<PriceQuoted>(Assert.Single(outcome.Facts)).Items));
    }

    [Fact]
    public async Task Prompt_AsksTheStepAgain_InTheLanguageAsked_WithTheSameSuggestions()
    {
        var driver = Driver();
        await driver.SayAsync("这双鞋到手多少钱");

        var zh = driver.Dialog.Prompt(driver.Snapshot!, "zh-CN")!;
        var en = driver.Dialog.Prompt(driver.Snapshot!, "en")!;

        Assert.Equal(["SH-1004 稳定支撑跑鞋", "SH-1002 云感缓震跑鞋", "SH-1012 厚底老爹鞋", "AP-2013 轻薄羽绒服"], zh.QuickReplies);
        Assert.Equal(["SH-1004 Stability support running shoe", "SH-1002 Cloudfeel cushioned running shoe", "SH-1012 Chunky dad sneaker",
            "AP-2013 Packable down jacket"], en.QuickReplies);
        Assert.StartsWith("Which item would you like", en.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASkuAlone_KeepsTheLanguageTheDialogStartedIn()
    {
        var driver = Driver();
        await driver.SayAsync("SH-1003多少钱");

        var reply = await driver.ReplyAsync("SH-1004");

        Assert.StartsWith("SH-1004 稳定支撑跑鞋×1：到手价", reply, StringComparison.Ordinal);
    }

    private PriceDialogDriver Driver(string locale = "zh-CN") => new(new PriceDialog(demo.Catalog), locale);
}
