namespace Conversational.Handoff.Assignment;

/// <summary>Which agent a waiting customer is offered to (分配策略). Pure.</summary>
public static class AssignmentPolicy
{
}
