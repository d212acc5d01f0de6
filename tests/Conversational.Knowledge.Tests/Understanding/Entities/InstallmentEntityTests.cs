using Conversational.Knowledge.Understanding.Entities;

namespace Conversational.Knowledge.Tests.Understanding.Entities;

public sealed class InstallmentEntityTests
{
    [Theory]
    [InlineData("这期账单能分12期吗", 12)]
    [InlineData("我想分12个月还", 12)]
    [InlineData("分十二期", 12)]
    [InlineData("分二十四期手续费多少", 24)]
    [InlineData("分三个月", 3)]
    [InlineData("6期免息吗", 6)]
    [InlineData("分 ６ 期", 6)]
    [InlineData("分十二期嗎", 12)]
    public void Extract_ChinesePeriods_AreTheInstallmentCount(string text, int count) =>
        Assert.Equal(new InstallmentPeriods(count), Extracting.Single<InstallmentPeriods>(text));

    [Theory]
    [InlineData("can I pay in 6 installments", 6)]
    [InlineData("12 months please", 12)]
    [InlineData("a 24-month instalment plan", 24)]
    [InlineData("split it into twelve monthly payments", 12)]
    [InlineData("Three installments", 3)]
    public void Extract_EnglishPeriods_AreTheInstallmentCount(string text, int count) =>
        Assert.Equal(new InstallmentPeriods(count), Extracting.Single<InstallmentPeriods>(text));

    [Theory]
    [InlineData("第3期还了吗")]
    [InlineData("第十二期")]
    [InlineData("这期账单多少")]
    [InlineData("本期还款日")]
    [InlineData("I opened it 12 months ago")]
    [InlineData("分1期")]
    [InlineData("分99期")]
    [InlineData("12期间")]
    public void Extract_PeriodsThatAreNotAPlan_AreNotInstallments(string text) =>
        Assert.Empty(Extracting.All<InstallmentPeriods>(text));
}
