using Conversational.Skills.Dialogs;
using Conversational.Skills.Pricing;
using Conversational.Testing;

namespace Conversational.Skills.Tests.Pricing;

/// <summary>The committed diagram is the dialog's machine, and the dialog is the one price skill <c>AddSkills()</c> registers.</summary>
public sealed class PriceDialogDiagramTests
{
    private static readonly string DiagramPath =
        Path.Combine(RepositoryPaths.Root(), "skills", "Conversational.Skills", "Pricing", "PriceDialog.mmd");

    [Fact]
    public void Diagram_IsTheOneCommitted()
    {
        // The machine needs no store to be drawn.
        var actual = new PriceDialog(null!).ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n";

        // UPDATE_DIAGRAMS=1 dotnet test … rewrites the file after a deliberate change to the machine.
        if (Environment.GetEnvironmentVariable("UPDATE_DIAGRAMS") == "1")
        {
            File.WriteAllText(DiagramPath, actual);
        }

        Assert.Equal(File.ReadAllText(DiagramPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public async Task AddSkills_RegistersOnePriceDialog_ForThePriceIntent()
    {
        await using var host = await SkillsHost.StartAsync(StoreKind.Sqlite, seedDemoData: false);

        var dialog = Assert.Single(host.Get<IEnumerable<ISkillDialog>>().OfType<PriceDialog>());

        Assert.Equal(["price_after_coupons"], dialog.StartIntents);
    }
}
