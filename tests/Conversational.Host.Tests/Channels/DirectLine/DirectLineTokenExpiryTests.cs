using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>Tokens expire after <c>DirectLine:TokenLifetime</c>; DirectLineJS reads 403 as "token expired".</summary>
public sealed class DirectLineTokenExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ConversationalFactory _factory = new(DirectLineApi.Settings());

    [Theory]
    [InlineData("GET", "conversations/{0}/activities")]
    [InlineData("POST", "conversations/{0}/activities")]
    [InlineData("GET", "conversations/{0}")]
    [InlineData("POST", "tokens/refresh")]
    public async Task ExpiredToken_IsForbidden_EvenToRefresh(string method, string path)
    {
        using var host = _factory.WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        var api = new DirectLineApi(host.CreateClient());
        var generated = await api.GenerateTokenAsync();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, generated.ConversationId);
        var body = method == "POST" ? DirectLineApi.Message("你好") : null;

        using var fresh = await api.SendAsync(new HttpMethod(method), url, generated.Token, body);
        _clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        using var expired = await api.SendAsync(new HttpMethod(method), url, generated.Token, body);

        Assert.True(fresh.IsSuccessStatusCode, fresh.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
