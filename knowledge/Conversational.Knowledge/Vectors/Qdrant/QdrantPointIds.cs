using System.Security.Cryptography;
using System.Text;

namespace Conversational.Knowledge.Vectors.Qdrant;

/// <summary>
/// Qdrant point ids must be unsigned integers or UUIDs, ours are strings (e.g. <c>faq-42#0</c>): each maps to a
/// name-based UUID (version 5, SHA-1, RFC 9562) so the same id always lands on the same point, and the original id
/// travels in the payload under <see cref="PayloadKey"/> to come back with search results.
/// </summary>
public static class QdrantPointIds
{
    /// <summary>The payload key that holds our string id.</summary>
    public const string PayloadKey = "source_id";

    /// <summary>The namespace of our ids (a fixed random UUID), so they cannot collide with other name-based UUIDs.</summary>
    private static readonly Guid Namespace = new("6f1d3c2a-58b4-4e0f-9a51-0c8e7d2b4a19");

    public static Guid ToUuid(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> name = stackalloc byte[16 + Encoding.UTF8.GetByteCount(id)];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(id, name[16..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
