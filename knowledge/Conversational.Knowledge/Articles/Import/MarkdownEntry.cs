using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conversational.Knowledge.Articles.Import;

/// <summary>
/// One entry as a Markdown file: a YAML front matter block between <c>---</c> lines holds every field but the answer
/// (questions as a list there, since an answer may have <c>##</c> headings of its own), and the body is the answer.
/// </summary>
internal static class MarkdownEntry
{
    private const string Fence = "---";

    public static SourcedContent Parse(string text, string source)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != Fence)
        {
            throw new KnowledgeImportException(source, 1, "a Markdown entry starts with its YAML front matter between '---' lines.");
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() == Fence);
        if (close < 0)
        {
            throw new KnowledgeImportException(source, 1, "the front matter's closing '---' line is missing.");
        }

        var fields = new Dictionary<string, (YamlNode Node, int Line)>(StringComparer.Ordinal);
        foreach (var (key, value) in FrontMatter(string.Join('\n', lines[1..close]), source))
        {
            var line = Line(key);
            var name = key is YamlScalarNode { Value: { } keyText }
                ? keyText
                : throw new KnowledgeImportException(source, line, "a field name must be plain text (id, title, …).");
            if (!ImportFields.Names.Contains(name) || name == "answer")
            {
                throw new KnowledgeImportException(source, line, name == "answer"
                    ? "answer: the answer is the Markdown after the front matter, not a front matter field."
                    : $"'{name}' is not a field; the fields are {string.Join(", ", ImportFields.Names.Where(field => field != "answer"))}.");
            }

            fields[name] = (value, line);
        }

        string Text(string name) => fields.TryGetValue(name, out var field) ? Scalar(name, field.Node, source) : "";
        IReadOnlyList<string> List(string name) => fields.TryGetValue(name, out var field) ? Sequence(name, field.Node, source) : [];

        var answerLine = close + 2;
        var content = new KnowledgeContent(
            Text("id"),
            ImportFields.Kind(Text("kind"), source, LineOf(fields, "kind")),
            Text("title"),
            List("questions"),
            string.Join('\n', lines[(close + 1)..]),
            Text("language"),
            List("tags"),
            List("channels"),
            ImportFields.Instant("validFrom", Text("validFrom"), source, LineOf(fields, "validFrom")),
            ImportFields.Instant("validUntil", Text("validUntil"), source, LineOf(fields, "validUntil")),
            Text("owner"));
        var fieldLines = fields.ToDictionary(field => field.Key, field => field.Value.Line, StringComparer.Ordinal);
        fieldLines["answer"] = answerLine;
        return new SourcedContent(content, source, 1, fieldLines);
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> FrontMatter(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            // The front matter starts on the file's second line.
            throw new KnowledgeImportException(source, (int)exception.Start.Line + 1, $"the front matter is not valid YAML: {exception.Message}");
        }

        return stream.Documents is [{ RootNode: YamlMappingNode mapping }]
            ? mapping.Children
            : stream.Documents.Count == 0
                ? []
                : throw new KnowledgeImportException(source, 2, "the front matter must be a YAML mapping of fields (id: …, title: …).");
    }

    private static string Scalar(string name, YamlNode node, string source) =>
        node is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : throw new KnowledgeImportException(source, Line(node), $"{name}: expected one value, not a list or mapping.");

    // A single value is a list of one, so "tags: returns" works as well as "tags: [returns]".
    private static IReadOnlyList<string> Sequence(string name, YamlNode node, string source) => node switch
    {
        YamlScalarNode { Value: null or "" } => [],
        YamlScalarNode scalar => [scalar.Value],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => Scalar(name, item, source))],
        _ => throw new KnowledgeImportException(source, Line(node), $"{name}: expected a list."),
    };

    private static int LineOf(Dictionary<string, (YamlNode Node, int Line)> fields, string name) =>
        fields.TryGetValue(name, out var field) ? field.Line : 1;

    // Node marks count from 1 within the front matter, which starts on the file's second line.
    private static int Line(YamlNode node) => (int)node.Start.Line + 1;
}
