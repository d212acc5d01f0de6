namespace Conversational.Skills.Installments;

/// <summary>Money is yuan in <see cref="decimal"/> with at most two decimals (fen, the cent).</summary>
internal static class Cents
{
    /// <summary>Rounds to the cent half away from zero (四舍五入), the convention on Chinese bank statements.</summary>
    public static decimal Round(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>Drops anything below the cent (toward zero).</summary>
    public static decimal Truncate(decimal yuan) => decimal.Truncate(yuan * 100m) / 100m;

    public static bool IsWhole(decimal yuan) => yuan == decimal.Truncate(yuan * 100m) / 100m;

    public static void ThrowIfNotWhole(decimal yuan, string paramName)
    {
        if (!IsWhole(yuan))
        {
            throw new ArgumentException($"Money is counted in whole cents; {yuan} has more than two decimals.", paramName);
        }
    }
}
