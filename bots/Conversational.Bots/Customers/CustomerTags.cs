namespace Conversational.Bots.Customers;

/// <summary>Tags (and tiers) the bot itself acts on.</summary>
public static class CustomerTags
{
    /// <summary>An anonymous web visitor: a customer id, but no proof of who they are.</summary>
    public const string Visitor = "visitor";
}
