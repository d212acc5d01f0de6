using System.Globalization;
using System.Text.RegularExpressions;

namespace Conversational.Handoff.Copilot;

/// <summary>One problem of a catalogue, beside its field: <paramref name="Path"/> like <c>scripts[3].text</c>.</summary>
public sealed record CopilotValidationError(string Path, string Message);

/// <summary>The catalogue breaks a rule; nothing was saved. Every problem is listed.</summary>
public sealed class CopilotCatalogValidationException(IReadOnlyList<CopilotValidationError> errors)
    : Exception("The copilot catalogue is invalid: " + string.Join(" ", errors.Select(error => $"{error.Path}: {error.Message}")))
{
    public IReadOnlyList<CopilotValidationError> Errors { get; } = errors;
}

/// <summary>
/// Checks a whole catalogue before it is saved, so what agents see is always usable: ids, languages, businesses,
/// texts and their variables, disclosures whose standard wording is recognized by their own concepts, and offers whose
/// every pitch script is detected as a pitch. Each problem names its path (<c>offers[2].scripts[0].text</c>) so an
/// editor can show it beside the field.
/// </summary>
public static partial class CopilotCatalogValidation
{
    public const int MaxTextLength = 2000;
    public const int MaxVipLevel = 10;

    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    public static IReadOnlyList<CopilotValidationError> Validate(CopilotCatalog catalog)
    {
        if (catalog is null)
        {
            return [new("", "The catalogue is missing.")];
        }

        var errors = new List<CopilotValidationError>();
        if (Required(catalog.Scripts, "scripts", errors) is { } scripts)
        {
            Ids(scripts.Select(script => script?.Id), "scripts", errors);
            Each(scripts, "scripts", errors, Script);
        }

        if (Required(catalog.Disclosures, "disclosures", errors) is { } disclosures)
        {
            Ids(disclosures.Select(rule => rule?.Id), "disclosures", errors);
            Each(disclosures, "disclosures", errors, Disclosure);
        }

        if (Required(catalog.Offers, "offers", errors) is { } offers)
        {
            Ids(offers.Select(offer => offer?.Id), "offers", errors);
            Each(offers, "offers", errors, Offer);
        }

        return errors;
    }

    private static void Script(ReplyScript script, string path, List<CopilotValidationError> errors)
    {
        Language(script.Language, path, errors);
        Business(script.Business, $"{path}.business", errors);
        Text(script.Title, $"{path}.title", errors);
        Text(script.Text, $"{path}.text", errors, variables: true);
        Words(script.Intents, $"{path}.intents", errors);
        Words(script.Keywords, $"{path}.keywords", errors);
    }

    private static void Disclosure(DisclosureRule rule, string path, List<CopilotValidationError> errors)
    {
        Language(rule.Language, path, errors);
        Business(rule.Business, $"{path}.business", errors);
        Text(rule.Title, $"{path}.title", errors);
        var wording = Text(rule.Wording, $"{path}.wording", errors, variables: true);
        if (Concepts(rule.Concepts, $"{path}.concepts", errors) && wording && !ConceptMatcher.Covers(rule.Concepts, rule.Wording))
        {
            errors.Add(new($"{path}.wording", "The standard wording does not say every concept group, so inserting it would not tick the disclosure."));
        }
    }

    private static void Offer(ServiceOffer offer, string path, List<CopilotValidationError> errors)
    {
        Language(offer.Language, path, errors);
        Text(offer.Name, $"{path}.name", errors);
        Text(offer.Category, $"{path}.category", errors);
        var concepts = Concepts(offer.PitchConcepts, $"{path}.pitchConcepts", errors);
        if (offer.Rules is null)
        {
            errors.Add(new($"{path}.rules", "Rules are required."));
        }
        else
        {
            Rules(offer.Rules, $"{path}.rules", errors);
        }

        if (offer.Scripts is not { Count: > 0 })
        {
            errors.Add(new($"{path}.scripts", "An offer needs at least one pitch script."));
            return;
        }

        Ids(offer.Scripts.Select(script => script?.Id), $"{path}.scripts", errors);
        Each(offer.Scripts, $"{path}.scripts", errors, (script, scriptPath, list) =>
        {
            if (Text(script.Text, $"{scriptPath}.text", list, variables: true) && concepts && !ConceptMatcher.Covers(offer.PitchConcepts, script.Text))
            {
                list.Add(new($"{scriptPath}.text", "The script does not say every pitch concept group, so saying it would not count as a pitch."));
            }
        });
    }

