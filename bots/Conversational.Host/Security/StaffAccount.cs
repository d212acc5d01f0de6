namespace Conversational.Host.Security;

/// <summary>A person who signs in to the staff pages. <paramref name="Role"/> is one of <see cref="Roles.Staff"/>.</summary>
public sealed record StaffAccount(string Username, string DisplayName, string Role, string PasswordHash);
