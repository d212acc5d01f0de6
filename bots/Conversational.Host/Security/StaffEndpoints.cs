using System.Security.Claims;
using Conversational.Host.Channels.App;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Staff sign-in for the agent, supervisor, trainer and admin pages.</summary>
public static class StaffEndpoints
{
    public static WebApplication MapStaffEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var staff = app.MapGroup("/api/staff").WithTags("Staff");
        staff.MapPost("/login", LoginAsync).AllowAnonymous().WithSummary("Sign in with a username and password; sets the staff cookie.");
        staff.MapPost("/logout", (Delegate)LogoutAsync).RequireAuthorization(SecuritySchemes.StaffPolicy);
        staff.MapGet("/me", Me).RequireAuthorization(SecuritySchemes.StaffPolicy).WithSummary("The signed-in staff member.");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(HttpContext http, StaffDirectory directory,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<StaffLoginRequest>(http.Request, maxBytes: 4096, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var (username, password) = body.Value!;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return TypedResults.Problem("username and password are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var account = await directory.VerifyAsync(username, password, cancellationToken);
        if (account is null)
        {
            return TypedResults.Problem("Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Username),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(ClaimTypes.Role, account.Role),
        ], SecuritySchemes.StaffCookie);
        await http.SignInAsync(SecuritySchemes.StaffCookie, new ClaimsPrincipal(identity));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(SecuritySchemes.StaffCookie);
        return TypedResults.NoContent();
    }

    private static Ok<StaffMeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new StaffMeResponse(
        user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.FindFirstValue(ClaimTypes.Name)!, user.FindFirstValue(ClaimTypes.Role)!));
}
