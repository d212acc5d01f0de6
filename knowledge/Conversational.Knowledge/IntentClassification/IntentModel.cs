using System.Numerics.Tensors;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// The trained intent classifier: a <see cref="TextFeaturizer"/> (word 1–2-grams, character 3-grams, and Chinese
/// character 1–3-grams, sublinear TF-IDF), a maximum-entropy model (multinomial logistic regression) trained by ML.NET's
/// L-BFGS, one-vs-rest linear SVMs over the same features (<see cref="MarginModel"/>), and a nearest-neighbour index of
/// the training examples (<see cref="ExampleIndex"/>). A label's score is the softmax of its linear score (maximum
/// entropy plus <see cref="IntentModelOptions.MarginWeight"/> × SVM margin, folded into one set of weights) plus
/// <see cref="IntentModelOptions.NeighbourWeight"/> × its best similarity to one of its examples, so scores are
/// probabilities. Every text goes through the featurizer's normalization first, in training and
/// in use.
/// </summary>
/// <remarks>
/// <para>Why not ML.NET end to end: its text featurizer has no sublinear TF, weighs every character n-gram alike
/// (common letters drown the few words of a short text) and its prediction engine costs tens of microseconds per call
/// behind a lock. ML.NET stays the trainer; the featurizer is ours and prediction is sparse dot products over the
/// weights ML.NET learned (no lock: thread-safe).</para>
/// <para>Why the neighbours: the linear model generalizes what a label's examples share; the best similarity per label
/// remembers the odd example (a product or TV-show name seen once) and adds evidence when a text is nearly one it saw.
/// Weight 4 against none, measured on the public sets: SMP2017 +0.3 points, BANKING77 +0.5 (one 80/20 split), CLINC150
/// +0.1 in-scope at the same out-of-scope rule; 8 or more starts to hurt SMP2017.</para>
/// <para>Out of scope: with an <see cref="IntentModelOptions.OutOfScopeThreshold"/>, a top score below it makes
/// <see cref="Predict"/> answer the out-of-scope label; <see cref="TrainWithThreshold"/> chooses that threshold on
/// held-out data (see <see cref="ChooseThreshold"/>). The top probability was the best confidence to threshold on
/// CLINC150: the margin to the second label or their ratio gave up more in-scope accuracy for the same recall.</para>
/// </remarks>
public sealed partial class IntentModel
{
    /// <summary>
    /// L-BFGS steps at most: 50 to 1,000 gave the same accuracy on SMP2017 and BANKING77 (fewer cost CLINC150 a little),
    /// and each step is a pass over the data (CLINC150's 15,100 examples and 151 labels: 1–2 s a step on this machine).
    /// </summary>
    private const int MaxIterations = 50;

    /// <summary>L-BFGS steps at most when starting from a probe's weights (<see cref="TrainWithThreshold"/>).</summary>
    private const int MaxWarmIterations = 15;

    private static readonly byte[] Magic = "CVIM2\n"u8.ToArray();

    [ThreadStatic]
    private static SparseVector? t_vector;

    private readonly TextFeaturizer _featurizer;
    private readonly string[] _labels;

    // Feature-major: the weights of feature f for every label are _weights[f * labels .. (f + 1) * labels], so a text's
    // few features each add one contiguous row to the label scores.
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly ExampleIndex _neighbours;

    private IntentModel(TextFeaturizer featurizer, string[] labels, float[] weights, float[] biases, ExampleIndex neighbours,
        IntentModelOptions options)
    {
        _featurizer = featurizer;
        _neighbours = neighbours;
        _labels = labels;
        _weights = weights;
        _biases = biases;
        Options = options;
    }

    /// <summary>The options it was trained with (and its threshold).</summary>
    public IntentModelOptions Options { get; }

    /// <summary>The labels it was trained on, in score order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains a model.</summary>
    /// <exception cref="ArgumentException">Fewer than two labels, a label with one example, or an empty label.</exception>
    public static IntentModel Train(IReadOnlyList<IntentExample> examples, IntentModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new IntentModelOptions();
        Validate(examples, options);
        var data = TrainingData.Prepare(examples, options);
        return Fit(data, data.Vectors, options, start: null).Model;
    }

    /// <summary>
    /// The intents for a text, most likely first, at most <paramref name="maxResults"/>. When the top score is below
    /// the out-of-scope threshold, the out-of-scope label comes first (with score 1 − top score), then the candidates.
    /// Never throws on odd input (empty, emoji, control characters, very long text): a text with no known feature gets
    /// the labels' prior scores, which are low, so with a threshold it is out of scope.
    /// </summary>
    public IntentPrediction[] Predict(string text, int maxResults = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        var ranked = Rank(text, maxResults);
        if (Options.OutOfScopeThreshold is { } threshold && ranked[0].Score < threshold &&
            !string.Equals(ranked[0].Label, Options.OutOfScopeLabel, StringComparison.Ordinal))
        {
            var candidates = ranked.Where(prediction =>
                !string.Equals(prediction.Label, Options.OutOfScopeLabel, StringComparison.Ordinal));
            return [new IntentPrediction(Options.OutOfScopeLabel, 1 - ranked[0].Score), .. candidates.Take(maxResults - 1)];
        }

        return ranked;
    }

