using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Skills.Dialogs;

/// <summary>What a skill dialog knows about the customer's message.</summary>
public sealed record SkillTurn
{
    /// <summary>The message's server id: the idempotency key of whatever the turn changes outside the conversation.</summary>
    public required string TurnId { get; init; }

    public required string ConversationId { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The channel vouches for the customer's identity (an app login), so no one-time code is needed.</summary>
    public required bool CustomerVerified { get; init; }

    /// <summary><c>zh-CN</c> or <c>en</c>: the language to answer in.</summary>
    public required string Language { get; init; }

    /// <summary>The message as the customer wrote it.</summary>
    public required string Text { get; init; }

    /// <summary>The message after <see cref="TextNormalizer"/>, which the entities' offsets refer to.</summary>
    public required string NormalizedText { get; init; }

    public required Understanding Understanding { get; init; }

    public required IReadOnlyList<Entity> Entities { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The facts skills recorded earlier in this conversation (a lockout, an application made).</summary>
    public IReadOnlyList<SkillFact> Facts { get; init; } = [];

    public bool IsEnglish => Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first entity of the given value type, if the message has one.</summary>
    public T? Find<T>() where T : EntityValue => Entities.Select(e => e.Value).OfType<T>().FirstOrDefault();
}
