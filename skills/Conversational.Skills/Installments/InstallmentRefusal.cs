using System.Text.Json.Serialization;

namespace Conversational.Skills.Installments;

/// <summary>Why a statement or an amount cannot be installed; each one is something the bot can explain.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstallmentRefusal>))]
public enum InstallmentRefusal
{
    /// <summary>This statement is already an installment plan; periods and amount cannot change after success.</summary>
    AlreadyInstalled,

    /// <summary>Today is after the due date; the statement must be repaid instead.</summary>
    StatementPastDue,

    /// <summary>The statement balance is zero or negative.</summary>
    NothingToInstall,

    /// <summary>The amount is below the table's minimum (<see cref="InstallmentEligibilityResult.MinimumAmount"/>).</summary>
    BelowMinimum,

    /// <summary>The amount is more than the statement balance.</summary>
    AboveStatementBalance,

    /// <summary>The amount is above the table's maximum.</summary>
    AboveMaximum,
}
