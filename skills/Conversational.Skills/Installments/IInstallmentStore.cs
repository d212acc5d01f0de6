namespace Conversational.Skills.Installments;

/// <summary>The bank's side of bill installments: customers' latest card statements and the applications made on them.</summary>
public interface IInstallmentStore
{
    /// <summary>The latest statement of each of the customer's cards, in card order.</summary>
    Task<IReadOnlyList<CardStatement>> ListStatementsAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>The latest statement of the customer's card ending in <paramref name="last4"/>, or null.</summary>
    Task<CardStatement?> FindStatementAsync(string customerId, string last4, CancellationToken cancellationToken);

    /// <summary>
    /// Installs the application's statement, once: a statement has at most one application, so a retried or repeated request
    /// returns the first one and writes nothing. Marking the statement installed, keeping the application and announcing
    /// <see cref="InstallmentApproved"/> happen together or not at all.
    /// </summary>
    Task<InstallmentApplicationResult> ApplyAsync(InstallmentApplication application, CancellationToken cancellationToken);

    /// <summary>The application made on a statement, or null.</summary>
    Task<InstallmentApplication?> FindApplicationAsync(string cardId, DateOnly statementDate, CancellationToken cancellationToken);
}
