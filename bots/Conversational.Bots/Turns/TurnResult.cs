using Conversational.Bots.Activities;

namespace Conversational.Bots.Turns;

/// <summary>What a turn added to the conversation, as activities (the customer's echo first, then replies).</summary>
/// <param name="Activities">The activities with their server ids and timestamps.</param>
/// <param name="Watermark">The sequence number to read after next time.</param>
/// <param name="Replayed">True when the channel message id had been processed before: these are the stored results.</param>
public sealed record TurnResult(string ConversationId, IReadOnlyList<Activity> Activities, long Watermark, bool Replayed);
