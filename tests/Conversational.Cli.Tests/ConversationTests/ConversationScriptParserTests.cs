using Conversational.Cli.ConversationTests;

namespace Conversational.Cli.Tests.ConversationTests;

public sealed class ConversationScriptParserTests
{
    [Fact]
    public void A_script_reads_its_steps_and_defaults()
    {
        var script = ConversationScriptParser.Parse("a.yaml", """
            steps:
              - user: 你好
                contains: 您好
              - agent: takes_over
                id: agent2
              - wait: PT6M
              - user: hi
                contains: [Hello, help]
                facts: DisclosuresPresented
            """);

        Assert.Equal(("a", "c1003", "app", "zh-CN"), (script.Name, script.Customer, script.Channel, script.Locale));
        Assert.Equal(ConversationScriptParser.DemoNow, script.Now);
        Assert.Equal(["您好"], Assert.IsType<UserStep>(script.Steps[0]).Expect.Contains);
        Assert.Equal(new AgentStep(4, AgentAction.TakesOver, "agent2"), script.Steps[1]);
        Assert.Equal(TimeSpan.FromMinutes(6), Assert.IsType<WaitStep>(script.Steps[2]).Duration);
        var last = Assert.IsType<UserStep>(script.Steps[3]);
        Assert.Equal(["Hello", "help"], last.Expect.Contains);
        Assert.Equal(["DisclosuresPresented"], last.Expect.Facts);
    }

    [Theory]
    [InlineData("steps:\n  - user: 你好\n    contain: 您好\n", 3, "unknown key 'contain'")]
    [InlineData("steps: []\n", 1, "'steps:' is empty")]
    [InlineData("name: x\n", 1, "'steps:' must be a list")]
    [InlineData("steps:\n  - wait: six minutes\n", 2, "ISO 8601 duration")]
    [InlineData("steps:\n  - agent: leaves\n", 2, "takes_over or hands_back")]
    [InlineData("locale: fr\nsteps:\n  - user: hi\n", 1, "zh-CN or en")]
    [InlineData("steps:\n  - user: [a, b]\n", 2, "'user:' must be a single value")]
    [InlineData("steps:\n  - user: hi\n    silent: maybe\n", 2, "silent: must be true or false")]
    [InlineData("steps:\n  - user: 'unterminated\n", 2, "")]
    public void A_mistake_in_a_script_names_the_file_and_line(string yaml, int line, string message)
    {
        var exception = Assert.Throws<ConversationScriptException>(() => ConversationScriptParser.Parse("bad.yaml", yaml));

        Assert.StartsWith($"bad.yaml:{line}: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
