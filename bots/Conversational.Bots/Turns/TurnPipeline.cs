namespace Conversational.Bots.Turns;

/// <summary>The middleware in registration order, then the bot.</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, IBot bot)
{
    private readonly ITurnMiddleware[] _middleware = [.. middleware];

    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => RunFromAsync(0, context, cancellationToken);

    private Task RunFromAsync(int index, TurnContext context, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(context, ct => RunFromAsync(index + 1, context, ct), cancellationToken)
            : bot.OnTurnAsync(context, cancellationToken);
}
