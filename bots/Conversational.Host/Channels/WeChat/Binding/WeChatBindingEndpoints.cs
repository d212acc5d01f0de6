using Conversational.Bots.Customers;
using Conversational.Host.Channels.App;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat.Binding;

/// <summary>A bind request from the merchant's back end, after the member signed in on its H5 page.</summary>
public sealed record WeChatBindingRequest(string? OpenId, string? CustomerId);

/// <summary>The binding as stored.</summary>
public sealed record WeChatBinding(string OpenId, string CustomerId);

/// <summary>
/// <c>POST /api/wechat/bindings</c> binds a follower's OpenID to a known customer, <c>DELETE
/// /api/wechat/bindings/{openId}</c> unbinds it; both with an <c>X-Api-Key</c> from <c>WeChat:BindingApiKeys</c>, as the
/// merchant's back end signs customers in for the app API.
/// </summary>
public static class WeChatBindingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var bindings = app.MapGroup("/api/wechat/bindings").AllowAnonymous().WithTags("WeChat");
        bindings.MapPost("/", BindAsync)
            .WithSummary("Binds a follower's OpenID to a customer (公众号绑定会员); X-Api-Key required.");
        bindings.MapDelete("/{openId}", UnbindAsync)
            .WithSummary("Unbinds a follower's OpenID; they are a WeChat visitor again. X-Api-Key required.");
    }

    private static async Task<Results<Created<WeChatBinding>, ProblemHttpResult>> BindAsync(HttpRequest request, WeChatBindings bindings,
        ICustomerDirectory customers, IOptions<WeChatOptions> options, CancellationToken cancellationToken)
    {
        if (Unauthorized(request, options.Value) is { } unauthorized)
        {
            return unauthorized;
        }

        var (body, problem) = await JsonBody.ReadAsync<WeChatBindingRequest>(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.OpenId) || string.IsNullOrWhiteSpace(body.CustomerId))
        {
            return TypedResults.Problem("openId and customerId are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Only a member the merchant knows: a visitor profile (wechat:…, anonymous web) is nobody to bind to.
        var customer = await customers.FindAsync(body.CustomerId, cancellationToken);
        if (customer is null || customer.Tags.Contains(CustomerTags.Visitor))
        {
            return TypedResults.Problem($"Customer {body.CustomerId} was not found.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await bindings.AddAsync(body.OpenId, customer.Id, cancellationToken) == BindingOutcome.BoundToAnother)
        {
            return TypedResults.Problem($"OpenID {body.OpenId} is bound to another customer; unbind it first.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Created((string?)null, new WeChatBinding(body.OpenId, customer.Id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnbindAsync(string openId, HttpRequest request, WeChatBindings bindings,
        IOptions<WeChatOptions> options, CancellationToken cancellationToken)
    {
        if (Unauthorized(request, options.Value) is { } unauthorized)
        {
            return unauthorized;
        }

        return await bindings.RemoveAsync(openId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"OpenID {openId} is not bound.", statusCode: StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult? Unauthorized(HttpRequest request, WeChatOptions options) =>
        SharedSecrets.IsKnown(request.Headers[CustomerSessions.ApiKeyHeader].ToString(), options.BindingApiKeys)
            ? null
            : TypedResults.Problem($"A valid {CustomerSessions.ApiKeyHeader} is required.", statusCode: StatusCodes.Status401Unauthorized);
}
