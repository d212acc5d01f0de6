namespace Conversational.Bots.Policies;

/// <summary>Why a handoff was requested, as recorded in <see cref="Conversations.HandoffRequested"/>.</summary>
public static class HandoffReasons
{
    /// <summary>The customer asked for a person (转人工).</summary>
    public const string CustomerAsked = "customer_asked";
}
