using System.Data.Common;
using System.Globalization;
using Conversational.Skills.Outbox;
using Conversational.Storage;

namespace Conversational.Skills.Installments;

/// <summary>
/// Card statements and installment applications in the installments area's tables. Money is kept in whole cents
/// (<c>BIGINT</c>), dates as ISO <c>yyyy-MM-dd</c> text and instants as ISO 8601 text, the same on SQLite and PostgreSQL.
/// </summary>
public sealed class SqlInstallmentStore(Database database, DomainEventOutbox outbox) : IInstallmentStore
{
    public static readonly SchemaMigration Schema = new("installments", 1, "card statements and installment applications", _ => """
        CREATE TABLE card_statements (
            card_id TEXT NOT NULL,
            statement_date TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            last4 TEXT NOT NULL,
            due_date TEXT NOT NULL,
            balance_cents BIGINT NOT NULL,
            minimum_payment_cents BIGINT NOT NULL,
            credit_limit_cents BIGINT NOT NULL,
            installed BOOLEAN NOT NULL,
            PRIMARY KEY (card_id, statement_date)
        );
        CREATE INDEX ix_card_statements_customer ON card_statements (customer_id, last4);
        CREATE TABLE installment_applications (
            id TEXT PRIMARY KEY,
            request_key TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            card_id TEXT NOT NULL,
            last4 TEXT NOT NULL,
            statement_date TEXT NOT NULL,
            amount_cents BIGINT NOT NULL,
            periods INTEGER NOT NULL,
            fee_per_period_cents BIGINT NOT NULL,
            total_fee_cents BIGINT NOT NULL,
            annualized_rate_bp INTEGER NOT NULL,
            first_due_date TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            UNIQUE (card_id, statement_date),
            FOREIGN KEY (card_id, statement_date) REFERENCES card_statements (card_id, statement_date)
        );
        CREATE INDEX ix_installment_applications_customer ON installment_applications (customer_id);
        """);

    private const string StatementColumns =
        "card_id, customer_id, last4, statement_date, due_date, balance_cents, minimum_payment_cents, credit_limit_cents, installed";

    // A card's statements pile up month by month; only its latest can be installed.
    private const string LatestStatements = $"""
        SELECT {StatementColumns} FROM card_statements s
        WHERE customer_id = @customer
          AND statement_date = (SELECT MAX(l.statement_date) FROM card_statements l WHERE l.card_id = s.card_id)
        """;

    private const string ApplicationColumns =
        "id, request_key, conversation_id, customer_id, card_id, last4, statement_date, amount_cents, periods, fee_per_period_cents, " +
        "total_fee_cents, annualized_rate_bp, first_due_date, applied_at";

