namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>
/// Reads a customer message for signs that it needs more than the bot: abuse (辱骂), complaint threats (投诉, 12315,
/// regulators, lawyers), churn threats (销户) and urgency (马上). Handoff triggers, routing priority and quality
/// inspection act on the result. Pure and cheap: one pass over the normalized text, longest phrase first, so 不着急 is
/// read as 不 + 着急 (negated) and never as a bare 急.
/// </summary>
public static class EscalationDetector
{
    private const int ExclamationsThatRaiseUrgency = 2;
    private const int ExclamationsThatAreUrgencyAlone = 3;

    // First character → the cues starting with it, longest first.
    private static readonly Dictionary<char, EscalationCue[]> CuesByFirstCharacter = EscalationLexicon.Cues
        .GroupBy(cue => cue.Phrase[0])
        .ToDictionary(group => group.Key, group => group.OrderByDescending(cue => cue.Phrase.Length).ToArray());

    /// <returns>At most one signal per kind, at the strongest level found, in <see cref="SignalKind"/> order.</returns>
    public static IReadOnlyList<EscalationSignal> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var signals = Cues(normalized)
            .Select(cue => new EscalationSignal(cue.Kind, cue.Level, cue.Phrase))
            .ToList();
        AddExclamations(signals, LongestRun(normalized, '!'));

        return signals
            .GroupBy(signal => signal.Kind)
            .Select(group => group.MaxBy(signal => signal.Level)!)
            .OrderBy(signal => signal.Kind)
            .ToList();
    }

    private static IEnumerable<EscalationCue> Cues(string text)
    {
        for (var index = 0; index < text.Length;)
        {
            var cue = Match(text, index);
            if (cue is null)
            {
                index++;
                continue;
            }

            if (!(cue.Negatable && Negation.Negates(text, index, cue.IsWord)) &&
                !(cue.NeverFirstInClause && Negation.ClauseBefore(text, index).Trim().Length == 0))
            {
                yield return cue;
            }

            index += cue.Phrase.Length;
        }
    }

    private static EscalationCue? Match(string text, int index) =>
        CuesByFirstCharacter.TryGetValue(text[index], out var cues)
            ? Array.Find(cues, cue => string.CompareOrdinal(text, index, cue.Phrase, 0, cue.Phrase.Length) == 0 &&
                                      (!cue.IsWord || IsWordAt(text, index, cue.Phrase.Length)))
            : null;

    private static bool IsWordAt(string text, int start, int length) =>
        (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1])) &&
        (start + length == text.Length || !char.IsAsciiLetterOrDigit(text[start + length]));

    // 马上!! is more urgent than 马上; a row of !!! alone is a little urgent.
    private static void AddExclamations(List<EscalationSignal> signals, string exclamations)
    {
        var urgent = signals.Where(signal => signal.Kind == SignalKind.Urgency).MaxBy(signal => signal.Level);
        if (urgent is not null && exclamations.Length >= ExclamationsThatRaiseUrgency)
        {
            var raised = urgent.Level == SignalLevel.High ? SignalLevel.High : urgent.Level + 1;
            signals.Add(urgent with { Level = raised, Cue = urgent.Cue + exclamations });
        }
        else if (urgent is null && exclamations.Length >= ExclamationsThatAreUrgencyAlone)
        {
            signals.Add(new EscalationSignal(SignalKind.Urgency, SignalLevel.Low, exclamations));
        }
    }

    private static string LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var character in text)
        {
            current = character == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return new string(c, Math.Min(longest, ExclamationsThatAreUrgencyAlone));
    }
}
