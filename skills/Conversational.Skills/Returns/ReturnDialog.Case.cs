using Conversational.Skills.Dialogs;
using Stateless;

namespace Conversational.Skills.Returns;

public sealed partial class ReturnDialog
{
    /// <summary>One turn of the dialog: the snapshot's step and slots, what the stores said, and what the turn says back.</summary>
    private sealed class Case(SkillTurn turn, Step step, ReturnSlots slots, IReadOnlyList<Order> orders, IReadOnlyList<Rma> tickets)
    {
        public SkillTurn Turn { get; } = turn;

        public Step Step { get; set; } = step;

        public ReturnSlots Slots { get; set; } = slots;

        public IReadOnlyList<Order> Orders { get; } = orders;

        public IReadOnlyList<Rma> Tickets { get; } = tickets;

        public Order? Order { get; set; }

        public OrderItem? Item => Order?.Items.FirstOrDefault(item => item.LineNo == Slots.LineNo);

        public StockTable Stock { get; set; } = new(new Dictionary<string, IReadOnlyDictionary<string, int>>());

        /// <summary>Why the policy refused at confirmation, for the guards that send the customer back.</summary>
        public ReturnRefusal? Refusal { get; set; }

        public Rma? Rma { get; set; }

        public StateMachine<Step, Trigger> Machine { get; set; } = null!;

        public ReturnText Text => ReturnText.For(Slots.Language);

        public List<SkillReply> Replies { get; } = [];

        public List<SkillFact> Facts { get; } = [];

        public static Case ForDiagram() => new(
            new SkillTurn
            {
                TurnId = "", ConversationId = "", CustomerId = "", CustomerVerified = false, Language = "zh-CN", Text = "", NormalizedText = "",
                Understanding = new(Knowledge.Understanding.Intents.ReturnExchange, 1, null), Entities = [], Now = default,
            },
            Step.Start, new ReturnSlots { Language = "zh-CN" }, [], []);

        public void Fire(Trigger trigger) => Machine.Fire(trigger);

        public void Reply(string text) => Replies.Add(new SkillReply(text));

        public void Ask(SkillReply question, IReadOnlyList<string> options)
        {
            Slots = Slots with { Question = question, Options = options };
            Replies.Add(question);
        }

        public void AskAgain()
        {
            if (Slots.Question is { } question)
            {
                Replies.Add(question);
            }
        }

        /// <summary>The option the customer picked, by number or title, as what it stands for.</summary>
        public string? PickedOption() =>
            Slots.Question?.QuickReplies is { } titles && DialogAnswers.Pick(Turn.Text, [.. titles.Take(Slots.Options.Count)]) is { } index
                ? Slots.Options[index]
                : null;
    }
}
