namespace Conversational.Handoff.Copilot;

/// <summary>The customer layers (客户分层) offers are aimed at; <see cref="CustomerLayering"/> puts each customer in one.</summary>
public static class CustomerLayers
{
    /// <summary>高价值: spends a lot, holds products; upgrades and premium services fit.</summary>
    public const string HighValue = "high_value";

    /// <summary>成长: active and worth growing; memberships and discounts fit.</summary>
    public const string Growth = "growth";

    /// <summary>大众: little history yet; only broadly useful offers fit.</summary>
    public const string Mass = "mass";

    /// <summary>关怀: complained in the last 90 days; whatever the score, the relationship comes first.</summary>
    public const string Care = "care";

    public static IReadOnlyList<string> All { get; } = [HighValue, Growth, Mass, Care];
}

/// <summary>A customer's layer, the points that placed them there, and why (<see cref="LayerReasons"/> codes with their points).</summary>
public sealed record CustomerLayer(string Name, int Score, IReadOnlyList<ScoreReason> Reasons);
