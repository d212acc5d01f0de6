using Conversational.Knowledge.Understanding;
using Conversational.Testing;

namespace Conversational.Bots.Tests;

/// <summary>Real understanding that can be made to throw, to drive the error boundary.</summary>
public sealed class SwitchableUnderstanding : IUnderstanding
{
    private readonly DemoUnderstanding _inner = new();

    public bool Failing { get; set; }

    public Task<Understanding> UnderstandAsync(string text, CancellationToken cancellationToken) => Failing
        ? throw new InvalidOperationException("understanding is down")
        : _inner.UnderstandAsync(text, cancellationToken);
}
