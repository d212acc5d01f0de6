namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// One-vs-rest linear support vector machines with the squared hinge loss (L2-loss SVC, 支持向量机), trained by dual
/// coordinate descent over the same sparse vectors as the maximum-entropy model: the second, differently biased learner
/// of <see cref="IntentModel"/>.
/// </summary>
/// <remarks>
/// <para>Why a second learner: logistic regression spreads its weight to make every example's probability right;
/// a margin learner only pushes the examples near the boundary, so it weighs a label's rare, telling n-grams more.
/// Their errors differ, and their sum is better than either on the public sets (knowledge/README.md, "Measured").</para>
/// <para>The method is Hsieh et al. (2008), "A dual coordinate descent method for large-scale linear SVM": for each
/// label, one dual variable per example, updated in closed form in a shuffled order; the weights are kept as
/// Σ αᵢ yᵢ xᵢ. The bias is one more feature of value 1 (so it is regularized too). Labels train in parallel.</para>
/// </remarks>
internal static class MarginModel
{
    /// <summary>Passes over the examples at most; the dual gap is usually closed well before.</summary>
    private const int MaxEpochs = 10;

    /// <summary>Stop a label when its largest projected gradient (in absolute value) is below this.</summary>
    private const float Tolerance = 0.1f;

    /// <summary>
    /// Trains one SVM per label and returns the weights feature-major (as <see cref="IntentModel"/> keeps them) and
    /// the biases.
    /// </summary>
    /// <param name="cost">The penalty C of a margin violation: larger fits the training examples more closely.</param>
    public static (float[] Weights, float[] Biases) Train(
        IReadOnlyList<SparseVector> vectors, int[] targets, int dimension, int labels, float cost, int seed)
    {
        var weights = new float[checked(dimension * labels)];
        var biases = new float[labels];
        var diagonal = 1f / (2f * cost);
        var squaredNorms = vectors.Select(vector => SquaredNorm(vector) + 1f + diagonal).ToArray();
        Parallel.For(0, labels, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, label =>
        {
            var (w, b) = TrainLabel(vectors, targets, label, dimension, diagonal, squaredNorms, seed + label);
            for (var feature = 0; feature < dimension; feature++)
            {
                weights[(feature * labels) + label] = w[feature];
            }

            biases[label] = b;
        });
        return (weights, biases);
    }

    private static (float[] Weights, float Bias) TrainLabel(IReadOnlyList<SparseVector> vectors, int[] targets, int label,
        int dimension, float diagonal, float[] squaredNorms, int seed)
    {
        var w = new float[dimension];
        var bias = 0f;
        var alphas = new float[vectors.Count];
        var order = Enumerable.Range(0, vectors.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < MaxEpochs; epoch++)
        {
            random.Shuffle(order);
            var largest = 0f;
            foreach (var i in order)
            {
                var vector = vectors[i];
                var y = targets[i] == label ? 1f : -1f;
                var gradient = (y * (Dot(w, vector) + bias)) - 1f + (diagonal * alphas[i]);
                var projected = alphas[i] > 0 ? gradient : Math.Min(gradient, 0f);
                if (projected == 0f)
                {
                    continue;
                }

                largest = Math.Max(largest, Math.Abs(projected));
                var old = alphas[i];
                alphas[i] = Math.Max(old - (gradient / squaredNorms[i]), 0f);
                var step = (alphas[i] - old) * y;
                for (var k = 0; k < vector.Count; k++)
                {
                    w[vector.Indices[k]] += step * vector.Values[k];
                }

                bias += step;
            }

            if (largest < Tolerance)
            {
                break;
            }
        }

        return (w, bias);
    }

    private static float Dot(float[] weights, SparseVector vector)
    {
        var sum = 0f;
        for (var k = 0; k < vector.Count; k++)
        {
            sum += weights[vector.Indices[k]] * vector.Values[k];
        }

        return sum;
    }

    private static float SquaredNorm(SparseVector vector)
    {
        var sum = 0f;
        for (var k = 0; k < vector.Count; k++)
        {
            sum += vector.Values[k] * vector.Values[k];
        }

        return sum;
    }
}
