using Conversational.Knowledge.Retrieval;

namespace Conversational.Knowledge.Tests.Retrieval;

public sealed class FloorCalibrationTests
{
    [Fact]
    public void Choose_SeparableOutcomes_PutsTheFloorBetweenWrongAndRight()
    {
        var (floor, right) = FloorCalibration.Choose([(0.2f, false), (0.3f, false), (0.6f, true), (0.8f, true)]);

        Assert.InRange(floor, 0.3f + 1e-6f, 0.6f);
        Assert.Equal(1.0, right);
    }

    [Fact]
    public void Choose_AllRight_AnswersEverything()
    {
        var (floor, right) = FloorCalibration.Choose([(0.2f, true), (0.9f, true)]);

        Assert.Equal(0f, floor);
        Assert.Equal(1.0, right);
    }

    [Fact]
    public void Choose_OverlappingOutcomes_MaximizesRightDecisions()
    {
        (float, bool)[] outcomes = [(0.1f, false), (0.4f, true), (0.5f, false), (0.7f, true), (0.9f, true)];

        var (floor, right) = FloorCalibration.Choose(outcomes);

        Assert.Equal(0.8, right);
        Assert.Equal(0.8, FloorCalibration.RightDecisions(outcomes, floor));
        Assert.True(floor is > 0.1f and <= 0.4f, $"floor {floor}");
    }

    [Fact]
    public void Choose_TiedConfidences_NeverSplitsThem()
    {
        var (floor, _) = FloorCalibration.Choose([(0.5f, false), (0.5f, true), (0.5f, true)]);

        Assert.True(floor <= 0.5f);
    }
}
