using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Matching;

public sealed class ScriptVariablesTests
{
    [Fact]
    public void Names_AreEachVariableOnce_InOrderOfFirstUse() =>
        Assert.Equal(["customer_name", "amount", "periods"], ScriptVariables.Names("{customer_name}，{amount}分{periods}期；{amount}"));

    [Fact]
    public void Fill_ReplacesKnownValues_AndLeavesMissingOrEmptyOnesVisible()
    {
        var filled = ScriptVariables.Fill("{customer_name}，账单{amount}分{periods}期",
            new Dictionary<string, string> { ["customer_name"] = "陈静", ["periods"] = " " });

        Assert.Equal("陈静，账单{amount}分{periods}期", filled);
    }

    [Fact]
    public void Fill_DoesNotReadVariablesInsideAValue() =>
        Assert.Equal("{amount} 元", ScriptVariables.Fill("{product} 元", new Dictionary<string, string> { ["product"] = "{amount}", ["amount"] = "¥1" }));
}