    public async Task<IReadOnlyList<CardStatement>> ListStatementsAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"{LatestStatements} ORDER BY card_id");
        Database.AddParameters(command, ("@customer", customerId));
        return await ReadStatementsAsync(command, cancellationToken);
    }

    public async Task<CardStatement?> FindStatementAsync(string customerId, string last4, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"{LatestStatements} AND last4 = @last4 ORDER BY card_id");
        Database.AddParameters(command, ("@customer", customerId), ("@last4", last4));
        return (await ReadStatementsAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Adds a statement unless one of that card and date is already there (demo data and imports).</summary>
    /// <returns>True if it was added.</returns>
    public async Task<bool> AddStatementIfMissingAsync(CardStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return await database.ExecuteAsync(
            $"""
            INSERT INTO card_statements ({StatementColumns})
            VALUES (@card, @customer, @last4, @statement, @due, @balance, @minimum, @limit, @installed)
            ON CONFLICT (card_id, statement_date) DO NOTHING
            """,
            cancellationToken,
            ("@card", statement.CardId), ("@customer", statement.CustomerId), ("@last4", statement.Last4),
            ("@statement", Date(statement.StatementDate)), ("@due", Date(statement.DueDate)),
            ("@balance", ToCents(statement.StatementBalance)), ("@minimum", ToCents(statement.MinimumPayment)),
            ("@limit", ToCents(statement.CreditLimit)),
            ("@installed", statement.AlreadyInstalled)) == 1;
    }

    public async Task<InstallmentApplicationResult> ApplyAsync(InstallmentApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        if (await FindApplicationAsync(write, application.CardId, application.StatementDate, cancellationToken) is { } first)
        {
            return new InstallmentApplicationResult(InstallmentApplicationStatus.AlreadyApplied, first);
        }

        // The row lock taken here orders concurrent requests for one statement: on PostgreSQL a second request waits for the
        // first to commit, then finds the statement installed and reads the first application below.
        var marked = await write.ExecuteAsync(
            """
            UPDATE card_statements SET installed = @installed
            WHERE card_id = @card AND statement_date = @statement AND customer_id = @customer AND installed = @notInstalled
            """,
            cancellationToken,
            ("@installed", true), ("@notInstalled", false), ("@card", application.CardId),
            ("@statement", Date(application.StatementDate)), ("@customer", application.CustomerId));
        if (marked == 0)
        {
            return await FindApplicationAsync(write, application.CardId, application.StatementDate, cancellationToken) is { } earlier
                ? new InstallmentApplicationResult(InstallmentApplicationStatus.AlreadyApplied, earlier)
                : new InstallmentApplicationResult(InstallmentApplicationStatus.StatementUnavailable, null);
        }

        await write.ExecuteAsync(
            $"""
            INSERT INTO installment_applications ({ApplicationColumns})
            VALUES (@id, @key, @conversation, @customer, @card, @last4, @statement, @amount, @periods, @fee, @totalFee, @rate,
                @firstDue, @at)
            """,
            cancellationToken,
            ("@id", application.Id), ("@key", application.RequestKey), ("@conversation", application.ConversationId),
            ("@customer", application.CustomerId), ("@card", application.CardId), ("@last4", application.Last4),
            ("@statement", Date(application.StatementDate)), ("@amount", ToCents(application.Amount)), ("@periods", application.Periods),
            ("@fee", ToCents(application.FeePerPeriod)), ("@totalFee", ToCents(application.TotalFee)),
            ("@rate", ToBasisPoints(application.AnnualizedRate)), ("@firstDue", Date(application.FirstDueDate)),
            ("@at", application.AppliedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        await outbox.AddAsync(write, application.CustomerId, InstallmentApproved.For(application), application.AppliedAt,
            cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new InstallmentApplicationResult(InstallmentApplicationStatus.Applied, application);
    }

    public async Task<InstallmentApplication?> FindApplicationAsync(string cardId, DateOnly statementDate,
        CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(ApplicationQuery);
        Database.AddParameters(command, ("@card", cardId), ("@statement", Date(statementDate)));
        return await ReadApplicationAsync(command, cancellationToken);
    }

    private const string ApplicationQuery =
        $"SELECT {ApplicationColumns} FROM installment_applications WHERE card_id = @card AND statement_date = @statement";

    private static async Task<InstallmentApplication?> FindApplicationAsync(WriteTransaction write, string cardId, DateOnly statementDate,
        CancellationToken cancellationToken)
    {
        await using var command = write.CreateCommand(ApplicationQuery, ("@card", cardId), ("@statement", Date(statementDate)));
        return await ReadApplicationAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<CardStatement>> ReadStatementsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statements = new List<CardStatement>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statements.Add(new CardStatement(reader.GetString(0), reader.GetString(1), reader.GetString(2), ParseDate(reader.GetString(3)),
                ParseDate(reader.GetString(4)), FromCents(reader.GetInt64(5)), FromCents(reader.GetInt64(6)), FromCents(reader.GetInt64(7)),
                reader.GetBoolean(8)));
        }

        return statements;
    }

    private static async Task<InstallmentApplication?> ReadApplicationAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new InstallmentApplication(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetString(4), reader.GetString(5), ParseDate(reader.GetString(6)), FromCents(reader.GetInt64(7)), reader.GetInt32(8),
            FromCents(reader.GetInt64(9)), FromCents(reader.GetInt64(10)), reader.GetInt32(11) / 10_000m, ParseDate(reader.GetString(12)),
            DateTimeOffset.Parse(reader.GetString(13), CultureInfo.InvariantCulture));
    }

    private static long ToCents(decimal yuan)
    {
        Cents.ThrowIfNotWhole(yuan, nameof(yuan));
        return (long)(yuan * 100m);
    }

    private static decimal FromCents(long cents) => cents / 100m;

    // Annualized rates are fractions with 4 decimals: 0.1303 is 1,303 basis points.
    private static int ToBasisPoints(decimal rate) => (int)Math.Round(rate * 10_000m, MidpointRounding.AwayFromZero);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
