using System.Globalization;
using System.Xml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conversational.Cli.ConversationTests;

/// <summary>
/// Reads a conversation test file. Strict on purpose: an unknown key is an error with its line, so a typo such as
/// <c>contain:</c> never turns an expectation into one that is silently not checked.
/// </summary>
internal static class ConversationScriptParser
{
    /// <summary>The day the demo data is written for; scripts run at this moment unless they say <c>now:</c>.</summary>
    public static readonly DateTimeOffset DemoNow = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] ScriptKeys = ["name", "customer", "channel", "locale", "now", "steps"];

    private static readonly string[] ExpectationKeys =
        ["contains", "not_contains", "quick_replies", "intent", "skill", "step", "ended", "handoff", "facts", "silent", "owner", "queued",
         "cancelled", "rated"];

    private static readonly string[] UserKeys = ["user", .. ExpectationKeys];

    private static readonly string[] FollowUpKeys = ["contains", "not_contains", "quick_replies", "skill", "step"];

    public static ConversationScript Parse(string path, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new ConversationScriptException(path, exception.Start.Line, exception.Message);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConversationScriptException(path, 1, "expected one YAML mapping with 'steps:'");
        }

        CheckKeys(path, root, ScriptKeys);
        var steps = Child(root, "steps") as YamlSequenceNode
            ?? throw new ConversationScriptException(path, root.Start.Line, "'steps:' must be a list of steps");
        if (steps.Children.Count == 0)
        {
            throw new ConversationScriptException(path, steps.Start.Line, "'steps:' is empty");
        }

        var locale = Scalar(path, root, "locale") ?? "zh-CN";
        if (locale is not ("zh-CN" or "en"))
        {
            throw new ConversationScriptException(path, root.Start.Line, $"locale must be zh-CN or en, not '{locale}'");
        }

        return new ConversationScript(
            Name: Scalar(path, root, "name") ?? System.IO.Path.GetFileNameWithoutExtension(path),
            Path: path,
            Customer: Scalar(path, root, "customer") ?? "c1003",
            Channel: Scalar(path, root, "channel") ?? "app",
            Locale: locale,
            Now: Scalar(path, root, "now") is { } now ? ParseTime(path, Child(root, "now")!, now) : DemoNow,
            Steps: [.. steps.Children.Select(step => ParseStep(path, step))]);
    }

    private static ScriptStep ParseStep(string path, YamlNode node)
    {
        if (node is not YamlMappingNode step)
        {
            throw new ConversationScriptException(path, node.Start.Line, "a step must be a mapping such as 'user: 你好'");
        }

        var line = step.Start.Line;
        if (Scalar(path, step, "agent") is { } agent)
        {
            var action = agent switch
            {
                "available" => AgentAction.Available,
                "takes_over" => AgentAction.TakesOver,
                "hands_back" => AgentAction.HandsBack,
                "closes" => AgentAction.Closes,
                _ => throw new ConversationScriptException(path, line,
                    $"agent: must be available, takes_over, hands_back or closes, not '{agent}'"),
            };
            CheckKeys(path, step, action switch
            {
                AgentAction.Available or AgentAction.TakesOver => ["agent", "id"],
                AgentAction.HandsBack => ["agent", "id", "resume_at", .. FollowUpKeys],
                _ => ["agent", "id", "disposition", .. FollowUpKeys],
            });
            return new AgentStep((int)line, action, Scalar(path, step, "id") ?? "agent1", Scalar(path, step, "resume_at"),
                Scalar(path, step, "disposition") ?? "resolved", Expectations(path, step));
        }

        if (Scalar(path, step, "wait") is { } wait)
        {
            CheckKeys(path, step, ["wait"]);
            try
            {
                return new WaitStep((int)line, XmlConvert.ToTimeSpan(wait));
            }
            catch (FormatException)
            {
                throw new ConversationScriptException(path, line, $"wait: must be an ISO 8601 duration such as PT6M, not '{wait}'");
            }
        }

        CheckKeys(path, step, UserKeys);
        var text = Scalar(path, step, "user")
            ?? throw new ConversationScriptException(path, line, "a step needs 'user:', 'agent:' or 'wait:'");
        return new UserStep((int)line, text, Expectations(path, step));
    }

    private static TurnExpectations Expectations(string path, YamlMappingNode step)
    {
        var line = step.Start.Line;
        return new TurnExpectations
        {
            Contains = List(path, step, "contains"),
            NotContains = List(path, step, "not_contains"),
            QuickReplies = List(path, step, "quick_replies"),
            Intent = Scalar(path, step, "intent"),
            Skill = Scalar(path, step, "skill"),
            Step = Scalar(path, step, "step"),
            Ended = Scalar(path, step, "ended"),
            Handoff = Scalar(path, step, "handoff"),
            Facts = List(path, step, "facts"),
            Silent = Scalar(path, step, "silent") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw new ConversationScriptException(path, line, $"silent: must be true or false, not '{other}'"),
            },
            Owner = Scalar(path, step, "owner") switch
            {
                var owner when owner is null or "bot" or "waiting" or "agent" => owner,
                var other => throw new ConversationScriptException(path, line, $"owner: must be bot, waiting or agent, not '{other}'"),
            },
            Queued = Scalar(path, step, "queued"),
            Cancelled = Scalar(path, step, "cancelled"),
            Rated = Scalar(path, step, "rated") switch
            {
                null => null,
                var rated when rated is "no" or "1" or "2" or "3" or "4" or "5" => rated,
                var other => throw new ConversationScriptException(path, line, $"rated: must be a score from 1 to 5 or no, not '{other}'"),
            },
        };
    }

    private static void CheckKeys(string path, YamlMappingNode node, string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new ConversationScriptException(path, key.Start.Line,
                    $"unknown key '{key}'; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(string path, YamlMappingNode node, string key) => Child(node, key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        var other => throw new ConversationScriptException(path, other.Start.Line, $"'{key}:' must be a single value"),
    };

    /// <summary>A list, or a single value meaning a list of one (<c>contains: 到手价</c>).</summary>
    private static IReadOnlyList<string> List(string path, YamlMappingNode node, string key) => Child(node, key) switch
    {
        null => [],
        YamlScalarNode { Value: { } value } => [value],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => item is YamlScalarNode { Value: { } value }
            ? value
            : throw new ConversationScriptException(path, item.Start.Line, $"'{key}:' items must be plain text"))],
        var other => throw new ConversationScriptException(path, other.Start.Line, $"'{key}:' must be text or a list of text"),
    };

    private static DateTimeOffset ParseTime(string path, YamlNode node, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ConversationScriptException(path, node.Start.Line, $"now: must be a time such as 2026-11-23T10:00:00+08:00, not '{value}'");
}
