using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat.CustomerService;

/// <summary>
/// The account's access token (access_token), fetched from <c>/cgi-bin/token</c> and reused until shortly before it
/// expires (two hours), since WeChat limits how often it may be fetched. One fetch at a time.
/// </summary>
public sealed class WeChatAccessTokens(IHttpClientFactory clients, IOptions<WeChatOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "WeChat";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RefreshAt)? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fetched && time.GetUtcNow() < fetched.RefreshAt)
            {
                return fetched.Token;
            }

            var settings = options.Value;
            var url = $"cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(settings.AppId ?? "")}"
                + $"&secret={Uri.EscapeDataString(settings.AppSecret ?? "")}";
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<AccessTokenResponse>(cancellationToken);
            if (answer is not { AccessToken: { Length: > 0 } token, ExpiresIn: > 0 })
            {
                throw new WeChatApiException(answer?.ErrorCode ?? WeChatErrorCodes.Busy, answer?.ErrorMessage ?? "no access_token");
            }

            _current = (token, time.GetUtcNow() + TimeSpan.FromSeconds(answer.ExpiresIn) - settings.AccessTokenRefreshMargin);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>WeChat rejected <paramref name="token"/>: the next call fetches a new one (unless another caller already did).</summary>
    public void Invalidate(string token)
    {
        if (_current is { } current && current.Token == token)
        {
            _current = null;
        }
    }

    public void Dispose() => _gate.Dispose();
}
