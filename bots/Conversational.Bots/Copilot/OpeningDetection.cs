using Conversational.Handoff.Copilot;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Copilot;

/// <summary>
/// 启齿率 from the text, with no click: after each agent message, which offers on the chat's shelf it pitched
/// (<see cref="PitchDetector"/>); after each customer message, their answer to the latest pitch still unanswered
/// (<see cref="OfferResponseClassifier"/>: a message that is neither yes nor no leaves it unanswered). Both also record the
/// offers the shelf shows as eligible. It runs once per message, where the message is stored (not per desk), outside the
/// turn lock, and the log is idempotent, so running it again records nothing new. A failure is logged and never fails the
/// message it follows.
/// </summary>
public sealed partial class OpeningDetection(CopilotInputsReader reader, CopilotShelf shelf, OfferLog log, TimeProvider time,
    ILogger<OpeningDetection> logger)
{
    public Task AfterAgentReplyAsync(string conversationId, string agentId, string text, CancellationToken cancellationToken) =>
        GuardAsync(conversationId, async () =>
        {
            if (await EligibleAsync(conversationId, agentId, cancellationToken) is not { } found)
            {
                return;
            }

            var (inputs, offers, pitched) = found;

            foreach (var offer in offers.Where(o => pitched.All(p => p.OfferId != o.Offer.Id) && PitchDetector.IsPitched(o.Offer, text)))
            {
                await log.RecordPitchAsync(new OfferPitch(conversationId, offer.Offer.Id, inputs.Profile.Id, agentId, offer.Script.Id,
                    time.GetUtcNow(), OfferResponse.NoAnswer), cancellationToken);
                LogPitched(conversationId, agentId, offer.Offer.Id);
            }
        });

    public Task AfterCustomerMessageAsync(string conversationId, string agentId, string text, CancellationToken cancellationToken) =>
        GuardAsync(conversationId, async () =>
        {
            if (await EligibleAsync(conversationId, agentId, cancellationToken) is not { } found)
            {
                return;
            }

            var pitched = found.Pitched;

            // The customer answers the pitch they heard last; an earlier one left unanswered stays so.
            if (pitched.MaxBy(p => p.PitchedAt) is { Response: OfferResponse.NoAnswer } latest
                && OfferResponseClassifier.Classify(text) is not OfferResponse.NoAnswer and var response)
            {
                await log.RecordPitchAsync(latest with { Response = response }, cancellationToken);
                LogAnswered(conversationId, latest.OfferId, response);
            }
        });

    /// <summary>Records what the shelf shows as eligible; returns it with the pitches of this chat, or null for an unknown chat.</summary>
    private async Task<(CopilotInputs Inputs, IReadOnlyList<ShelfOffer> Offers, IReadOnlyList<OfferPitch> Pitched)?> EligibleAsync(
        string conversationId, string agentId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(conversationId, cancellationToken) is not { } inputs)
        {
            return null;
        }

        var pitched = await log.ForConversationAsync(conversationId, cancellationToken);
        var view = await shelf.RankAsync(inputs, pitched, cancellationToken);
        if (view.Shelf.Offers.Count > 0)
        {
            await log.RecordEligibleAsync(conversationId, inputs.Profile.Id, agentId, [.. view.Shelf.Offers.Select(o => o.Offer.Id)],
                cancellationToken);
        }

        return (inputs, view.Shelf.Offers, pitched);
    }

    private async Task GuardAsync(string conversationId, Func<Task> detect)
    {
        try
        {
            await detect();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} pitched offer {OfferId} in {ConversationId}")]
    private partial void LogPitched(string conversationId, string agentId, string offerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The customer of {ConversationId} answered offer {OfferId}: {Response}")]
    private partial void LogAnswered(string conversationId, string offerId, OfferResponse response);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening detection failed for {ConversationId}")]
    private partial void LogFailed(Exception exception, string conversationId);
}
