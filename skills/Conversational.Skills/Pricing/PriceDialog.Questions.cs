using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Pricing;

/// <summary>What the dialog asks at each step; null at rest.</summary>
public sealed partial class PriceDialog
{
    /// <summary>The step's question, asked on arrival and after anything in the middle; null when the dialog is not waiting.</summary>
    private static SkillReply? Ask(Step step, PriceSlots slots, PriceWording words) => step switch
    {
        Step.AwaitingProduct => new(words.AskProduct(slots.Suggested.Count > 0), [.. slots.Suggested.Select(words.OptionTitle)]),
        Step.ChoosingProduct when slots.Choices is [var choice, ..] =>
            new(words.AskChoice(choice.Found, choice.Options.Count), [.. choice.Options.Select(words.OptionTitle)]),
        _ => null,
    };

    /// <summary>The option the customer picked, by number or title, among those the step offered.</summary>
    private static ProductOption? Picked(Run run, SkillTurn turn)
    {
        var options = run.Step switch
        {
            Step.ChoosingProduct when run.Slots.Choices is [var choice, ..] => choice.Options,
            Step.AwaitingProduct => run.Slots.Suggested,
            _ => [],
        };
        return options.Count > 0 && DialogAnswers.Pick(turn.Text, [.. options.Select(run.Words.OptionTitle)]) is { } index
            ? options[index]
            : null;
    }
}
