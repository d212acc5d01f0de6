namespace Conversational.Bots.Turns;

/// <summary>Runs the rest of the pipeline. Not calling it short-circuits the turn.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>A step every turn passes through before the bot: logging, error boundary, the agent gate.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken);
}

/// <summary>The bot: decides and acts on one turn.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken);
}
