namespace Conversational.Skills.Installments;

/// <summary>What a customer may ask in the middle of the installment dialog; each is answered from the domain.</summary>
internal enum InstallmentQuestion
{
    /// <summary>提前还款要手续费吗</summary>
    EarlyPayoff,

    /// <summary>年化利率是多少</summary>
    AnnualizedRate,

    /// <summary>会占用额度吗</summary>
    CreditLimit,

    /// <summary>办了以后能改吗</summary>
    Changes,

    /// <summary>手续费怎么算</summary>
    Fee,
}
