using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// The kernel functions of <see cref="CopilotCalculators"/> for one conversation's customer, as the
/// <see cref="AIFunction"/>s a <see cref="FunctionInvokingChatClient"/> offers the model and runs when it asks.
/// Their names carry the plugin's (<c>calculators_installment_plan</c>).
/// </summary>
public sealed class CopilotTools(IServiceProvider services)
{
    // The functions run in this kernel; it needs no services of its own, the calculators carry theirs.
    private readonly Kernel _kernel = new();

    public IReadOnlyList<AIFunction> For(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var calculators = ActivatorUtilities.CreateInstance<CopilotCalculators>(services, customerId);
        return [.. KernelPluginFactory.CreateFromObject(calculators, CopilotCalculators.PluginName).AsAIFunctions(_kernel)];
    }
}
