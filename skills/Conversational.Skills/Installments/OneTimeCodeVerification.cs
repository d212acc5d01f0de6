namespace Conversational.Skills.Installments;

/// <summary>The result of one attempt: the outcome to explain and the state to store back in the dialog slots.</summary>
public sealed record OneTimeCodeVerification(OneTimeCodeOutcome Outcome, OneTimeCodeState State)
{
    public bool IsVerified => Outcome == OneTimeCodeOutcome.Verified;

    /// <summary>Wrong codes that may still be entered before the challenge locks.</summary>
    public int AttemptsLeft => State.Status == OneTimeCodeStatus.Pending ? OneTimeCodeChallenge.MaxFailures - State.FailedAttempts : 0;
}
