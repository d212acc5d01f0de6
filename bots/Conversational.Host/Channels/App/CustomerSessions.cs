using Conversational.Bots.Customers;
using Conversational.Host.Security;
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
        if (!SharedSecrets.IsKnown(request.Headers[ApiKeyHeader].ToString(), options.SessionApiKeys))
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
}
