using System.Text.Json.Serialization;
using Conversational.Skills.Installments;
using Conversational.Skills.Pricing;
using Conversational.Skills.Returns;

namespace Conversational.Skills.Dialogs;

/// <summary>
/// Something a skill did that the conversation's log must keep: the handoff package, quality inspection and the
/// outbound notifier read these. Each skill adds its own records here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$fact")]
[JsonDerivedType(typeof(DisclosuresPresented), nameof(DisclosuresPresented))]
[JsonDerivedType(typeof(InstallmentApplied), nameof(InstallmentApplied))]
[JsonDerivedType(typeof(InstallmentLockedOut), nameof(InstallmentLockedOut))]
[JsonDerivedType(typeof(ReturnRequested), nameof(ReturnRequested))]
[JsonDerivedType(typeof(PriceQuoted), nameof(PriceQuoted))]
public abstract record SkillFact;
