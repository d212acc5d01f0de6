namespace Conversational.Knowledge.Understanding;

/// <summary>Tells Chinese from English text by its script: enough to answer in the customer's language.</summary>
public static class TextLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <returns><see cref="Chinese"/> if the text has any Han character, <see cref="English"/> if it has Latin letters, else null.</returns>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var latin = false;
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                return Chinese;
            }

            latin |= c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
        }

        return latin ? English : null;
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
