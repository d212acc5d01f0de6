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
        var agent = Assert.IsType<AgentStep>(script.Steps[1]);
        Assert.Equal((4, AgentAction.TakesOver, "agent2", null), (agent.Line, agent.Action, agent.AgentId, agent.ResumeAt));
        Assert.Equal(TimeSpan.FromMinutes(6), Assert.IsType<WaitStep>(script.Steps[2]).Duration);
        var last = Assert.IsType<UserStep>(script.Steps[3]);
        Assert.Equal(["Hello", "help"], last.Expect.Contains);
        Assert.Equal(["DisclosuresPresented"], last.Expect.Facts);
    }

    [Fact]
    public void Agent_steps_hand_back_into_a_step_and_close_with_checks_on_the_bots_follow_up()
    {
        var script = ConversationScriptParser.Parse("a.yaml", """
            steps:
              - agent: available
              - agent: hands_back
                resume_at: ChoosingPlan
                step: ChoosingPlan
                contains: 请选择分期期数
              - agent: closes
                quick_replies: [5 非常满意]
              - user: "5"
                rated: 5
                owner: bot
                cancelled: "no"
            """);

        Assert.Equal((AgentAction.Available, "agent1"), (((AgentStep)script.Steps[0]).Action, ((AgentStep)script.Steps[0]).AgentId));
        var back = Assert.IsType<AgentStep>(script.Steps[1]);
        Assert.Equal((AgentAction.HandsBack, "ChoosingPlan", "ChoosingPlan"), (back.Action, back.ResumeAt, back.Expect.Step));
        Assert.Equal(["请选择分期期数"], back.Expect.Contains);
        var close = Assert.IsType<AgentStep>(script.Steps[2]);
        Assert.Equal((AgentAction.Closes, "resolved"), (close.Action, close.Disposition));
        var rating = Assert.IsType<UserStep>(script.Steps[3]).Expect;
        Assert.Equal(("5", "bot", "no"), (rating.Rated, rating.Owner, rating.Cancelled));
    }

    [Theory]
    [InlineData("steps:\n  - user: 你好\n    contain: 您好\n", 3, "unknown key 'contain'")]
    [InlineData("steps:\n  - agent: takes_over\n    resume_at: X\n", 3, "unknown key 'resume_at'")]
    [InlineData("steps:\n  - agent: closes\n    intent: greeting\n", 3, "unknown key 'intent'")]
    [InlineData("steps:\n  - user: hi\n    rated: 7\n", 2, "rated: must be a score from 1 to 5 or no")]
    [InlineData("steps:\n  - user: hi\n    owner: nobody\n", 2, "owner: must be bot, waiting or agent")]
    [InlineData("steps: []\n", 1, "'steps:' is empty")]
    [InlineData("name: x\n", 1, "'steps:' must be a list")]
    [InlineData("steps:\n  - wait: six minutes\n", 2, "ISO 8601 duration")]
    [InlineData("steps:\n  - agent: leaves\n", 2, "available, takes_over, hands_back or closes")]
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
