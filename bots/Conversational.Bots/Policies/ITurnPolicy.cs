using Conversational.Bots.Turns;

namespace Conversational.Bots.Policies;

/// <summary>
/// Decides the next step of a turn. A seam because later areas bring their own policies (an active skill dialog,
/// knowledge answers) that the bot consults in priority order.
/// </summary>
public interface ITurnPolicy
{
    /// <summary>Must be pure: read the turn and state, change nothing.</summary>
    Decision Decide(TurnContext context);
}
