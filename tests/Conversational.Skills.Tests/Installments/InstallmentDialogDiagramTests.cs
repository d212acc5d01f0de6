using Conversational.Testing;

namespace Conversational.Skills.Tests.Installments;

/// <summary>The committed diagram is the dialog's machine: a change to the machine shows up in review as a change to the file.</summary>
public sealed class InstallmentDialogDiagramTests
{
    private static readonly string DiagramPath =
        Path.Combine(RepositoryPaths.Root(), "skills", "Conversational.Skills", "Installments", "InstallmentDialog.mmd");

    [Fact]
    public void Diagram_IsTheOneCommitted()
    {
        var actual = InstallmentDialogDriver.CreateDialog().ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n";

        // UPDATE_DIAGRAMS=1 dotnet test … rewrites the file after a deliberate change to the machine.
        if (Environment.GetEnvironmentVariable("UPDATE_DIAGRAMS") == "1")
        {
            File.WriteAllText(DiagramPath, actual);
        }

        Assert.Equal(File.ReadAllText(DiagramPath).ReplaceLineEndings("\n"), actual);
    }
}
