using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Security;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;customer token&gt;</c>, or <c>?access_token=</c> on the push stream, since a
/// browser's EventSource cannot set headers.
/// </summary>
public sealed class CustomerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CustomerTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!tokens.TryRead(token, out var customerId))
        {
            return Task.FromResult(AuthenticateResult.Fail("The customer token is invalid or has expired."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, customerId), new Claim(ClaimTypes.Role, Roles.Customer)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return Request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }
}
