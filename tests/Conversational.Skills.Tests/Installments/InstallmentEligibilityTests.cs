using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class InstallmentEligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly InstallmentProductTable Table = InstallmentProductTable.Default;

    [Fact]
    public void Check_NoAmount_ChecksTheWholeStatementBalance()
    {
        var result = InstallmentEligibility.Check(Statement(12_000m), Table, amount: null, Today);

        Assert.True(result.IsEligible);
        Assert.Empty(result.Refusals);
        Assert.Equal(12_000m, result.Amount);
        Assert.Equal(500m, result.MinimumAmount);
        Assert.Equal(12_000m, result.MaximumAmount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(8_000.50)]
    [InlineData(12_000)]
    public void Check_AmountFromTheMinimumToTheBalance_IsEligible(decimal amount)
    {
        var result = InstallmentEligibility.Check(Statement(12_000m), Table, amount, Today);

        Assert.True(result.IsEligible);
        Assert.Equal(amount, result.Amount);
    }

    [Fact]
    public void Check_OnTheDueDate_IsStillEligible()
    {
        var result = InstallmentEligibility.Check(Statement(12_000m), Table, amount: null, new DateOnly(2026, 11, 25));

        Assert.True(result.IsEligible);
    }

    [Fact]
    public void Check_AlreadyInstalledStatement_IsRefused()
    {
        var result = InstallmentEligibility.Check(Statement(8_800m) with { AlreadyInstalled = true }, Table, amount: null, Today);

        Assert.Equal([InstallmentRefusal.AlreadyInstalled], result.Refusals);
        Assert.False(result.IsEligible);
    }

    [Fact]
    public void Check_AfterTheDueDate_IsRefusedAsPastDue()
    {
        var result = InstallmentEligibility.Check(Statement(5_320m), Table, amount: null, new DateOnly(2026, 11, 26));

        Assert.Equal([InstallmentRefusal.StatementPastDue], result.Refusals);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-35.60)]
    public void Check_NothingOwed_IsRefusedWithNothingToInstallOnly(decimal balance)
    {
        var result = InstallmentEligibility.Check(Statement(balance), Table, amount: null, Today);

        Assert.Equal([InstallmentRefusal.NothingToInstall], result.Refusals);
        Assert.Equal(0m, result.MaximumAmount);
    }

    [Fact]
    public void Check_TinyBalance_IsRefusedAsBelowTheMinimum_WhichItReports()
    {
        var result = InstallmentEligibility.Check(Statement(236.50m), Table, amount: null, Today);

        Assert.Equal([InstallmentRefusal.BelowMinimum], result.Refusals);
        Assert.Equal(500m, result.MinimumAmount);
        Assert.Equal(236.50m, result.MaximumAmount);
    }

    [Fact]
    public void Check_AmountBelowTheMinimum_IsRefused()
    {
        var result = InstallmentEligibility.Check(Statement(12_000m), Table, 499.99m, Today);

        Assert.Equal([InstallmentRefusal.BelowMinimum], result.Refusals);
    }

    [Fact]
    public void Check_AmountAboveTheBalance_IsRefused()
    {
        var result = InstallmentEligibility.Check(Statement(12_000m), Table, 12_000.01m, Today);

        Assert.Equal([InstallmentRefusal.AboveStatementBalance], result.Refusals);
        Assert.Equal(12_000m, result.MaximumAmount);
    }

    [Fact]
    public void Check_LargeBalance_IsRefusedAsAboveTheMaximum_ButPartOfItIsAllowed()
    {
        var whole = InstallmentEligibility.Check(Statement(68_900m), Table, amount: null, Today);
        var part = InstallmentEligibility.Check(Statement(68_900m), Table, 50_000m, Today);

        Assert.Equal([InstallmentRefusal.AboveMaximum], whole.Refusals);
        Assert.Equal(50_000m, whole.MaximumAmount);
        Assert.True(part.IsEligible);
    }

    [Fact]
    public void Check_AmountAboveBothBalanceAndMaximum_GivesBothReasons()
    {
        var result = InstallmentEligibility.Check(Statement(40_000m), Table, 60_000m, Today);

        Assert.Equal([InstallmentRefusal.AboveStatementBalance, InstallmentRefusal.AboveMaximum], result.Refusals);
    }

    [Fact]
    public void Check_InstalledAndPastDue_GivesBothReasons()
    {
        var result = InstallmentEligibility.Check(Statement(5_000m) with { AlreadyInstalled = true }, Table, amount: null,
            new DateOnly(2026, 12, 1));

        Assert.Equal([InstallmentRefusal.AlreadyInstalled, InstallmentRefusal.StatementPastDue], result.Refusals);
    }

    [Fact]
    public void Check_FractionOfACent_Throws()
    {
        Assert.Throws<ArgumentException>("amount", () => InstallmentEligibility.Check(Statement(12_000m), Table, 600.005m, Today));
    }

    private static CardStatement Statement(decimal balance) => new(
        "card-test", "c1001", "4821", new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 25), balance,
        MinimumPayment: Math.Max(balance / 10m, 0m), CreditLimit: 80_000m, AlreadyInstalled: false);
}
