namespace Conversational.Host.Security;

/// <summary>Who may do what. Customers come with a customer token; staff sign in with a password.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Trainer = "trainer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> Staff { get; } = [Agent, Supervisor, Trainer, Admin];
}

/// <summary>Authentication schemes and authorization policies by name.</summary>
public static class SecuritySchemes
{
    public const string CustomerToken = "CustomerToken";
    public const string StaffCookie = "StaffCookie";

    public const string CustomerPolicy = "Customer";
    public const string StaffPolicy = "Staff";
}