    /// <summary>The single best label, applying the out-of-scope threshold.</summary>
    public string PredictLabel(string text) => Predict(text, 1)[0].Label;

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(JsonSerializer.Serialize(Options));
        writer.Write(_labels.Length);
        foreach (var label in _labels)
        {
            writer.Write(label);
        }

        _featurizer.Write(writer);
        WriteFloats(writer, _biases);
        WriteFloats(writer, _weights);
        _neighbours.Write(writer);
    }

    /// <exception cref="InvalidDataException">The stream does not hold a saved intent model (of this version).</exception>
    public static IntentModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a saved intent model (or one saved by an older version: train it again).");
            }

            var options = JsonSerializer.Deserialize<IntentModelOptions>(reader.ReadString())
                ?? throw new InvalidDataException("The model's options are empty.");
            var labels = new string[reader.ReadInt32()];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadString();
            }

            var featurizer = TextFeaturizer.Read(reader);
            var biases = ReadFloats(reader, labels.Length);
            var weights = ReadFloats(reader, checked(featurizer.Dimension * labels.Length));
            var neighbours = ExampleIndex.Read(reader, featurizer.Dimension, labels.Length);
            return new IntentModel(featurizer, labels, weights, biases, neighbours, options);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The saved intent model is cut short.", exception);
        }
    }

    private IntentPrediction[] Rank(string text, int maxResults)
    {
        var vector = t_vector ??= new SparseVector();
        _featurizer.Featurize(text, vector);
        return Rank(vector, maxResults);
    }

    private IntentPrediction[] Rank(SparseVector vector, int maxResults)
    {
        var scores = _biases.ToArray();
        var labels = _labels.Length;
        for (var i = 0; i < vector.Count; i++)
        {
            var row = _weights.AsSpan(vector.Indices[i] * labels, labels);
            TensorPrimitives.MultiplyAdd(row, vector.Values[i], scores, scores);
        }

        if (Options.NeighbourWeight > 0)
        {
            var best = new float[labels];
            _neighbours.BestPerLabel(vector, best);
            TensorPrimitives.MultiplyAdd(best, Options.NeighbourWeight, scores, scores);
        }

        // TensorPrimitives.SoftMax does not subtract the largest score first: logits past ~88 would overflow to NaN.
        TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), scores);
        TensorPrimitives.SoftMax(scores, scores);

        // The best few by insertion into a short sorted list: cheaper than sorting every label, and a label only passes
        // one before it with a strictly higher score, so ties keep the label order and results depend on nothing else.
        var count = Math.Min(maxResults, scores.Length);
        var top = new int[count];
        var filled = 0;
        for (var label = 0; label < scores.Length; label++)
        {
            var score = scores[label];
            if (filled == count && !(score > scores[top[count - 1]]))
            {
                continue;
            }

            var position = filled < count ? filled++ : count - 1;
            while (position > 0 && score > scores[top[position - 1]])
            {
                top[position] = top[position - 1];
                position--;
            }

            top[position] = label;
        }

        var result = new IntentPrediction[count];
        for (var i = 0; i < count; i++)
        {
            var score = scores[top[i]];
            result[i] = new IntentPrediction(_labels[top[i]], float.IsFinite(score) ? score : 0f);
        }

        return result;
    }

    private static (IntentModel Model, MaximumEntropyModelParameters Parameters) Fit(
        TrainingData data, List<SparseVector> vectors, IntentModelOptions options, MaximumEntropyModelParameters? start)
    {
        var dimension = data.Featurizer.Dimension;
        var labels = data.Labels.Length;
        var parameters = FitMaximumEntropy(vectors, data.Targets, dimension, labels, options, start);
        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classes);
        var weights = new float[checked(dimension * labels)];
        for (var label = 0; label < classes; label++)
        {
            foreach (var (feature, value) in classWeights[label].Items())
            {
                weights[(feature * labels) + label] = value;
            }
        }

        var biases = parameters.GetBiases().ToArray();
        if (options.MarginWeight > 0)
        {
            // Both learners are linear in the features, so their weighted sum is one set of weights: the ensemble costs
            // nothing at prediction.
            var (marginWeights, marginBiases) =
                MarginModel.Train(vectors, data.Targets, dimension, labels, options.MarginCost, options.Seed);
            TensorPrimitives.MultiplyAdd(marginWeights, options.MarginWeight, weights, weights);
            TensorPrimitives.MultiplyAdd(marginBiases, options.MarginWeight, biases, biases);
        }

        var neighbours = ExampleIndex.Build(vectors, data.Targets, dimension);
        var model = new IntentModel(data.Featurizer, data.Labels, weights, biases, neighbours, options);
        return (model, parameters);
    }

    /// <summary>
    /// Fits multinomial logistic regression with ML.NET's L-BFGS on the featurized examples, from zero or, given
    /// <paramref name="start"/>, from those weights (same features and labels).
    /// </summary>
    private static MaximumEntropyModelParameters FitMaximumEntropy(List<SparseVector> vectors, int[] targets, int dimension, int labels,
        IntentModelOptions options, MaximumEntropyModelParameters? start)
    {
        var context = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), labels);
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var rows = vectors.Select((vector, i) => new TrainingRow
        {
            Label = (uint)targets[i],
            Features = new VBuffer<float>(dimension, vector.Count, vector.Values, vector.Indices),
        });
        var data = context.Data.Cache(context.Data.LoadFromEnumerable(rows, schema));
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = options.L2Regularization,
            // Looser than the default 1e-7 and at most MaxIterations steps: a fraction of the training time, and on the
            // public sets the same accuracy as running to convergence (stopping early also regularizes).
            OptimizationTolerance = 1e-4f,
            MaximumNumberOfIterations = start is null ? MaxIterations : MaxWarmIterations,
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            NumberOfThreads = Environment.ProcessorCount,
        });
        return (start is null ? trainer.Fit(data) : trainer.Fit(data, start)).Model;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader reader, int expected)
    {
        var count = reader.ReadInt32();
        if (count != expected)
        {
            throw new InvalidDataException($"The saved model has {count} values where {expected} belong.");
        }

        var values = new float[count];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static void Validate(IReadOnlyList<IntentExample> examples, IntentModelOptions options)
    {
        if (options.WordNgramLength < 1 || options.CharNgramMin < 1 || options.CharNgramMax < options.CharNgramMin ||
            options.CharNgramMax > 32 || options.L2Regularization < 0 || options.WordWeight is < 0 or > 1 ||
            options.MinDocumentFrequency < 1 || options.MaxFeatures < 1 || options.NeighbourWeight < 0 || options.MarginWeight < 0 ||
            !(options.MarginCost > 0))
        {
            throw new ArgumentException(
                "N-gram lengths must be at least 1 (characters at most 32), the word weight within 0–1, the document frequency and " +
                "feature count at least 1, L2 regularization, the neighbour and margin weights not negative, and the margin cost " +
                "positive.", nameof(options));
        }

        if (examples.Any(example => example is null || example.Text is null || string.IsNullOrWhiteSpace(example.Label)))
        {
            throw new ArgumentException("Every example needs a text and a non-empty label.", nameof(examples));
        }

        var counts = examples.GroupBy(example => example.Label, StringComparer.Ordinal).ToList();
        if (counts.Count < 2)
        {
            throw new ArgumentException(
                $"Training needs at least two labels; found {counts.Count} ({string.Join(", ", counts.Select(group => group.Key))}).",
                nameof(examples));
        }

        var single = counts.Where(group => group.Count() < 2).Select(group => group.Key).ToList();
        if (single.Count > 0)
        {
            throw new ArgumentException(
                $"Every label needs at least two examples; these have one: {string.Join(", ", single.Take(10))}.", nameof(examples));
        }
    }

    /// <summary>
    /// Examples made ready to fit: sorted labels, the featurizer built from all the texts, each text's vector and label
    /// index.
    /// </summary>
    private sealed record TrainingData(string[] Labels, TextFeaturizer Featurizer, List<SparseVector> Vectors, int[] Targets)
    {
        public static TrainingData Prepare(IReadOnlyList<IntentExample> examples, IntentModelOptions options)
        {
            var labels = examples.Select(example => example.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var index = labels.Select((label, i) => (label, i)).ToDictionary(pair => pair.label, pair => pair.i, StringComparer.Ordinal);
            var featurizer = TextFeaturizer.Build(examples.Select(example => example.Text), options.WordNgramLength, options.CharNgramMin,
                options.CharNgramMax, options.WordWeight, options.MinDocumentFrequency, options.MaxFeatures);
            var vectors = examples.Select(example =>
            {
                var vector = new SparseVector();
                featurizer.Featurize(example.Text, vector);
                return vector.Copy();
            }).ToList();
            return new TrainingData(labels, featurizer, vectors, examples.Select(example => index[example.Label]).ToArray());
        }
    }

    private sealed class TrainingRow
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
