using System.ComponentModel.DataAnnotations;
using Conversational.Bots.Copilot.Llm;
using Conversational.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Tests.Copilot.Llm;

/// <summary><c>AI:Chat</c>: nothing to set for no model; an OpenAI-compatible endpoint refuses to start until it is complete.</summary>
public sealed class ChatProviderOptionsTests
{
    public static TheoryData<string?, string?, string> Incomplete { get; } = new()
    {
        { null, "gpt-4o-mini", "AI:Chat:Endpoint is required" },
        { "/v1", "gpt-4o-mini", "AI:Chat:Endpoint is required" },
        { "https://api.openai.com/v1", null, "AI:Chat:Model is required" },
        { "https://api.openai.com/v1", " ", "AI:Chat:Model is required" },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void An_incomplete_OpenAI_setting_is_an_error_naming_what_to_set(string? endpoint, string? model, string expected)
    {
        var options = new ChatProviderOptions
        {
            Provider = ChatProvider.OpenAI,
            Endpoint = endpoint is null ? null : new Uri(endpoint, UriKind.RelativeOrAbsolute),
            Model = model,
        };

        var error = Assert.Single(Validate(options));

        Assert.StartsWith(expected, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_provider_needs_no_other_setting() => Assert.Empty(Validate(new ChatProviderOptions()));

    [Fact]
    public void A_complete_OpenAI_setting_is_valid() => Assert.Empty(Validate(new ChatProviderOptions
    {
        Provider = ChatProvider.OpenAI,
        Endpoint = new Uri("http://127.0.0.1:11434/v1"),
        Model = "qwen2.5:7b",
    }));

    [Fact]
    public async Task A_host_with_OpenAI_but_no_endpoint_or_model_refuses_to_start_saying_both()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(StoreKind.Sqlite,
            settings: new Dictionary<string, string?> { ["AI:Chat:Provider"] = "OpenAI" }));

        Assert.Contains(error.Failures, f => f.Contains("AI:Chat:Endpoint is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("AI:Chat:Model is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_with_a_complete_OpenAI_setting_has_a_chat_client_and_the_drafter_is_enabled()
    {
        await using var host = await BotHost.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["AI:Chat:Provider"] = "OpenAI",
            ["AI:Chat:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["AI:Chat:Model"] = "qwen2.5:7b",
        });

        Assert.NotNull(host.Services.GetService<IChatClient>());
        Assert.True(host.Services.GetRequiredService<CopilotDrafter>().Enabled);
    }

    [Fact]
    public async Task A_host_without_the_section_has_no_chat_client_and_the_drafter_is_disabled()
    {
        await using var host = await BotHost.StartAsync(StoreKind.Sqlite);

        Assert.Null(host.Services.GetService<IChatClient>());
        Assert.False(host.Services.GetRequiredService<CopilotDrafter>().Enabled);
    }

    private static List<ValidationResult> Validate(ChatProviderOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
