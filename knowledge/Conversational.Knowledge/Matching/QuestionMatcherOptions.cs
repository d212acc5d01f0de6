namespace Conversational.Knowledge.Matching;

/// <summary>How <see cref="QuestionMatcher.Train"/> builds a matcher; defaults measured with <c>match eval</c> on AFQMC.</summary>
public sealed record QuestionMatcherOptions
{
    /// <summary>Seed of the trainer and of the held-out split: the same data and options give the same matcher.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Boosting rounds (trees).</summary>
    public int Trees { get; init; } = 400;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 31;

    public double LearningRate { get; init; } = 0.05;

    /// <summary>Size of the learned question encoding (<see cref="PairEncoder"/>).</summary>
    public int EncoderDimensions { get; init; } = 64;

    /// <summary>Passes of the encoder's gradient descent over the pairs.</summary>
    public int EncoderEpochs { get; init; } = 4;

    public float EncoderLearningRate { get; init; } = 0.1f;

    /// <summary>L2 penalty of the bag-of-differences regression (<see cref="PairBagModel"/>).</summary>
    public float BagL2Regularization { get; init; } = 1f;

    /// <summary>
    /// Stratified folds of the training pairs: the encoder's similarity for each pair comes from an encoder trained on the
    /// other folds, and one fold is held out to choose the decision threshold (5: a fifth).
    /// </summary>
    public int ThresholdFolds { get; init; } = 5;
}
