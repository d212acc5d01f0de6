using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Bots.Customers;
using Conversational.Bots.Handoff;
using Conversational.Bots.Policies;
using Conversational.Bots.Routing;
using Conversational.Bots.Telemetry;
using Conversational.Bots.Turns;
using Conversational.Storage;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class BotsServiceCollectionExtensions
{
    /// <summary>The conversation runtime: store, turn pipeline, policy and the bot, plus storage and the areas it uses.</summary>
    public static IHostApplicationBuilder AddBots(this IHostApplicationBuilder builder)
    {
        builder.AddStorage();
        builder.AddKnowledge();
        builder.AddKnowledgeProviders(); // after the defaults: replaces them only when another provider is configured
        builder.AddSkills();
        builder.AddCopilotLanguageModel(); // optional: an IChatClient only when AI:Chat names a provider

        var services = builder.Services;
        services.AddHandoffRouting();
        services.AddHandoffQueues();
        services.AddSingleton<RoutingRequestFactory>();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();

        services.AddSchemaMigration(ConversationSchema.V1);
        services.AddSchemaMigration(SqlCustomerDirectory.Schema);
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<ICustomerDirectory, SqlCustomerDirectory>();
        services.AddSingleton<IDemoSeed, DemoCustomersSeed>();

        services.AddSingleton<BotTelemetry>();
        services.AddSingleton<ConversationChangeFeed>();
        services.AddSingleton<ConversationStateCache>();
        services.AddSingleton<IDatabaseNotificationHandler>(sp => sp.GetRequiredService<ConversationChangeFeed>());
        services.AddSingleton<ConversationRuntime>();

        // Order is the pipeline's order: log the turn, contain its errors, flag escalation signals (for agents' chats
        // too), keep quiet if an agent owns it, let a waiting customer only leave the queue or a message, take a rating.
        services.AddSingleton<ITurnMiddleware, TurnLoggingMiddleware>();
        services.AddSingleton<ITurnMiddleware, ErrorBoundaryMiddleware>();
        services.AddSingleton<ITurnMiddleware, EscalationSignalsMiddleware>();
        services.AddSingleton<ITurnMiddleware, AgentOwnershipGate>();
        services.AddSingleton<ITurnMiddleware, WaitingGate>();
        services.AddSingleton<ITurnMiddleware, AgentRatingMiddleware>();
        // The bot's own turns only: after the agent gate, the waiting customer's messages and the rating answers.
        services.AddSingleton<ITurnMiddleware, UnansweredQuestionRecorder>();
        services.AddSingleton<TurnPipeline>();

        services.AddSingleton<SkillDispatcher>();
        services.AddSingleton<ITurnPolicy, TurnPolicy>();
        services.AddSingleton<DecisionExecutor>();
        services.AddSingleton<HandoffRouter>();
        services.AddSingleton<HandoffTriggers>();
        services.AddSingleton<HandoffStarter>();
        services.AddSingleton<AgentFollowUp>();
        services.AddSingleton<IBot, PolicyBot>();
        services.AddSingleton<HandoffPackages>();
        services.AddSchemaMigration(AgentReadMarks.Schema);
        services.AddSingleton<AgentReadMarks>();
        services.AddSingleton<SkillResumeSteps>();
        services.AddSingleton<AgentDesk>();
        services.AddSingleton<OutOfTurnDeliveries>();
        services.AddSingleton<AgentWorkspace>();
        AddAgentCopilot(services);
        return builder;
    }

    /// <summary>The copilot beside the agent's chats: its catalogue, the opening log, and what computes and detects over them.</summary>
    private static void AddAgentCopilot(IServiceCollection services)
    {
        services.AddCopilotCatalog();
        services.AddCopilotOffers();
        services.AddSingleton<CustomerActivityReader>();
        services.AddSingleton<CopilotInputsReader>();
        services.AddSingleton<CopilotKnowledge>();
        services.AddSingleton<CopilotShelf>();
        services.AddSingleton<OpeningDetection>();
        services.AddSingleton<AgentCopilot>();
    }
}
