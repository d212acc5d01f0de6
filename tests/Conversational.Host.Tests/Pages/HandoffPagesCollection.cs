namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The handoff page tests run one class at a time: each class starts its own host and drives two browser pages, and on a
/// small machine several of those at once would measure the machine, not the pages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HandoffPagesCollection
{
    public const string Name = "Handoff pages";
}
