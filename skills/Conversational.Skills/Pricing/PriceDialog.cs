using Conversational.Knowledge.Understanding;
using Conversational.Skills.Dialogs;
using Stateless.Graph;

namespace Conversational.Skills.Pricing;

/// <summary>
/// 到手价 as a dialog. The product comes from the message (a SKU, a name in Chinese or English, several at once with 和 or
/// "and"); without one the dialog asks for it, suggesting items on sale, and a name that fits several products is offered
/// as a choice. The answer is the price after coupons with its breakdown, the coupons to use, the offers that ended or
/// have not started, and how much more would save more. Then the dialog rests at <see cref="Step.Quoted"/>: a quantity,
/// a size, another item ("再加一件AP-2003"), a removal, or "用哪些券" changes or explains the quote; anything else ends it.
/// Questions about stacking, claiming, validity, sizes and material are answered at any step, which is then asked again.
/// </summary>
/// <remarks>
/// Sizes never hold up a price: every size of a SKU costs the same, so the dialog does not ask for one. A size the
/// customer names is kept on its line and shown; one the product does not come in is said, with the sizes it has.
/// The step and slots live in the conversation's log; each turn reads the catalog afresh and rebuilds the machine.
/// </remarks>
public sealed partial class PriceDialog(CatalogStore catalog) : ISkillDialog
{
    /// <summary>Products offered when a name fits several.</summary>
    public const int OptionsOffered = 5;

    /// <summary>Products on sale suggested when the customer has not said which one.</summary>
    public const int SuggestionsOffered = 4;

    /// <summary>How long after it ended a coupon is still worth saying it ended ("满减活动已于11月11日结束").</summary>
    public static readonly TimeSpan RecentlyEnded = TimeSpan.FromDays(30);

    internal enum Step
    {
        Start,
        AwaitingProduct,
        ChoosingProduct,
        Quoted,
        Ended,
    }

    private enum Trigger
    {
        Read,
        Declined,
    }

    public string Skill => Intents.PriceAfterCoupons;

    public IReadOnlyCollection<string> StartIntents { get; } = [Intents.PriceAfterCoupons];

    public async Task<DialogOutcome> BeginAsync(SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var run = Start(Step.Start, new PriceSlots { Language = turn.Language });
        await RunAsync(run, turn, PriceAnswers.Read(turn), cancellationToken);
        return run.Outcome(Skill);
    }

    public async Task<DialogOutcome> ContinueAsync(DialogSnapshot snapshot, SkillTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (step, slots) = DialogSlots.Read<Step, PriceSlots>(snapshot, Skill);
        // Greetings, thanks, a person and other skills are the bot's to answer; at rest that ends the dialog.
        if (turn.Understanding.Intent is not (Intents.PriceAfterCoupons or Intents.OutOfScope))
        {
            return new DialogOutcome { Understood = false };
        }

        var message = PriceAnswers.Read(turn);
        var run = Start(step, slots with { Language = message.KeepsLanguage ? slots.Language : turn.Language });
        return await RunAsync(run, turn, message, cancellationToken) ? run.Outcome(Skill) : new DialogOutcome { Understood = false };
    }

    public SkillReply? Prompt(DialogSnapshot snapshot, string language)
    {
        var (step, slots) = DialogSlots.Read<Step, PriceSlots>(snapshot, Skill);
        return Ask(step, slots, PriceWording.For(language));
    }

    public string ToMermaid() =>
        MermaidGraph.Format(Start(Step.Start, new PriceSlots { Language = TextLanguage.Chinese }).Machine.GetInfo());

    /// <summary>One message at any step; false when it was no answer to the step and asked nothing the dialog answers.</summary>
    private async Task<bool> RunAsync(Run run, SkillTurn turn, PriceMessage message, CancellationToken cancellationToken)
    {
        var cart = await LoadAsync(run, turn.Now, cancellationToken);
        var found = Picked(run, turn) is { } option
            ? await PickAsync(run, option, cancellationToken)
            : await LookUpAsync(run, turn, message, cart, cancellationToken);
        if (message.Question is { } question)
        {
            var product = found.Items.FirstOrDefault(i => i.Product is not null)?.Product
                ?? (run.Slots.Cart.LastOrDefault() is { } last ? cart.Products[last.Sku] : null);
            var priced = question is PriceQuestion.Stacking or PriceQuestion.Validity
                ? await PriceAsync(cart, run.Slots, cancellationToken)
                : null;
            run.Say(run.Words.Answer(question, product, priced));
        }

        // At rest, "SH-1002什么材质" asks about an item without asking its price: answered, and the cart stays.
        var onlyAsks = run.Step == Step.Quoted && message.Question is not null && turn.Understanding.Intent != Intents.PriceAfterCoupons;
        if ((found.Items.Count > 0 || found.Loose.Any) && !onlyAsks)
        {
            await ChangeAsync(run, message, cart, found, cancellationToken);
        }
        else if (message.AsksWhichCoupons && run.Step == Step.Quoted && await PriceAsync(cart, run.Slots, cancellationToken) is { } quoted)
        {
            run.Say(run.Words.ExplainCoupons(quoted), run.Words.QuoteOptions);
        }
        else if (found.Notices.Count > 0 || message.AsksWhichCoupons || message.Question is not null)
        {
            run.Say(found.Notices);
            if (message.AsksWhichCoupons)
            {
                run.Say(run.Words.NoCartYet);
            }

            await AskAgainAsync(run, cart, found.Notices.Count > 0, cancellationToken);
        }
        else if (run.Step != Step.Start && DialogAnswers.IsNo(turn.Text))
        {
            run.Fire(Trigger.Declined);
        }
        else if (turn.Understanding.Intent == Intents.PriceAfterCoupons || run.Step == Step.Start)
        {
            // "多少钱" again, naming nothing: the quote again, or the question asked again.
            await FireAsync(run, cart, run.Slots.Cart, run.Slots.Choices, cancellationToken);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>After an answer or a notice: the waiting step's question again, or at rest a pointer to ask about another item.</summary>
    private async Task AskAgainAsync(Run run, CartState cart, bool notFound, CancellationToken cancellationToken)
    {
        switch (run.Step)
        {
            case Step.Start:
                await FireAsync(run, cart, run.Slots.Cart, run.Slots.Choices, cancellationToken);
                break;
            case Step.Quoted:
                if (notFound)
                {
                    run.Say(run.Words.SendProduct);
                }

                break;
            default:
                run.Say(Ask(run.Step, run.Slots, run.Words));
                break;
        }
    }
}
