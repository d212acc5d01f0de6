extern alias cli;

using cli::Conversational.Cli.Commands;
using cli::Conversational.Cli.ConversationTests;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Host.Channels.DirectLine;
using Conversational.Skills.Installments;
using Conversational.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>Every conversation test file in <c>tests/conversations</c>, through Direct Line: the bot behaves the same on it.</summary>
public sealed class DirectLineConversationFileTests
{
    private static readonly string Directory = Path.Combine(RepositoryPaths.Root(), "tests", "conversations");

    public static TheoryData<string> Files() =>
        [.. TestCommand.Files(new DirectoryInfo(Directory)).Select(f => Path.GetRelativePath(Directory, f.FullName))];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_goes_as_the_file_says_over_Direct_Line(string file)
    {
        var script = ConversationScriptParser.Parse(file, await File.ReadAllTextAsync(Path.Combine(Directory, file)));
        var clock = new ScenarioClock(script.Now);
        await using var factory = new ConversationalFactory(DirectLineApi.Settings());
        await using var host = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<CapturedOneTimeCodes>();
            services.AddSingleton<IOneTimeCodeSender>(sp => sp.GetRequiredService<CapturedOneTimeCodes>());
            // Whether Direct Line's customers count as signed in is the deployment's choice: here, as the script's channel.
            services.PostConfigure<BotOptions>(bot => bot.VerifiedChannels = VerifiesLike(script.Channel, bot.VerifiedChannels));
        }));
        var channel = new DirectLineScriptChannel(new DirectLineApi(host.CreateClient()));

        var result = await new ConversationScriptRun(script, channel, host.Services.GetRequiredService<IConversationStore>(),
            host.Services.GetRequiredService<CapturedOneTimeCodes>(), clock).RunAsync(CancellationToken.None);

        Assert.True(result.Passed, string.Join("\n", [.. result.Failures, "", .. result.Transcript]));
    }

    private static string[] VerifiesLike(string scriptChannel, string[] verified) =>
        verified.Contains(scriptChannel, StringComparer.OrdinalIgnoreCase)
            ? verified
            : [.. verified.Where(c => c != DirectLineActivityMapper.ChannelId)];
}
