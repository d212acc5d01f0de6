namespace Conversational.Skills.Installments;

/// <summary>Delivers a one-time code to the phone on file for a customer's card (SMS in production, the log in the demo).</summary>
public interface IOneTimeCodeSender
{
    Task SendAsync(string customerId, string last4, string code, CancellationToken cancellationToken);
}
