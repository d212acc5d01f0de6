using System.Net;
using System.Net.Http.Json;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversational.Host.Tests.Security;

public sealed class StaffEndpointsTests : IAsyncLifetime
{
    private readonly ConversationalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("agent1", "Agent#2026", Roles.Agent)]
    [InlineData("supervisor", "Supervisor#2026", Roles.Supervisor)]
    [InlineData("trainer", "Trainer#2026", Roles.Trainer)]
    [InlineData("admin", "Admin#2026", Roles.Admin)]
    public async Task SeededStaff_SignInWithTheirDemoPassword_AndSeeTheirRole(string username, string password, string role)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        var me = await client.GetFromJsonAsync<StaffMeResponse>("/api/staff/me");

        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal(new StaffMeResponse(username, me!.DisplayName, role), me);
    }

    [Theory]
    [InlineData("agent1", "wrong")]
    [InlineData("nobody", "Agent#2026")]
    public async Task WrongPasswordOrUnknownUser_Gets401_AndNoCookie(string username, string password)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        using var login = await client.PostAsJsonAsync("/api/staff/login", new { username, password });
        using var me = await client.GetAsync(new Uri("/api/staff/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task ACustomerToken_DoesNotOpenStaffEndpoints()
    {
        var customer = await AppApi.CreateVisitorAsync(_factory.CreateClient());

        using var me = await customer.SendAsync(HttpMethod.Get, "/api/staff/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task StaffCookie_DoesNotOpenCustomerEndpoints()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await client.PostAsJsonAsync("/api/staff/login", new { username = "agent1", password = "Agent#2026" });

        using var list = await client.GetAsync(new Uri("/api/conversations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }
}
