using System.Text.Json.Serialization;

namespace Conversational.Skills.Installments;

/// <summary>What asking the bank to install a statement came to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstallmentApplicationStatus>))]
public enum InstallmentApplicationStatus
{
    /// <summary>This request installed the statement.</summary>
    Applied,

    /// <summary>The statement already had an application (a retry, or a second confirmation); that first one is returned.</summary>
    AlreadyApplied,

    /// <summary>The statement is unknown, someone else's, or was installed outside this service; nothing was written.</summary>
    StatementUnavailable,
}
