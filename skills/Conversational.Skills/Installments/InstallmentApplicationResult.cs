namespace Conversational.Skills.Installments;

/// <summary>The outcome of <see cref="IInstallmentStore.ApplyAsync"/>.</summary>
/// <param name="Application">The statement's one application (this request's or the first one); null when
/// <paramref name="Status"/> is <see cref="InstallmentApplicationStatus.StatementUnavailable"/>.</param>
public sealed record InstallmentApplicationResult(InstallmentApplicationStatus Status, InstallmentApplication? Application);
