using System.Security.Cryptography;
using System.Text;
using Conversational.Bots.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversational.Host.Channels.App;

/// <summary>
/// Signing in a known customer: the merchant's back end, which has logged the customer in, asks for a token with its
/// API key. A customer signed in this way is verified, so skills that need identity (账单分期) skip the one-time code.
/// </summary>
internal static class CustomerSessions
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static async Task<Results<Created<CustomerSession>, ProblemHttpResult>> StartAsync(HttpRequest request,
        [AsParameters] AppChannelServices services)
    {
        var options = services.Options.Value;
        if (!IsKnownKey(request.Headers[ApiKeyHeader].ToString(), options.SessionApiKeys))
        {
            return TypedResults.Problem($"A valid {ApiKeyHeader} is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await JsonBody.ReadAsync<StartCustomerSessionRequest>(request, options.MaxRequestBodyBytes, request.HttpContext.RequestAborted);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body.Value!.CustomerId))
        {
            return TypedResults.Problem("customerId is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var customer = await services.Customers.FindAsync(body.Value.CustomerId, request.HttpContext.RequestAborted);
        if (customer is null || customer.Tags.Contains(CustomerTags.Visitor))
        {
            return TypedResults.Problem($"Customer {body.Value.CustomerId} was not found.", statusCode: StatusCodes.Status404NotFound);
        }

        var (token, expiresAt) = services.Tokens.Issue(customer.Id, options.CustomerTokenLifetime);
        return TypedResults.Created((string?)null, new CustomerSession(customer.Id, token, expiresAt));
    }

    internal static bool IsKnownKey(string presented, string[] keys)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        // Every key is compared, in constant time, so the answer's timing says nothing about how close a guess was.
        var known = false;
        foreach (var key in keys.Where(k => k.Length > 0))
        {
            known |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        }

        return presented.Length > 0 && known;
    }
}
