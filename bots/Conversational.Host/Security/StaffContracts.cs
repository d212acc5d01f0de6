namespace Conversational.Host.Security;

public sealed record StaffLoginRequest(string? Username, string? Password);

/// <summary>The signed-in staff member.</summary>
public sealed record StaffMeResponse(string Username, string DisplayName, string Role);
