using System.Text.Json.Serialization;
using Conversational.Skills.Installments;

namespace Conversational.Skills.Dialogs;

/// <summary>
/// Something a skill did that the conversation's log must keep: the handoff package, quality inspection and the
/// outbound notifier read these. Each skill adds its own records here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$fact")]
[JsonDerivedType(typeof(DisclosuresPresented), nameof(DisclosuresPresented))]
[JsonDerivedType(typeof(InstallmentApplied), nameof(InstallmentApplied))]
[JsonDerivedType(typeof(InstallmentLockedOut), nameof(InstallmentLockedOut))]
public abstract record SkillFact;
