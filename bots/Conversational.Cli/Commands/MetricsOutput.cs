using System.Globalization;
using System.Text.Json;

namespace Conversational.Cli.Commands;

/// <summary>
/// How the measuring commands print a result: one JSON object on one line, the stable contract of DESIGN §15 that
/// reports quote, or <c>name: value</c> lines for people. Counts come first, measures are rounded to four places, and
/// <c>folds</c> closes a cross-validation.
/// </summary>
internal static class MetricsOutput
{
    public static void Write(
        IReadOnlyList<(string Name, int Value)> counts, IReadOnlyList<(string Name, double Value)> measures, int? folds, bool json)
    {
        if (!json)
        {
            foreach (var (name, value) in counts)
            {
                Console.WriteLine($"{name}: {value}");
            }

            foreach (var (name, value) in measures)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Math.Round(value, 4)}"));
            }

            if (folds is { } count)
            {
                Console.WriteLine($"folds: {count}");
            }

            return;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in counts)
            {
                writer.WriteNumber(name, value);
            }

            foreach (var (name, value) in measures)
            {
                writer.WriteNumber(name, Math.Round(value, 4));
            }

            if (folds is { } count)
            {
                writer.WriteNumber("folds", count);
            }

            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
