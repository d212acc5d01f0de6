using System.Numerics.Tensors;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// A network with one hidden layer of ReLU units (神经网络, 单隐层) over the same sparse vectors as the linear models:
/// the third learner of <see cref="IntentModel"/>, whose label scores (logits) are added to theirs.
/// </summary>
/// <remarks>
/// <para>Why: the linear models weigh each n-gram on its own; the hidden units learn combinations of them (a word
/// that means one intent next to another word and a different one elsewhere). Measured added to the linear models at
/// weight 1: BANKING77 5-fold +0.3 points (knowledge/README.md, "Measured").</para>
/// <para>Trained by plain stochastic gradient descent on the cross-entropy, one example at a time in a shuffled order,
/// the step falling linearly to 0, with dropout on the hidden units. The first layer is a row of
/// <see cref="HiddenUnits"/> weights per feature, so an example's few features touch only their rows.</para>
/// </remarks>
internal sealed class HiddenLayerNetwork
{
    public const int HiddenUnits = 128;

    private const int Epochs = 8;

    private const float InitialStep = 0.05f;

    private const float DropoutRate = 0.3f;

    /// <summary>The first layer starts uniform in ± this (small: a text has tens of features of about 0.1 each).</summary>
    private const float FirstLayerScale = 0.2f;

    [ThreadStatic]
    private static float[]? t_hidden;

    // Feature-major first layer (_input[f * H .. (f + 1) * H]) and hidden-major second (_output[h * L .. (h + 1) * L]).
    private readonly float[] _input;
    private readonly float[] _hiddenBiases;
    private readonly float[] _output;
    private readonly float[] _outputBiases;

    private HiddenLayerNetwork(float[] input, float[] hiddenBiases, float[] output, float[] outputBiases)
    {
        _input = input;
        _hiddenBiases = hiddenBiases;
        _output = output;
        _outputBiases = outputBiases;
    }

    public static HiddenLayerNetwork Train(IReadOnlyList<SparseVector> vectors, int[] targets, int dimension, int labels, int seed)
    {
        var random = new Random(seed);
        var input = new float[checked(dimension * HiddenUnits)];
        var output = new float[HiddenUnits * labels];
        var outputScale = MathF.Sqrt(6f / (HiddenUnits + labels));
        Fill(input, FirstLayerScale, random);
        Fill(output, outputScale, random);
        var network = new HiddenLayerNetwork(input, new float[HiddenUnits], output, new float[labels]);

        var hidden = new float[HiddenUnits];
        var kept = new bool[HiddenUnits];
        var scores = new float[labels];
        var hiddenGradient = new float[HiddenUnits];
        var order = Enumerable.Range(0, vectors.Count).ToArray();
        var steps = (float)Epochs * vectors.Count;
        var step = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var rate = InitialStep * (1f - (step++ / steps));
                var vector = vectors[i];
                network.Hidden(vector, hidden);
                for (var h = 0; h < HiddenUnits; h++)
                {
                    // Inverted dropout: the kept units are scaled up so prediction (no dropout) needs no scaling.
                    kept[h] = hidden[h] > 0 && random.NextSingle() >= DropoutRate;
                    hidden[h] = kept[h] ? hidden[h] / (1f - DropoutRate) : 0f;
                }

                network.Logits(hidden, scores);
                TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), scores);
                TensorPrimitives.SoftMax(scores, scores);
                scores[targets[i]] -= 1f; // the cross-entropy's gradient at the logits: probabilities − one-hot

                for (var h = 0; h < HiddenUnits; h++)
                {
                    var row = output.AsSpan(h * labels, labels);
                    hiddenGradient[h] = kept[h] ? TensorPrimitives.Dot(row, scores) / (1f - DropoutRate) : 0f;
                    if (hidden[h] != 0f)
                    {
                        TensorPrimitives.MultiplyAdd(scores, -rate * hidden[h], row, row);
                    }
                }

                TensorPrimitives.MultiplyAdd(scores, -rate, network._outputBiases, network._outputBiases);
                for (var k = 0; k < vector.Count; k++)
                {
                    var row = input.AsSpan(vector.Indices[k] * HiddenUnits, HiddenUnits);
                    TensorPrimitives.MultiplyAdd(hiddenGradient, -rate * vector.Values[k], row, row);
                }

                TensorPrimitives.MultiplyAdd(hiddenGradient, -rate, network._hiddenBiases, network._hiddenBiases);
            }
        }

        return network;
    }

    /// <summary>Adds <paramref name="weight"/> × the network's logits of a text to <paramref name="scores"/>.</summary>
    public void AddLogits(SparseVector vector, float weight, Span<float> scores)
    {
        var hidden = t_hidden ??= new float[HiddenUnits];
        Hidden(vector, hidden);
        TensorPrimitives.Max(hidden, 0f, hidden);
        TensorPrimitives.MultiplyAdd(_outputBiases, weight, scores, scores);
        for (var h = 0; h < HiddenUnits; h++)
        {
            if (hidden[h] != 0f)
            {
                TensorPrimitives.MultiplyAdd(_output.AsSpan(h * scores.Length, scores.Length), weight * hidden[h], scores, scores);
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        WriteFloats(writer, _input);
        WriteFloats(writer, _hiddenBiases);
        WriteFloats(writer, _output);
        WriteFloats(writer, _outputBiases);
    }

    public static HiddenLayerNetwork Read(BinaryReader reader, int dimension, int labels) => new(
        ReadFloats(reader, checked(dimension * HiddenUnits)), ReadFloats(reader, HiddenUnits),
        ReadFloats(reader, HiddenUnits * labels), ReadFloats(reader, labels));

    /// <summary>The hidden units' inputs (before the ReLU) for a vector.</summary>
    private void Hidden(SparseVector vector, Span<float> hidden)
    {
        _hiddenBiases.CopyTo(hidden);
        for (var k = 0; k < vector.Count; k++)
        {
            TensorPrimitives.MultiplyAdd(_input.AsSpan(vector.Indices[k] * HiddenUnits, HiddenUnits), vector.Values[k], hidden, hidden);
        }
    }

    private void Logits(ReadOnlySpan<float> hidden, Span<float> scores)
    {
        _outputBiases.CopyTo(scores);
        for (var h = 0; h < HiddenUnits; h++)
        {
            if (hidden[h] != 0f)
            {
                TensorPrimitives.MultiplyAdd(_output.AsSpan(h * scores.Length, scores.Length), hidden[h], scores, scores);
            }
        }
    }

    private static void Fill(float[] values, float scale, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((random.NextSingle() * 2f) - 1f) * scale;
        }
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
            throw new InvalidDataException($"The saved network has {count} values where {expected} belong.");
        }

        var values = new float[count];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
