using System.CommandLine;
using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Conversational.Cli.Commands;

/// <summary><c>chat</c>: talk to the bot in the terminal, through the same runtime and store as every other channel.</summary>
internal static class ChatCommand
{
    private const string Channel = "cli";
    private const string Quit = "/quit";

    // What shells report for a command ended by Ctrl+C (128 + SIGINT).
    private const int Interrupted = 130;

    // A seeded demo customer of the ordinary tier, so that whatever reads the customer's profile finds one.
    private const string DefaultCustomer = "c1003";

    public static Command Create()
    {
        var locale = new Option<string?>("--locale")
        {
            Description = "The conversation's language, zh-CN or en (default: Bot:DefaultLocale)",
        };
        locale.AcceptOnlyFromAmong("zh-CN", "en");
        var customer = new Option<string>("--customer")
        {
            Description = "The customer id to chat as",
            DefaultValueFactory = _ => DefaultCustomer,
        };

        var command = new Command("chat", $"Talk to the bot; type a quick reply's number to pick it, {Quit} or end of input to stop")
        {
            locale,
            customer,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(locale), parse.GetRequiredValue(customer), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? locale, string customerId, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        // Starting the host migrates and seeds the store.
        await host.StartAsync(cancellationToken);

        // The host's console lifetime swallows SIGTERM and Ctrl+C to stop the host; they must end the chat too.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken,
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        try
        {
            var runtime = host.Services.GetRequiredService<ConversationRuntime>();
            locale ??= host.Services.GetRequiredService<IOptions<BotOptions>>().Value.DefaultLocale;
            await ChatAsync(runtime, customerId, locale, stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Interrupted;
        }
        finally
        {
            // Stop even when the chat was cancelled, so the store is left cleanly.
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task ChatAsync(ConversationRuntime runtime, string customerId, string locale, CancellationToken cancellationToken)
    {
        var started = await runtime.StartAsync(customerId, Channel, locale, cancellationToken);
        var quickReplies = Print(started);
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            var text = line.Trim();
            if (text == Quit)
            {
                return;
            }

            if (text.Length == 0)
            {
                continue;
            }

            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Text = Pick(text, quickReplies),
                ChannelId = Channel,
                From = new ChannelAccount(customerId, Role: RoleTypes.User),
                Conversation = new ConversationAccount(started.ConversationId),
                Locale = locale,
            };
            var result = await runtime.ProcessAsync(started.ConversationId, activity, channelMessageId: null, cancellationToken);
            quickReplies = Print(result);
        }
    }

    private static async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (!Console.IsInputRedirected)
        {
            // A prompt only for a person; piped input gets a clean transcript.
            Console.Write("> ");
        }

        // Console.In's ReadLineAsync blocks and ignores the token; waiting on a task lets Ctrl+C end the chat at once.
        return await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
    }

    /// <summary>A number picks that quick reply of the bot's last message, as tapping it would; anything else is sent as typed.</summary>
    private static string Pick(string text, IReadOnlyList<CardAction> quickReplies) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= quickReplies.Count
            ? quickReplies[number - 1].Value
            : text;

    /// <summary>Prints the bot's replies in the result (not the customer's echo).</summary>
    /// <returns>The quick replies now offered: those of the last reply.</returns>
    private static IReadOnlyList<CardAction> Print(TurnResult result)
    {
        IReadOnlyList<CardAction> quickReplies = [];
        foreach (var reply in result.Activities.Where(a => a.From?.Role == RoleTypes.Bot))
        {
            if (!string.IsNullOrEmpty(reply.Text))
            {
                Console.WriteLine(reply.Text);
            }

            quickReplies = reply.SuggestedActions?.Actions ?? [];
            if (quickReplies.Count > 0)
            {
                Console.WriteLine(string.Join("  ", quickReplies.Select((action, i) =>
                    string.Create(CultureInfo.InvariantCulture, $"[{i + 1}] {action.Title}"))));
            }

            Console.WriteLine();
        }

        return quickReplies;
    }
}
