using Conversational.Knowledge.Unanswered;

namespace Microsoft.Extensions.DependencyInjection;

public static class UnansweredServiceCollectionExtensions
{
    /// <summary>The trainer loop: unanswered questions, their clusters and trainers' intent examples (options from <c>Knowledge:Unanswered</c>).</summary>
    public static IServiceCollection AddUnansweredQuestions(this IServiceCollection services)
    {
        services.AddOptions<UnansweredOptions>().BindConfiguration(UnansweredOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSchemaMigration(UnansweredSchema.V1);
        services.AddSingleton<SqlUnansweredStore>();
        services.AddSingleton<TrainerIntentExamples>();
        services.AddSingleton<UnansweredQuestions>();
        return services;
    }
}
