namespace Conversational.Knowledge.Understanding;

/// <summary>Turns a customer message into an <see cref="Understanding"/>; the product's is <see cref="ModelUnderstanding"/>.</summary>
public interface IUnderstanding
{
    Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken);
}
