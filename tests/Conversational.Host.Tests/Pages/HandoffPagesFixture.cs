using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conversational.Host.Tests.Widget;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The real host with the demo data (staff, agents, customers, routing) and one Chromium, for the handoff pages: the
/// widget on one page, the agent desk or the supervisor view on another.
/// </summary>
public class HandoffPagesFixture : WidgetFixture
{
    public const string SessionApiKey = "handoff-pages-merchant-key";

    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Storage__SeedDemoData"] = "true";
        settings["AppChannel__SessionApiKeys__0"] = SessionApiKey;
    }

    /// <summary>
    /// The demo rules send everyone to leave a message outside business hours (bot-only); these tests need a person at
    /// any hour, so the admin saves the same rules without their hours conditions, as a 24-hour service would.
    /// </summary>
    protected override async Task StartedAsync()
    {
        using var admin = await StaffClient.SignInAsync(BaseAddress, "admin", "Admin#2026");
        var current = (await admin.GetFromJsonAsync<JsonObject>(new Uri("/api/routing/rules", UriKind.Relative)))!;
        var rules = current["rules"]!.DeepClone().AsObject();
        var list = rules["rules"]!.AsArray();
        foreach (var rule in list.Where(rule => rule!["when"]?["hours"] is not null).ToList())
        {
            list.Remove(rule);
        }

        using var saved = await admin.PutAsJsonAsync(new Uri("/api/routing/rules", UriKind.Relative),
            new JsonObject { ["expectedVersion"] = current["version"]!.DeepClone(), ["rules"] = rules });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}

/// <summary>A staff member's HTTP client: signed in with the staff cookie, as the pages are.</summary>
public static class StaffClient
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string username, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync(new Uri("/api/staff/login", UriKind.Relative), new { username, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return http;
    }
}
