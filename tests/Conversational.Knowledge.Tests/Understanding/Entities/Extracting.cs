using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

/// <summary>One extractor and one fixed "today" for every entity test: Wednesday 18 November 2026.</summary>
internal static class Extracting
{
    public static readonly DateOnly Today = new(2026, 11, 18);

    private static readonly EntityExtractor Extractor = new();

    public static IReadOnlyList<Entity> From(string text) => Extractor.Extract(text, Today);

    public static T Single<T>(string text) where T : EntityValue =>
        Assert.IsType<T>(Assert.Single(From(text)).Value);

    public static IEnumerable<T> All<T>(string text) where T : EntityValue => From(text).Select(entity => entity.Value).OfType<T>();
}
