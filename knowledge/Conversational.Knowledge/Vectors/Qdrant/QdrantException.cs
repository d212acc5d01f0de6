using System.Net;

namespace Conversational.Knowledge.Vectors.Qdrant;

/// <summary>Qdrant answered a request with an error status; the message carries Qdrant's own <c>status.error</c> text.</summary>
public sealed class QdrantException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
