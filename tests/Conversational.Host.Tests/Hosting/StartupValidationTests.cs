namespace Conversational.Host.Tests.Hosting;

/// <summary>A misconfigured host refuses to start and names the setting to fix.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Storage:Provider", "PostgreSql", "Storage:PostgreSqlConnectionString is required")]
    [InlineData("Bot:MaxStepsPerTurn", "0", "MaxStepsPerTurn")]
    [InlineData("Bot:DefaultLocale", "fr", "Bot:DefaultLocale must be zh-CN or en")]
    [InlineData("AppChannel:MaxMessageLength", "0", "MaxMessageLength")]
    [InlineData("DirectLine:Secrets:0", "too-short", "Every Direct Line secret must have at least 24 characters")]
    [InlineData("DirectLine:TokenLifetime", "00:00:10", "TokenLifetime")]
    public async Task InvalidSetting_StopsTheHostWithAMessageNamingIt(string key, string value, string message)
    {
        var error = await ConversationalFactory.StartupFailureAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
