using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conversational.Host.Tests.Widget;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The real host with the demo data (staff, customers, the demo copilot catalogue) and one Chromium, for the trainer's
/// catalogue tabs and the supervisor's opening-rate table. <see cref="DatabasePath"/> is the host's SQLite file, so a
/// test can record what the desk would have recorded.
/// </summary>
public sealed class CopilotPagesFixture : WidgetFixture
{
    public string DatabasePath { get; private set; } = "";

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Storage__SeedDemoData"] = "true";
        DatabasePath = settings["Storage__SqlitePath"];
    }

    /// <summary>The catalogue as the API has it now, read by <paramref name="staff"/>.</summary>
    public static async Task<JsonObject> CatalogAsync(HttpClient staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return (await staff.GetFromJsonAsync<JsonObject>(new Uri("/api/copilot/catalog", UriKind.Relative)))!;
    }
}
