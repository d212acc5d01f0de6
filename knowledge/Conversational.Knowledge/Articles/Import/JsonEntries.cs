using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversational.Knowledge.Articles.Import;

/// <summary>
/// Entries as a JSON array of objects with the fields of <see cref="KnowledgeContentDocument"/> (camelCase); an
/// unknown field is refused, so a misspelt one is not silently lost.
/// </summary>
internal static class JsonEntries
{
    private static readonly JsonSerializerOptions Options = new(Articles.KnowledgeSchema.Json)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<SourcedContent> Parse(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var entries = new List<SourcedContent>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new KnowledgeImportException(source, 1, "expected a JSON array of entries ([{\"id\": …}, …]).");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineAt(bytes, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new KnowledgeImportException(source, line, "each entry must be a JSON object.");
                }

                // Syntax errors are found here, with their own line; the entry's fields are then checked as a whole.
                using var entry = JsonDocument.ParseValue(ref reader);
                entries.Add(new SourcedContent(Entry(entry.RootElement, source, line).ToContent(), source, line, new Dictionary<string, int>()));
            }

            // Reading on makes the reader refuse anything after the array, which would otherwise be silently ignored.
            if (reader.Read())
            {
                throw new KnowledgeImportException(source, LineAt(bytes, reader.TokenStartIndex), "expected the end of the file after the array.");
            }
        }
        catch (JsonException exception)
        {
            throw new KnowledgeImportException(source, (int)(exception.LineNumber ?? 0) + 1, $"not valid: {Reason(exception)}");
        }

        return entries;
    }

    private static KnowledgeContentDocument Entry(JsonElement element, string source, int line)
    {
        try
        {
            return element.Deserialize<KnowledgeContentDocument>(Options)!;
        }
        catch (JsonException exception)
        {
            throw new KnowledgeImportException(source, line, $"the entry is not valid: {Reason(exception)}");
        }
    }

    private static int LineAt(byte[] bytes, long offset) => 1 + bytes.AsSpan(0, (int)offset).Count((byte)'\n');

    // The serializer's message ends with its own position and path, which the problem already says better.
    private static string Reason(JsonException exception) =>
        exception.Message.Split(" Path: ", 2)[0].Split(" LineNumber: ", 2)[0].Trim();
}
