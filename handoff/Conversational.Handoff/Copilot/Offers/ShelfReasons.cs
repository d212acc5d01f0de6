namespace Conversational.Handoff.Copilot;

/// <summary>The codes of <see cref="OfferShelf"/>'s reasons for an offer on the shelf.</summary>
public static class ShelfReasons
{
    /// <summary>优先级: the offer's priority, which is also its points; no value.</summary>
    public const string Priority = "priority";

    /// <summary>面向该层客户: the offer names the customer's layer (the value, a <see cref="CustomerLayers"/> name).</summary>
    public const string AimedAtLayer = "aimed_at_layer";

    /// <summary>适合该场景: the offer names the current scenario (the value, a <see cref="CopilotBusinesses"/> id).</summary>
    public const string AimedAtScenario = "aimed_at_scenario";

    /// <summary>问题解决后再推荐: listed, but to be pitched only once the problem is solved; no points, no value.</summary>
    public const string WaitUntilResolved = "wait_until_resolved";
}
