using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class IntentModelTests
{
    private static readonly IntentExample[] Examples =
    [
        .. Label("bill_installment", "账单分期", "我的账单能分期吗", "信用卡账单怎么分12期", "账单分期手续费多少", "想把这个月账单分6期",
            "can i split my bill into installments", "bill installment please", "installments for my card bill"),
        .. Label("return_exchange", "我要退货", "怎么退换货", "衣服尺码不对想换货", "质量有问题要退货", "退货流程是什么",
            "i want to return this item", "how do i exchange shoes", "return my order"),
        .. Label("price_after_coupons", "到手价多少", "用券以后多少钱", "这个手机到手多少钱", "叠加优惠后价格", "算一下到手价",
            "what is the final price after coupons", "price with coupon", "how much after discount"),
        .. Label("transfer_to_human", "转人工", "我要人工客服", "找真人", "给我转人工服务", "人工客服在吗",
            "talk to a human", "agent please", "connect me to a person"),
    ];

    private static readonly Lazy<IntentModel> Model = new(() => IntentModel.Train(Examples));

    private static readonly Lazy<IntentModel> ThresholdModel = new(() => IntentModel.TrainWithThreshold(Examples, "oos"));

    [Fact]
    public void Train_OneLabel_ThrowsArgumentExceptionSayingTwoLabelsAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => IntentModel.Train([new("a", "x"), new("b", "x")]));

        Assert.Contains("at least two labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_LabelWithOneExample_ThrowsArgumentExceptionNamingTheLabel()
    {
        var error = Assert.Throws<ArgumentException>(() => IntentModel.Train([new("a", "x"), new("b", "x"), new("c", "lonely")]));

        Assert.Contains("lonely", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least two examples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoExamples_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => IntentModel.Train([]));
    }

    [Theory]
    [InlineData("帮我把账单分期", "bill_installment")]
    [InlineData("我想退货", "return_exchange")]
    [InlineData("到手价是多少", "price_after_coupons")]
    [InlineData("转人工客服", "transfer_to_human")]
    [InlineData("I'd like to return it", "return_exchange")]
    public void Predict_SeenKindOfUtterance_GivesItsIntentFirstWithScoresSorted(string text, string expected)
    {
        var predictions = Model.Value.Predict(text);

        Assert.Equal(expected, predictions[0].Label);
        Assert.Equal(predictions.OrderByDescending(prediction => prediction.Score).ToArray(), predictions);
        Assert.All(predictions, prediction => Assert.InRange(prediction.Score, 0f, 1f));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void Predict_AnyNumberOfResults_GivesTheBestLabelsOnceEachSortedAndAgreeingWithTheFullRanking(int maxResults)
    {
        var all = Model.Value.Predict("帮我把账单分期", maxResults: 100);

        var predictions = Model.Value.Predict("帮我把账单分期", maxResults);

        Assert.Equal(Model.Value.Labels.Count, all.Length);
        Assert.Equal(all.Take(maxResults), predictions);
        Assert.Equal(predictions.Length, predictions.Select(prediction => prediction.Label).Distinct().Count());
        Assert.Equal(predictions.OrderByDescending(prediction => prediction.Score).ToArray(), predictions);
        Assert.Equal(1f, all.Sum(prediction => prediction.Score), 3);
    }

    [Fact]
    public void Predict_SimplifiedTraditionalAndFullWidthVariants_GiveTheSameLabel()
    {
        string[] variants = ["我的账单能分12期吗", "我的帳單能分12期嗎", "我的账单能分１２期吗"];

        var labels = variants.Select(variant => Model.Value.PredictLabel(variant)).ToList();

        Assert.All(labels, label => Assert.Equal("bill_installment", label));
        Assert.Equal(Model.Value.Predict(variants[0])[0].Score, Model.Value.Predict(variants[1])[0].Score, 5);
    }

    [Theory]
    [InlineData("我要转人工客服", "我要轉人工客服", "我要转人工客服！")]
    [InlineData("怎么退换货", "怎麼退換貨", "怎么退换货？")]
    [InlineData("can I split my bill into installments", "CAN I SPLIT MY BILL INTO INSTALLMENTS", "ｃａｎ ｉ ｓｐｌｉｔ ｍｙ ｂｉｌｌ ｉｎｔｏ ｉｎｓｔａｌｌｍｅｎｔｓ")]
    public void Predict_SameUtteranceInSimplifiedTraditionalOrFullWidthForm_GivesTheSameIntentAndScores(
        string simplified, string traditional, string fullWidth)
    {
        var expected = ThresholdModel.Value.Predict(simplified);

        Assert.Equal(expected, ThresholdModel.Value.Predict(traditional));
        Assert.Equal(expected, ThresholdModel.Value.Predict(fullWidth));
        Assert.NotEqual("oos", expected[0].Label);
    }

    public static TheoryData<string, string> OddInputs => new()
    {
        { "empty", "" },
        { "blank", " \t " },
        { "emoji only", "😀👨‍👩‍👧🎉" },
        { "10,000 characters", new string('退', 10_000) },
        { "10,000 letters", string.Concat(Enumerable.Repeat("refund ", 1_430)) },
        { "mixed scripts", "我想return这个item, пожалуйста، شكرا 😀" },
        { "control characters", "a\u0000b\u0007\u200B\u202Ec\r\n\t" },
        { "broken surrogate", "\uD800broken" },
        { "punctuation only", "。，！？" },
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void Predict_OddInput_NeverThrowsAndAnswersAnIntentOrOutOfScope(string kind, string input)
    {
        foreach (var model in new[] { Model.Value, ThresholdModel.Value })
        {
            var predictions = model.Predict(input);

            Assert.True(predictions.Length > 0, kind);
            Assert.True(model.Labels.Contains(predictions[0].Label) || predictions[0].Label == "oos", $"{kind}: {predictions[0].Label}");
            Assert.All(predictions, prediction => Assert.InRange(prediction.Score, 0f, 1f));
        }
    }

    [Fact]
    public void Predict_NothingKnownInTheText_IsOutOfScopeWithAThreshold()
    {
        Assert.Equal("oos", ThresholdModel.Value.PredictLabel("😀👨‍👩‍👧🎉"));
        Assert.Equal("oos", ThresholdModel.Value.PredictLabel(""));
    }

    [Fact]
    public void Predict_ScoresFarBeyondWhatExpCanHold_StillGivesItsIntentAProbabilityNearOne()
    {
        // A neighbour weight this large makes logits in the thousands: exp of them overflows unless shifted first.
        var model = IntentModel.Train(Examples, new IntentModelOptions { NeighbourWeight = 5_000 });

        var top = model.Predict("我要退货")[0];

        Assert.Equal("return_exchange", top.Label);
        Assert.True(top.Score > 0.99f, $"top score {top.Score}");
    }

    [Fact]
    public void Train_SameDataTwice_GivesTheSamePredictions()
    {
        var again = IntentModel.Train(Examples);
        string[] probes = ["能分期吗", "退货", "多少钱", "人工", "hello there"];

        foreach (var probe in probes)
        {
            var first = Model.Value.Predict(probe);
            var second = again.Predict(probe);
            Assert.Equal(first.Select(prediction => prediction.Label), second.Select(prediction => prediction.Label));
            Assert.Equal(first[0].Score, second[0].Score, 5);
        }
    }

    [Fact]
    public void SaveAndLoad_RoundTrip_KeepsPredictionsLabelsAndOptions()
    {
        var model = IntentModel.Train(Examples, new IntentModelOptions { OutOfScopeThreshold = 0.3f, OutOfScopeLabel = "oos" });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = IntentModel.Load(stream);

        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Options, loaded.Options);
        foreach (var probe in new[] { "能分期吗", "退货", "多少钱", "人工", "random words" })
        {
            Assert.Equal(model.Predict(probe), loaded.Predict(probe));
        }
    }

    [Fact]
    public void SaveAndLoad_ModelWithAChosenThreshold_PredictsIdentically()
    {
        using var stream = new MemoryStream();
        ThresholdModel.Value.Save(stream);
        stream.Position = 0;

        var loaded = IntentModel.Load(stream);

        Assert.Equal(ThresholdModel.Value.Options, loaded.Options);
        foreach (var probe in Examples.Select(example => example.Text).Concat(["随便说点什么", "", "😀", "please refund 退货"]))
        {
            Assert.Equal(ThresholdModel.Value.Predict(probe, maxResults: 10), loaded.Predict(probe, maxResults: 10));
        }
    }

    [Fact]
    public void Load_CutShort_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        Model.Value.Save(stream);
        using var cut = new MemoryStream(stream.ToArray()[..(int)(stream.Length / 2)]);

        Assert.Throws<InvalidDataException>(() => IntentModel.Load(cut));
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var stream = new MemoryStream("hello, world"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => IntentModel.Load(stream));
    }

    [Fact]
    public void Predict_TopScoreBelowThreshold_AnswersTheOutOfScopeLabelFirst()
    {
        var model = IntentModel.Train(Examples, new IntentModelOptions { OutOfScopeThreshold = 1.01f, OutOfScopeLabel = "oos" });

        var predictions = model.Predict("我想退货", maxResults: 3);

        Assert.Equal("oos", predictions[0].Label);
        Assert.Equal("return_exchange", predictions[1].Label);
        Assert.Equal(3, predictions.Length);
    }

    [Fact]
    public void Predict_FromManyThreadsAtOnce_GivesTheSameAnswers()
    {
        var expected = Model.Value.PredictLabel("我想退货");

        var labels = new string[200];
        Parallel.For(0, labels.Length, i => labels[i] = Model.Value.PredictLabel("我想退货"));

        Assert.All(labels, label => Assert.Equal(expected, label));
    }

    [Fact]
    public void ChooseThreshold_RejectsAtMostTheBudgetOfCorrectInScopeExamples()
    {
        // 100 correct in-scope scores 0.01 … 1.00: a 1% budget rejects the lowest, so the threshold is 0.02.
        var heldOut = Enumerable.Range(1, 100).Select(i => new ScoredExample(i / 100f, Correct: true, IsOutOfScope: false))
            .Append(new ScoredExample(0.5f, Correct: false, IsOutOfScope: true))
            .ToList();

        Assert.Equal(0.02f, IntentModel.ChooseThreshold(heldOut));
    }

    [Fact]
    public void ChooseThreshold_NoCorrectInScopeExample_IsZero()
    {
        Assert.Equal(0f, IntentModel.ChooseThreshold([new ScoredExample(0.9f, Correct: false, IsOutOfScope: false)]));
    }

    [Fact]
    public void TrainWithThreshold_SetsAThresholdAndTheOutOfScopeLabel()
    {
        var model = IntentModel.TrainWithThreshold(Examples, "oos");

        Assert.Equal("oos", model.Options.OutOfScopeLabel);
        Assert.NotNull(model.Options.OutOfScopeThreshold);
        Assert.Equal("return_exchange", model.Predict("我想退货")[0].Label);
    }

    [Fact]
    public void StratifiedSplit_HoldsOutAShareOfEachLabelAndKeepsTwoToTrain()
    {
        var (train, heldOut) = ExampleSplits.StratifiedSplit(Examples, 0.25, seed: 7);

        Assert.Equal(Examples.Length, train.Count + heldOut.Count);
        Assert.All(heldOut.GroupBy(example => example.Label), group => Assert.Equal(2, group.Count()));
        Assert.Equal(heldOut, ExampleSplits.StratifiedSplit(Examples, 0.25, seed: 7).HeldOut);
    }

    [Fact]
    public void StratifiedFolds_DealsEveryLabelEvenlyAndIsReproducible()
    {
        var folds = ExampleSplits.StratifiedFolds(Examples, 3, seed: 7);

        Assert.Equal(Examples.Length, folds.Length);
        Assert.All(folds, fold => Assert.InRange(fold, 0, 2));
        foreach (var label in Enumerable.Range(0, Examples.Length).GroupBy(i => Examples[i].Label))
        {
            var sizes = Enumerable.Range(0, 3).Select(fold => label.Count(i => folds[i] == fold)).ToList();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"{label.Key}: {string.Join(", ", sizes)}");
        }

        Assert.Equal(folds, ExampleSplits.StratifiedFolds(Examples, 3, seed: 7));
    }

    [Fact]
    public void StratifiedFolds_FewerThanTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExampleSplits.StratifiedFolds(Examples, 1, seed: 7));
    }

    [Fact]
    public void TrainWithThreshold_OneLabel_ThrowsArgumentExceptionSayingTwoLabelsAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => IntentModel.TrainWithThreshold([new("a", "x"), new("b", "x")], "oos"));

        Assert.Contains("at least two labels", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<IntentExample> Label(string label, params string[] texts) =>
        texts.Select(text => new IntentExample(text, label));
}
