using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;

namespace Conversational.Host.Desk;

/// <summary>
/// Who may use the desk's API and the copilot beside it. Both schemes authenticate, so a customer's token is recognized
/// and refused (403) rather than taken for nobody.
/// </summary>
public static class DeskPolicies
{
    /// <summary>Reads a chat: agents (the chat offered or assigned to them), supervisors and admins.</summary>
    public static AuthorizationPolicy Readers { get; } = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin)
        .Build();

    /// <summary>Acts on a chat: agents only (the chat assigned to them).</summary>
    public static AuthorizationPolicy Agents { get; } = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent)
        .Build();
}
