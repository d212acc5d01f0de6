using System.Text.Json.Serialization;
using Conversational.Skills.Returns;

namespace Conversational.Skills.Dialogs;

/// <summary>
/// Something a skill did that the conversation's log must keep: the handoff package, quality inspection and the
/// outbound notifier read these. Each skill adds its own records here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$fact")]
[JsonDerivedType(typeof(ReturnRequested), nameof(ReturnRequested))]
public abstract record SkillFact;
