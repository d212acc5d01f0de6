namespace Conversational.Knowledge.Understanding;

/// <summary>Turns a customer message into an <see cref="Understanding"/>. The seam where the trained intent model plugs in.</summary>
public interface IUnderstanding
{
    Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken);
}
