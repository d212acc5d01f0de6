using System.Globalization;
using Conversational.Host.Channels.App;
using Conversational.Host.Channels.WeChat.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat;

/// <summary>A push that passed every check: signed with our token, fresh, well-formed and, in safe mode, decrypted.</summary>
public sealed record WeChatRequest(WeChatMessage Message, bool Encrypted);

/// <summary>
/// Checks a request from WeChat before anything acts on it: the timestamp is fresh, the signature is ours, the body
/// is small, its XML has no DTD, safe mode's <c>msg_signature</c> signs the ciphertext, which decrypts for our AppID,
/// and the message has its fields. Every failure is a ProblemDetails answer (401, 413, 400) and nothing else happens.
/// </summary>
public sealed partial class WeChatRequestReader(IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatRequestReader> logger)
{
    /// <summary>The query's <c>signature</c> over token, <c>timestamp</c> and <c>nonce</c>, and the timestamp's freshness.</summary>
    public ProblemHttpResult? Verify(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = options.Value;
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > settings.TimestampTolerance.TotalSeconds)
        {
            return Reject(StatusCodes.Status401Unauthorized, "The timestamp is missing or too far from now.");
        }

        return WeChatSignature.Matches(query["signature"].ToString(), settings.Token!, timestamp, nonce)
            ? null
            : Reject(StatusCodes.Status401Unauthorized, "The signature does not match this account's token.");
    }

    public async Task<(WeChatRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Verify(request.Query) is { } unsigned)
        {
            return (null, unsigned);
        }

        var settings = options.Value;
        var (body, tooLarge) = await JsonBody.ReadWithinAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            LogRejected(StatusCodes.Status413PayloadTooLarge, "body too large");
            return (null, tooLarge);
        }

        try
        {
            var fields = WeChatXml.ReadFields(body);
            var encrypted = request.Query["encrypt_type"] == "aes";
            if (encrypted)
            {
                if (!fields.TryGetValue("Encrypt", out var cipher) || cipher.Length == 0)
                {
                    throw new WeChatProtocolException("Encrypt is missing.");
                }

                if (!WeChatSignature.Matches(request.Query["msg_signature"].ToString(), settings.Token!,
                    request.Query["timestamp"].ToString(), request.Query["nonce"].ToString(), cipher))
                {
                    return (null, Reject(StatusCodes.Status401Unauthorized, "msg_signature does not sign the ciphertext."));
                }

                fields = WeChatXml.ReadFields(Decrypt(cipher));
            }
            else if (!string.IsNullOrEmpty(settings.EncodingAesKey))
            {
                throw new WeChatProtocolException("This account is in safe mode: messages must be encrypted (encrypt_type=aes).");
            }

            return (new WeChatRequest(WeChatMessage.From(fields), encrypted), null);
        }
        catch (WeChatProtocolException exception)
        {
            return (null, Reject(StatusCodes.Status400BadRequest, exception.Message));
        }
    }

    /// <summary>A passive reply in safe mode's envelope.</summary>
    public string Seal(string reply)
    {
        var settings = options.Value;
        var encrypt = new WeChatMessageCrypto(settings.EncodingAesKey!, settings.AppId!).Encrypt(reply);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return WeChatReplies.Encrypted(encrypt, settings.Token!, timestamp, nonce);
    }

    /// <summary>With the current key, or the one before the last rotation for messages encrypted just before it.</summary>
    private string Decrypt(string cipher)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.EncodingAesKey))
        {
            throw new WeChatProtocolException("This account has no EncodingAESKey, so it cannot read encrypted messages.");
        }

        try
        {
            return new WeChatMessageCrypto(settings.EncodingAesKey, settings.AppId!).Decrypt(cipher);
        }
        catch (WeChatProtocolException) when (!string.IsNullOrEmpty(settings.PreviousEncodingAesKey))
        {
            return new WeChatMessageCrypto(settings.PreviousEncodingAesKey, settings.AppId!).Decrypt(cipher);
        }
    }

    private ProblemHttpResult Reject(int status, string detail)
    {
        LogRejected(status, detail);
        return TypedResults.Problem(detail, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat request rejected with {Status}: {Reason}")]
    private partial void LogRejected(int status, string reason);
}
