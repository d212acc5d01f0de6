using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

/// <summary>The demo bank in memory, for dialog tests: the same answers as the SQL store on the demo day, no database.</summary>
internal sealed class InMemoryInstallmentStore : IInstallmentStore
{
    private readonly Lock _lock = new();
    private readonly List<CardStatement> _statements = [.. DemoCards.Load().Cards];
    private readonly List<InstallmentApplication> _applications = [];

    public IReadOnlyList<InstallmentApplication> Applications
    {
        get
        {
            lock (_lock)
            {
                return [.. _applications];
            }
        }
    }

    public Task<IReadOnlyList<CardStatement>> ListStatementsAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<CardStatement> statements = [.. _statements.Where(s => s.CustomerId == customerId).OrderBy(s => s.CardId)];
            return Task.FromResult(statements);
        }
    }

    public async Task<CardStatement?> FindStatementAsync(string customerId, string last4, CancellationToken cancellationToken) =>
        (await ListStatementsAsync(customerId, cancellationToken)).FirstOrDefault(s => s.Last4 == last4);

    public Task<InstallmentApplicationResult> ApplyAsync(InstallmentApplication application, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_applications.Find(a => a.CardId == application.CardId && a.StatementDate == application.StatementDate) is { } first)
            {
                return Task.FromResult(new InstallmentApplicationResult(InstallmentApplicationStatus.AlreadyApplied, first));
            }

            var index = _statements.FindIndex(s => s.CardId == application.CardId && s.StatementDate == application.StatementDate
                && s.CustomerId == application.CustomerId && !s.AlreadyInstalled);
            if (index < 0)
            {
                return Task.FromResult(new InstallmentApplicationResult(InstallmentApplicationStatus.StatementUnavailable, null));
            }

            _statements[index] = _statements[index] with { AlreadyInstalled = true };
            _applications.Add(application);
            return Task.FromResult(new InstallmentApplicationResult(InstallmentApplicationStatus.Applied, application));
        }
    }

    public Task<InstallmentApplication?> FindApplicationAsync(string cardId, DateOnly statementDate, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_applications.Find(a => a.CardId == cardId && a.StatementDate == statementDate));
        }
    }
}
