using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Tests.Handoff;

/// <summary>Where a dialog resumes after hand-back: a step it stood at in this run, with the slots it had then.</summary>
public sealed class DialogResumptionTests
{
    private static readonly DialogSnapshot Choosing = Snapshot("bill_installment", "ChoosingPlan", """{"amount":8650}""");
    private static readonly DialogSnapshot Confirming =
        Snapshot("bill_installment", "AwaitingConfirmation", """{"amount":8650,"periods":12}""");

    [Fact]
    public void A_step_the_dialog_stood_at_resumes_with_the_slots_it_had_there()
    {
        var events = Log(new SkillStepped(Choosing), new SkillStepped(Confirming), new HandoffRequested("customer_asked", Confirming));

        var resumed = DialogResumption.At(events, Confirming, "ChoosingPlan");

        Assert.Same(Choosing, resumed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AwaitingConfirmation")]
    [InlineData("AwaitingCode")]
    public void No_step_the_current_step_or_one_never_reached_resumes_where_the_dialog_stopped(string? step)
    {
        var events = Log(new SkillStepped(Choosing), new SkillStepped(Confirming));

        Assert.Same(Confirming, DialogResumption.At(events, Confirming, step));
    }

    [Fact]
    public void A_step_of_an_earlier_run_of_the_dialog_cannot_be_resumed()
    {
        var events = Log(new SkillStepped(Choosing), new SkillEnded("bill_installment", "cancelled"), new SkillStepped(Confirming));

        Assert.Same(Confirming, DialogResumption.At(events, Confirming, "ChoosingPlan"));
        Assert.Equal(["AwaitingConfirmation"], DialogResumption.Steps(events));
    }

    [Fact]
    public void The_steps_are_those_of_the_current_run_first_visit_first()
    {
        var events = Log(new SkillStepped(Snapshot("price_after_coupons", "AwaitingProduct", "{}")), new SkillStepped(Choosing),
            new SkillStepped(Confirming), new SkillStepped(Choosing), new SkillStepped(Confirming));

        Assert.Equal(["ChoosingPlan", "AwaitingConfirmation"], DialogResumption.Steps(events));
    }

    private static DialogSnapshot Snapshot(string skill, string step, string slots) =>
        new(skill, step, JsonDocument.Parse(slots).RootElement);

    private static List<StoredEvent> Log(params ConversationEvent[] events) =>
        [.. events.Select((e, i) => new StoredEvent("conv-1", i + 1, DateTimeOffset.UnixEpoch, e))];
}