    private static void Rules(OfferRules rules, string path, List<CopilotValidationError> errors)
    {
        Words(rules.Tiers, $"{path}.tiers", errors);
        Words(rules.RequiredTags, $"{path}.requiredTags", errors);
        Words(rules.ExcludedTags, $"{path}.excludedTags", errors);
        if (rules.MinVipLevel is < 0 or > MaxVipLevel)
        {
            errors.Add(new($"{path}.minVipLevel", $"Must be between 0 and {MaxVipLevel}."));
        }

        if (rules.MaxPitchesPer30Days < 0)
        {
            errors.Add(new($"{path}.maxPitchesPer30Days", "Must not be negative."));
        }

        if (rules.MaxPitchesPerConversation < 0)
        {
            errors.Add(new($"{path}.maxPitchesPerConversation", "Must not be negative."));
        }

        if (Words(rules.Layers, $"{path}.layers", errors))
        {
            Known(rules.Layers, CustomerLayers.All, $"{path}.layers", "customer layer", errors);
        }

        if (Words(rules.Scenarios, $"{path}.scenarios", errors))
        {
            Known(rules.Scenarios, CopilotBusinesses.All, $"{path}.scenarios", "business", errors);
        }
    }

    private static IReadOnlyList<T>? Required<T>(IReadOnlyList<T>? list, string path, List<CopilotValidationError> errors)
    {
        if (list is null)
        {
            errors.Add(new(path, "Is required (an empty list is fine)."));
        }

        return list;
    }

    private static void Each<T>(IReadOnlyList<T?> items, string path, List<CopilotValidationError> errors,
        Action<T, string, List<CopilotValidationError>> check) where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (items[i] is { } item)
            {
                check(item, itemPath, errors);
            }
            else
            {
                errors.Add(new(itemPath, "The item is missing."));
            }
        }
    }

    // Ids are compared as written: the pattern already allows lower case only.
    private static void Ids(IEnumerable<string?> ids, string path, List<CopilotValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            var idPath = $"{path}[{i++.ToString(CultureInfo.InvariantCulture)}].id";
            if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
            {
                errors.Add(new(idPath, "An id is required, of lower-case letters, digits, '.', '_' and '-' only."));
            }
            else if (!seen.Add(id))
            {
                errors.Add(new(idPath, $"'{id}' is used more than once."));
            }
        }
    }

    private static void Language(string? language, string path, List<CopilotValidationError> errors)
    {
        if (language is null || !Languages.Contains(language, StringComparer.Ordinal))
        {
            errors.Add(new($"{path}.language", $"Must be one of {string.Join(", ", Languages)}."));
        }
    }

    private static void Business(string? business, string path, List<CopilotValidationError> errors)
    {
        if (business is null || !CopilotBusinesses.All.Contains(business, StringComparer.Ordinal))
        {
            errors.Add(new(path, $"Must be one of {string.Join(", ", CopilotBusinesses.All)}."));
        }
    }

    /// <returns>Whether the text is usable (non-empty, not too long, known variables).</returns>
    private static bool Text(string? text, string path, List<CopilotValidationError> errors, bool variables = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(path, "Must not be empty."));
            return false;
        }

        if (text.Length > MaxTextLength)
        {
            errors.Add(new(path, $"Must be at most {MaxTextLength} characters, not {text.Length}."));
            return false;
        }

        var unknown = variables ? ScriptVariables.Names(text).Except(ScriptVariables.Known, StringComparer.Ordinal).ToList() : [];
        if (unknown.Count > 0)
        {
            errors.Add(new(path, $"Unknown variables {string.Join(", ", unknown.Select(name => "{" + name + "}"))}; known are " +
                string.Join(", ", ScriptVariables.Known.Select(name => "{" + name + "}")) + "."));
            return false;
        }

        return true;
    }

    /// <returns>Whether every entry is a non-empty word (a null list is missing).</returns>
    private static bool Words(IReadOnlyList<string>? words, string path, List<CopilotValidationError> errors)
    {
        if (words is null)
        {
            errors.Add(new(path, "Is required (an empty list is fine)."));
            return false;
        }

        if (words.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new(path, "An entry is empty."));
            return false;
        }

        return true;
    }

    private static void Known(IReadOnlyList<string> values, IReadOnlyList<string> known, string path, string what, List<CopilotValidationError> errors)
    {
        foreach (var value in values.Where(value => !known.Contains(value, StringComparer.Ordinal)))
        {
            errors.Add(new(path, $"'{value}' is not a {what}; known are {string.Join(", ", known)}."));
        }
    }

    /// <returns>Whether there is at least one group and every alternative says something after normalization.</returns>
    private static bool Concepts(IReadOnlyList<IReadOnlyList<string>>? concepts, string path, List<CopilotValidationError> errors)
    {
        if (concepts is not { Count: > 0 })
        {
            errors.Add(new(path, "At least one concept group is required."));
            return false;
        }

        var valid = true;
        for (var i = 0; i < concepts.Count; i++)
        {
            var group = concepts[i];
            if (group is not { Count: > 0 } || group.Any(alternative => alternative is null || ConceptMatcher.Normalize(alternative).Length == 0))
            {
                errors.Add(new($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]",
                    "A concept group needs at least one alternative, and each must have letters or digits."));
                valid = false;
            }
        }

        return valid;
    }

    [GeneratedRegex("^[a-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
