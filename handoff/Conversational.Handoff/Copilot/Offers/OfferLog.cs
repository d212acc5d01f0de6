using System.Data.Common;
using System.Globalization;
using Conversational.Storage;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// 启齿率 log, SQLite and PostgreSQL: one row per (conversation, offer). Every write is an idempotent upsert, so the desk
/// may record what it sees after each message without remembering what it recorded before.
/// </summary>
/// <remarks>
/// A row starts when the offer is eligible (shown on the shelf) or, if the desk never said so, when it is pitched. The
/// first pitch keeps its time, agent and script; a later answer replaces an earlier one, but "no answer" never erases an
/// answer. Statistics count rows by the time they became eligible.
/// </remarks>
public sealed class OfferLog(Database database, TimeProvider time)
{
    private const string NoAnswer = "no_answer";
    private const string Accepted = "accepted";
    private const string Declined = "declined";

    public async Task RecordEligibleAsync(string conversationId, string customerId, string agentId, IReadOnlyList<string> offerIds,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(offerIds);
        if (offerIds.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        foreach (var offerId in offerIds.Distinct(StringComparer.Ordinal))
        {
            await transaction.ExecuteAsync("""
                INSERT INTO copilot_offer_log (conversation_id, offer_id, customer_id, agent_id, eligible_at)
                VALUES (@conversation, @offer, @customer, @agent, @at)
                ON CONFLICT (conversation_id, offer_id) DO NOTHING
                """, cancellationToken,
                ("@conversation", conversationId), ("@offer", offerId), ("@customer", customerId), ("@agent", agentId), ("@at", now));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Inserts or updates the pitch; its response may move from no answer to accepted or declined.</summary>
    public async Task RecordPitchAsync(OfferPitch pitch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pitch);
        var pitchedAt = pitch.PitchedAt.ToUnixTimeMilliseconds();
        await database.ExecuteAsync("""
            INSERT INTO copilot_offer_log (conversation_id, offer_id, customer_id, agent_id, eligible_at, script_id, pitched_at, response)
            VALUES (@conversation, @offer, @customer, @agent, @at, @script, @at, @response)
            ON CONFLICT (conversation_id, offer_id) DO UPDATE SET
                agent_id = CASE WHEN copilot_offer_log.pitched_at IS NULL THEN excluded.agent_id ELSE copilot_offer_log.agent_id END,
                script_id = COALESCE(copilot_offer_log.script_id, excluded.script_id),
                pitched_at = COALESCE(copilot_offer_log.pitched_at, excluded.pitched_at),
                response = CASE WHEN excluded.response = @noAnswer THEN COALESCE(copilot_offer_log.response, excluded.response)
                                ELSE excluded.response END
            """, cancellationToken,
            ("@conversation", pitch.ConversationId), ("@offer", pitch.OfferId), ("@customer", pitch.CustomerId), ("@agent", pitch.AgentId),
            ("@at", pitchedAt), ("@script", pitch.ScriptId), ("@response", ToText(pitch.Response)), ("@noAnswer", NoAnswer));
    }

    /// <summary>Offer id → in how many conversations it was pitched to the customer since then (for frequency caps).</summary>
    public async Task<IReadOnlyDictionary<string, int>> PitchCountsAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT offer_id, COUNT(*) FROM copilot_offer_log
            WHERE customer_id = @customer AND pitched_at >= @since
            GROUP BY offer_id
            """, ("@customer", customerId), ("@since", since.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The conversation's pitches, first pitched first; offers only ever eligible are not among them.</summary>
    public async Task<IReadOnlyList<OfferPitch>> ForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT conversation_id, offer_id, customer_id, agent_id, script_id, pitched_at, response FROM copilot_offer_log
            WHERE conversation_id = @conversation AND pitched_at IS NOT NULL
            ORDER BY pitched_at, offer_id
            """, ("@conversation", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pitches = new List<OfferPitch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pitches.Add(new OfferPitch(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), FromText(reader.GetString(6))));
        }

        return pitches;
    }

    /// <summary>Opening rates of the offers that became eligible in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<OpeningStats> StatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => new(
        await RatesAsync("agent_id", from, to, cancellationToken),
        await RatesAsync("offer_id", from, to, cancellationToken),
        await RatesAsync("script_id", from, to, cancellationToken));

    // key is one of this class's column names, never input.
    private async Task<IReadOnlyList<OpeningRate>> RatesAsync(string key, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            SELECT {key}, COUNT(*), COUNT(pitched_at),
                   SUM(CASE WHEN response = @accepted THEN 1 ELSE 0 END), SUM(CASE WHEN response = @declined THEN 1 ELSE 0 END)
            FROM copilot_offer_log
            WHERE eligible_at >= @from AND eligible_at < @to AND {key} IS NOT NULL
            GROUP BY {key}
            """, ("@from", from.ToUnixTimeMilliseconds()), ("@to", to.ToUnixTimeMilliseconds()), ("@accepted", Accepted), ("@declined", Declined));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rates = new List<OpeningRate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rates.Add(new OpeningRate(reader.GetString(0), Count(reader, 1), Count(reader, 2), Count(reader, 3), Count(reader, 4)));
        }

        // Sorted here: the engines' collations order ids with dots and dashes differently.
        return [.. rates.OrderBy(rate => rate.Key, StringComparer.Ordinal)];
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = database.DataSource.CreateCommand(sql);
        Database.AddParameters(command, parameters);
        return command;
    }

    private static int Count(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string ToText(OfferResponse response) => response switch
    {
        OfferResponse.Accepted => Accepted,
        OfferResponse.Declined => Declined,
        _ => NoAnswer,
    };

    private static OfferResponse FromText(string text) => text switch
    {
        Accepted => OfferResponse.Accepted,
        Declined => OfferResponse.Declined,
        _ => OfferResponse.NoAnswer,
    };
}
