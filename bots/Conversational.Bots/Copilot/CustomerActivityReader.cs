using System.Collections.Concurrent;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Handoff.Copilot;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Escalation;
using Conversational.Skills.Installments;
using Conversational.Skills.Returns;

namespace Conversational.Bots.Copilot;

/// <summary>
/// What the product knows of a customer's spending and service history, for customer layering (客户分层) and offer rules:
/// <list type="bullet">
/// <item><c>SpendLast12Months</c>: the paid price × quantity of every order line placed in the last 12 months, cancelled
/// orders left out (the shop's orders, <see cref="OrderStore"/>).</item>
/// <item><c>OrdersLast12Months</c>: those orders, counted.</item>
/// <item><c>InstallmentPlansHeld</c>: the customer's cards whose latest statement is an installment plan (the bank's side,
/// <see cref="IInstallmentStore"/>, keeps the latest statement per card).</item>
/// <item><c>ComplaintsLast90Days</c>: conversations started in the last 90 days with a complaint threat flagged or a
/// message recognized as a complaint.</item>
/// <item><c>ContactsLast90Days</c>: conversations started in the last 90 days, this one included.</item>
/// </list>
/// Only the newest <see cref="ConversationsRead"/> conversations and <see cref="OrdersRead"/> orders are read. The figures move
/// slowly, so they are kept for <see cref="CacheFor"/> per customer: the copilot recomputes on every message and must stay
/// cheap; what changes within a chat (a complaint now) the copilot reads off the chat itself.
/// </summary>
public sealed class CustomerActivityReader(IConversationStore conversations, OrderStore orders, IInstallmentStore installments,
    TimeProvider time)
{
    public const int ConversationsRead = 50;
    public const int OrdersRead = 500;
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, CustomerActivity Activity)> _cache = new(StringComparer.Ordinal);

    public async Task<CustomerActivity> ReadAsync(CustomerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(profile.Id, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Activity with { Tier = profile.Tier, VipLevel = profile.VipLevel, Tags = profile.Tags };
        }

        var yearAgo = now.AddMonths(-12);
        var recentOrders = (await orders.ListByCustomerAsync(profile.Id, OrdersRead, cancellationToken))
            .Where(order => order.PlacedAt >= yearAgo && order.Status != OrderStatus.Cancelled)
            .ToList();
        var plans = (await installments.ListStatementsAsync(profile.Id, cancellationToken)).Count(statement => statement.AlreadyInstalled);

        var quarterAgo = now.AddDays(-90);
        var contacts = (await conversations.ListByCustomerAsync(profile.Id, ConversationsRead, cancellationToken))
            .Where(conversation => conversation.StartedAt >= quarterAgo)
            .ToList();
        var complaints = 0;
        foreach (var conversation in contacts)
        {
            var events = await conversations.ReadAsync(conversation.Id, 0, cancellationToken);
            if (events.Any(e => e.Event is EmotionFlagged { Kind: SignalKind.ComplaintThreat } or IntentRecognized { Intent: Intents.Complaint }))
            {
                complaints++;
            }
        }

        var activity = new CustomerActivity(profile.Id, profile.Tier, profile.VipLevel, profile.Tags,
            recentOrders.Sum(order => order.Items.Sum(item => item.PaidPrice * item.Quantity)), recentOrders.Count, plans, complaints,
            contacts.Count);
        _cache[profile.Id] = (now, activity);
        return activity;
    }
}
