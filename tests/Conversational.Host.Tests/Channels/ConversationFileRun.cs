extern alias cli;

using cli::Conversational.Cli.Commands;
using cli::Conversational.Cli.ConversationTests;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Skills.Installments;
using Conversational.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels;

/// <summary>What a channel's conversation-file test gets to build its script channel from: the host and the script's clock.</summary>
internal sealed record ConversationFileHost(ConversationScript Script, WebApplicationFactory<Program> Host, ScenarioClock Clock);

/// <summary>
/// One conversation test file from <c>tests/conversations</c>, run over one channel's wire protocol against the host at
/// the script's time with one-time codes captured, and checked against the log as the CLI checks it: the same files
/// show every channel behaves the same.
/// </summary>
internal static class ConversationFileRun
{
    private static readonly string Directory = Path.Combine(RepositoryPaths.Root(), "tests", "conversations");

    public static TheoryData<string> Files() =>
        [.. TestCommand.Files(new DirectoryInfo(Directory)).Select(f => Path.GetRelativePath(Directory, f.FullName))];

    /// <param name="file">The file, relative to <c>tests/conversations</c>.</param>
    /// <param name="channelId">The channel's id in the bot (<c>Bot:VerifiedChannels</c>).</param>
    /// <param name="settings">The host's settings for the channel, given the script.</param>
    /// <param name="channel">The script channel speaking the channel's protocol to the host.</param>
    public static async Task AssertPassesAsync(string file, string channelId,
        Func<ConversationScript, IReadOnlyDictionary<string, string?>> settings, Func<ConversationFileHost, IScriptChannel> channel)
    {
        var script = ConversationScriptParser.Parse(file, await File.ReadAllTextAsync(Path.Combine(Directory, file)));
        var clock = new ScenarioClock(script.Now);
        await using var factory = new ConversationalFactory(settings(script));
        await using var host = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<CapturedOneTimeCodes>();
            services.AddSingleton<IOneTimeCodeSender>(sp => sp.GetRequiredService<CapturedOneTimeCodes>());
            // Whether the channel's customers count as signed in is the deployment's choice: here, as the script's channel.
            services.PostConfigure<BotOptions>(bot => bot.VerifiedChannels = VerifiesLike(script.Channel, channelId, bot.VerifiedChannels));
        }));

        var result = await new ConversationScriptRun(script, channel(new ConversationFileHost(script, host, clock)),
            ScriptAgents.From(host.Services), host.Services.GetRequiredService<IConversationStore>(),
            host.Services.GetRequiredService<CapturedOneTimeCodes>(), clock)
            .RunAsync(CancellationToken.None);

        Assert.True(result.Passed, string.Join("\n", [.. result.Failures, "", .. result.Transcript]));
    }

    private static string[] VerifiesLike(string scriptChannel, string channelId, string[] verified) =>
        verified.Contains(scriptChannel, StringComparer.OrdinalIgnoreCase)
            ? [.. verified.Append(channelId).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [.. verified.Where(c => !string.Equals(c, channelId, StringComparison.OrdinalIgnoreCase))];
}
