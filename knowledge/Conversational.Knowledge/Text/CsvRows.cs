using System.Text;

namespace Conversational.Knowledge.Text;

/// <summary>
/// The rows of a CSV text (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks; a leading BOM is
/// skipped), each with the line it starts on. Problems throw <see cref="InvalidDataException"/> as <c>source:line: …</c>.
/// </summary>
public static class CsvRows
{
    /// <param name="source">Names the text in error messages (the file name).</param>
    public static IEnumerable<(int Line, List<string> Fields)> Read(string content, string source)
    {
        var index = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        while (index < content.Length)
        {
            var rowLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var endOfRow = false;
            while (!endOfRow)
            {
                if (index < content.Length && content[index] == '"')
                {
                    index++;
                    while (true)
                    {
                        if (index >= content.Length)
                        {
                            throw new InvalidDataException($"{source}:{rowLine}: a quoted field is never closed.");
                        }

                        var c = content[index++];
                        if (c == '"')
                        {
                            if (index < content.Length && content[index] == '"')
                            {
                                field.Append('"');
                                index++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    if (index < content.Length && content[index] is not (',' or '\r' or '\n'))
                    {
                        throw new InvalidDataException($"{source}:{line}: unexpected text after a closing quote.");
                    }
                }
                else
                {
                    while (index < content.Length && content[index] is not (',' or '\r' or '\n'))
                    {
                        if (content[index] == '"')
                        {
                            throw new InvalidDataException($"{source}:{line}: a quote inside an unquoted field.");
                        }

                        field.Append(content[index++]);
                    }
                }

                fields.Add(field.ToString());
                field.Clear();
                if (index >= content.Length)
                {
                    endOfRow = true;
                }
                else if (content[index] == ',')
                {
                    index++;
                }
                else
                {
                    if (content[index] == '\r')
                    {
                        index++;
                    }

                    if (index < content.Length && content[index] == '\n')
                    {
                        index++;
                    }

                    line++;
                    endOfRow = true;
                }
            }

            yield return (rowLine, fields);
        }
    }
}
