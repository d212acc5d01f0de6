namespace Conversational.Knowledge.Retrieval;

/// <summary>
/// Chooses <see cref="KnowledgeSearchOptions.ConfidenceFloor"/> on held-out questions: the right decision for a
/// question is to answer when the best entry is the right one and not to answer otherwise (a wrong entry, or a
/// question the knowledge does not cover); the floor is the one that makes the most right decisions (the lowest such
/// floor on ties, so the bot answers as often as that allows).
/// </summary>
public static class FloorCalibration
{
    /// <param name="outcomes">Each held-out question's confidence and whether its best entry was right.</param>
    /// <returns>The floor and the share of right decisions with it.</returns>
    public static (float Floor, double RightDecisions) Choose(IReadOnlyList<(float Confidence, bool Right)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return (0f, 0);
        }

        var sorted = outcomes.OrderBy(outcome => outcome.Confidence).ToList();

        // With a floor just above sorted[i − 1], questions 0…i−1 are refused and i… answered.
        var right = sorted.Count(outcome => outcome.Right);
        var (bestFloor, bestRight) = (0f, right);
        for (var i = 0; i < sorted.Count; i++)
        {
            right += sorted[i].Right ? -1 : 1;
            var floor = i + 1 < sorted.Count ? Midpoint(sorted[i].Confidence, sorted[i + 1].Confidence) : MathF.BitIncrement(sorted[i].Confidence);
            if (right > bestRight && (i + 1 == sorted.Count || sorted[i + 1].Confidence > sorted[i].Confidence))
            {
                (bestFloor, bestRight) = (floor, right);
            }
        }

        return (bestFloor, (double)bestRight / sorted.Count);
    }

    /// <summary>The share of right decisions (see <see cref="Choose"/>) with a given floor.</summary>
    public static double RightDecisions(IReadOnlyList<(float Confidence, bool Right)> outcomes, float floor)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Count == 0 ? 0 : outcomes.Count(outcome => (outcome.Confidence >= floor) == outcome.Right) / (double)outcomes.Count;
    }

    private static float Midpoint(float a, float b) => a + ((b - a) / 2);
}
