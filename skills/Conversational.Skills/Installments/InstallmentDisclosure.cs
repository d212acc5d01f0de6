using Conversational.Knowledge.Understanding;

namespace Conversational.Skills.Installments;

/// <summary>A statement the customer must hear before confirming, in both languages, under a stable id for the event log.</summary>
public sealed record InstallmentDisclosure(string Id, string ZhCn, string En)
{
    /// <summary>The Chinese text for any <c>zh</c> language tag (<see cref="TextLanguage.Chinese"/>), else the English.</summary>
    public string Text(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;
    }
}
