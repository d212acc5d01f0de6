using Conversational.Knowledge.Understanding;

namespace Conversational.Skills.Returns;

/// <summary>
/// Questions about the return policy that customers ask in the middle of a return ("运费谁出", "多久到账", "退货地址"):
/// the dialog answers them from <see cref="ReturnPolicy"/> and asks its step again.
/// </summary>
internal enum ReturnQuestion
{
    Shipping,
    RefundTime,
    Address,
    Windows,
}

internal static class ReturnQuestions
{
    // First match wins: "退货地址" is about the address, "退款多久到账" about time.
    private static readonly (ReturnQuestion Question, string[] Phrases)[] Phrases =
    [
        (ReturnQuestion.Address, ["地址", "寄到哪", "寄去哪", "寄回哪", "寄哪", "address", "where do i send", "where should i send", "where to send"]),
        (ReturnQuestion.Shipping, ["运费", "邮费", "快递费", "谁出", "谁付", "shipping", "postage", "who pays"]),
        (ReturnQuestion.RefundTime, ["到账", "多久退", "多久能退", "几天退", "什么时候退", "退款要多久", "退款多久", "how long", "when will i get", "when do i get"]),
        (ReturnQuestion.Windows, ["多少天", "几天内", "期限", "截止", "how many days", "deadline", "time limit"]),
    ];

    public static ReturnQuestion? Find(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        foreach (var (question, phrases) in Phrases)
        {
            if (phrases.Any(phrase => normalized.Contains(phrase, StringComparison.Ordinal)))
            {
                return question;
            }
        }

        return null;
    }
}
