using Conversational.Handoff.Copilot;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Copilot;

/// <summary>
/// Records 启齿率 with no click: after each agent message and each customer message in an agent's chat, the offers the
/// shelf shows as eligible, and what <see cref="OfferOpenings"/> reads off the chat (new pitches, answers to them) into the
/// <see cref="OfferLog"/>. It runs once per message where the message is stored (not once per open desk), outside the turn
/// lock; the log is idempotent and the reading replayed, so running it twice records nothing new. A failure is logged and
/// never fails the message it follows.
/// </summary>
public sealed partial class OpeningDetection(CopilotInputsReader reader, CopilotShelf shelf, OfferLog log, ILogger<OpeningDetection> logger)
    : IDisposable
{
    private const int MaxRemembered = 20_000;
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(30);

    // Per chat, the eligible offers this host last recorded: most messages change nothing on the shelf, and the write
    // they would repeat is the costliest part of a message's detection. Forgetting one only means writing it again.
    private readonly MemoryCache _recorded = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    public async Task ObserveAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await RecordAsync(conversationId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, conversationId);
        }
    }

    private async Task RecordAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(conversationId, cancellationToken) is not { Facts.AgentId: { } agentId } inputs)
        {
            return;
        }

        var logged = await log.ForConversationAsync(conversationId, cancellationToken);
        var view = await shelf.RankAsync(inputs, logged, cancellationToken);
        var eligible = string.Join(' ', view.Shelf.Offers.Select(o => o.Offer.Id).Order(StringComparer.Ordinal));
        if (eligible.Length > 0 && !(_recorded.TryGetValue(conversationId, out string? known) && known == $"{agentId} {eligible}"))
        {
            await log.RecordEligibleAsync(conversationId, inputs.Profile.Id, agentId, [.. view.Shelf.Offers.Select(o => o.Offer.Id)],
                cancellationToken);
            _recorded.Set(conversationId, $"{agentId} {eligible}", new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = RememberFor });
        }

        foreach (var pitch in OfferOpenings.Read(inputs, OfferOpenings.Candidates(inputs.Catalog, view.Shelf, logged)))
        {
            var earlier = logged.FirstOrDefault(p => p.OfferId == pitch.OfferId);
            if (earlier is null)
            {
                await log.RecordPitchAsync(pitch, cancellationToken);
                LogPitched(conversationId, pitch.AgentId, pitch.OfferId);
            }
            else if (earlier.Response == OfferResponse.NoAnswer && pitch.Response != OfferResponse.NoAnswer)
            {
                await log.RecordPitchAsync(earlier with { Response = pitch.Response }, cancellationToken);
                LogAnswered(conversationId, pitch.OfferId, pitch.Response);
            }
        }
    }

    public void Dispose() => _recorded.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} pitched offer {OfferId} in {ConversationId}")]
    private partial void LogPitched(string conversationId, string agentId, string offerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The customer of {ConversationId} answered offer {OfferId}: {Response}")]
    private partial void LogAnswered(string conversationId, string offerId, OfferResponse response);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening detection failed for {ConversationId}")]
    private partial void LogFailed(Exception exception, string conversationId);
}
