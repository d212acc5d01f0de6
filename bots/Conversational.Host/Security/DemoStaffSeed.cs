using Conversational.Storage;

namespace Conversational.Host.Security;

/// <summary>One demo account per staff role; the README lists them. Change or remove them before going live.</summary>
public sealed class DemoStaffSeed(StaffDirectory staff) : IDemoSeed
{
    public static IReadOnlyList<(string Username, string DisplayName, string Role, string Password)> Accounts { get; } =
    [
        ("admin", "系统管理员", Roles.Admin, "Admin#2026"),
        ("supervisor", "质检主管 林", Roles.Supervisor, "Supervisor#2026"),
        ("trainer", "机器人训练师 周", Roles.Trainer, "Trainer#2026"),
        ("agent1", "坐席 小王", Roles.Agent, "Agent#2026"),
        ("agent2", "坐席 小李", Roles.Agent, "Agent#2026"),
        // The desk's other demo agents, one account per agent profile of the handoff demo roster.
        ("agent3", "坐席 小张", Roles.Agent, "Agent#2026"),
        ("agent4", "坐席 小刘", Roles.Agent, "Agent#2026"),
        ("agent5", "坐席 小陈", Roles.Agent, "Agent#2026"),
        ("agent6", "坐席 小赵", Roles.Agent, "Agent#2026"),
    ];

    public string Name => "demo-staff";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (username, displayName, role, password) in Accounts)
        {
            await staff.AddIfMissingAsync(username, displayName, role, password, cancellationToken);
        }
    }
}
