namespace Conversational.Handoff.Copilot;

/// <summary>One problem of a catalogue, beside its field: <paramref name="Path"/> like <c>scripts[3].text</c>.</summary>
public sealed record CopilotValidationError(string Path, string Message);

/// <summary>The catalogue breaks a rule; nothing was saved. Every problem is listed.</summary>
public sealed class CopilotCatalogValidationException(IReadOnlyList<CopilotValidationError> errors)
    : Exception("The copilot catalogue is invalid: " + string.Join(" ", errors.Select(error => $"{error.Path}: {error.Message}")))
{
    public IReadOnlyList<CopilotValidationError> Errors { get; } = errors;
}

public static class CopilotCatalogValidation
{
    public static IReadOnlyList<CopilotValidationError> Validate(CopilotCatalog catalog) => throw new NotImplementedException();
}
