using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// The rules an entry's content must meet before it is stored, each broken rule named with its field so a trainer
/// or an import file's author knows what to fix.
/// </summary>
public static partial class KnowledgeValidation
{
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxQuestionLength = 500;
    public const int MaxQuestions = 100;
    public const int MaxAnswerLength = 20_000;
    public const int MaxTagLength = 40;
    public const int MaxOwnerLength = 100;

    /// <summary>Every rule <paramref name="content"/> breaks, as <c>field: reason</c>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<string>();
        if (!IdPattern().IsMatch(content.Id))
        {
            problems.Add($"id: '{content.Id}' must be 1–{MaxIdLength} characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        Require(problems, "title", content.Title, MaxTitleLength);
        if (content.Kind == KnowledgeKind.Faq && content.Questions.Count == 0)
        {
            problems.Add("questions: a FAQ needs at least one question.");
        }

        if (content.Questions.Count > MaxQuestions)
        {
            problems.Add($"questions: at most {MaxQuestions}.");
        }

        foreach (var question in content.Questions)
        {
            Require(problems, "questions", question, MaxQuestionLength);
        }

        Distinct(problems, "questions", content.Questions);
        Require(problems, "answer", content.Answer, MaxAnswerLength);
        if (!KnowledgeLanguages.All.Contains(content.Language, StringComparer.Ordinal))
        {
            problems.Add($"language: '{content.Language}' is not one of {string.Join(", ", KnowledgeLanguages.All)}.");
        }

        foreach (var tag in content.Tags)
        {
            Require(problems, "tags", tag, MaxTagLength);
        }

        Distinct(problems, "tags", content.Tags);
        foreach (var channel in content.Channels.Where(channel => !ChannelPattern().IsMatch(channel)))
        {
            problems.Add($"channels: '{channel}' must be a channel id of lower-case letters, digits, '_' or '-' (app, web, wechat…).");
        }

        Distinct(problems, "channels", content.Channels);
        if (content is { ValidFrom: { } from, ValidUntil: { } until } && until <= from)
        {
            problems.Add("validUntil: must be later than validFrom.");
        }

        Require(problems, "owner", content.Owner, MaxOwnerLength);
        return problems;
    }

    /// <summary>Throws <see cref="KnowledgeValidationException"/> listing every broken rule.</summary>
    public static void Check(KnowledgeContent content)
    {
        if (Problems(content) is { Count: > 0 } problems)
        {
            throw new KnowledgeValidationException(problems);
        }
    }

    private static void Require(List<string> problems, string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field}: must not be empty.");
        }
        else if (value.Length > maxLength)
        {
            problems.Add($"{field}: at most {maxLength} characters ('{value[..20]}…' has {value.Length}).");
        }
    }

    private static void Distinct(List<string> problems, string field, IReadOnlyList<string> values)
    {
        foreach (var repeated in values.GroupBy(value => value, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"{field}: '{repeated.Key}' is listed twice.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    private static partial Regex ChannelPattern();
}

/// <summary>An entry's content breaks the rules of <see cref="KnowledgeValidation"/>.</summary>
public sealed class KnowledgeValidationException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The entry changed since the version the writer read (optimistic concurrency), or its id is taken.</summary>
public sealed class KnowledgeConflictException(string message, KnowledgeEntry? current) : Exception(message)
{
    /// <summary>The entry as it is now, for the writer to merge with.</summary>
    public KnowledgeEntry? Current { get; } = current;
}
