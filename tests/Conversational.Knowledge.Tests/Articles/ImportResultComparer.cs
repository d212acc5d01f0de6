using Conversational.Knowledge.Articles;

namespace Conversational.Knowledge.Tests.Articles;

/// <summary>Import results compared by the ids in each list, in order.</summary>
internal sealed class ImportResultComparer : IEqualityComparer<KnowledgeImportResult>
{
    public static readonly ImportResultComparer Instance = new();

    public bool Equals(KnowledgeImportResult? x, KnowledgeImportResult? y) =>
        x is not null && y is not null &&
        x.Created.SequenceEqual(y.Created) && x.Updated.SequenceEqual(y.Updated) && x.Unchanged.SequenceEqual(y.Unchanged);

    public int GetHashCode(KnowledgeImportResult obj) => obj.Created.Count;
}
