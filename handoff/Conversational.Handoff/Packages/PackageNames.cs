namespace Conversational.Handoff.Packages;

/// <summary>Who wrote a <see cref="PackageMessage"/>.</summary>
public static class PackageSpeakers
{
    public const string Customer = "customer";
    public const string Bot = "bot";
    public const string Agent = "agent";
}

/// <summary>Where a <see cref="PackageTimelineEntry"/> comes from: the conversation itself or the customer's app.</summary>
public static class PackageSources
{
    public const string Conversation = "conversation";
    public const string App = "app";
}
