using System.Text;
using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.Binding;
using Conversational.Host.Channels.WeChat.Protocol;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The WeChat Official Account (公众号) channel at <c>WeChat:Path</c>: GET answers the console's URL verification,
/// POST receives pushes and answers with a passive reply (被动回复) or <c>success</c>. Mapped only when enabled.
/// </summary>
public static class WeChatChannelEndpoints
{
    public static WebApplication MapWeChatChannelEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        app.MapGet(options.Path, Verify).AllowAnonymous().WithTags("WeChat")
            .WithSummary("URL verification (服务器配置): echoes echostr when signature, timestamp and nonce are ours.");
        app.MapPost(options.Path, ReceiveAsync).AllowAnonymous().WithTags("WeChat")
            .WithSummary("A push from WeChat (plain or safe mode): the passive XML reply within the budget, else 'success'.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        WeChatBindingEndpoints.Map(app);
        return app;
    }

    private static IResult Verify(HttpRequest request, WeChatRequestReader reader)
    {
        if (reader.Verify(request.Query) is { } rejected)
        {
            return rejected;
        }

        return request.Query["echostr"].ToString() is { Length: > 0 } echo
            ? TypedResults.Text(echo, "text/plain")
            : TypedResults.Problem("echostr is missing.", statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, WeChatRequestReader reader, WeChatDeliveries deliveries,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (incoming, rejected) = await reader.ReadAsync(request, cancellationToken);
        if (rejected is not null)
        {
            return rejected;
        }

        var message = incoming!.Message;
        var outcome = await deliveries.ReplyAsync(message, cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var reply = outcome switch
        {
            { TransferToWeChatDesk: true } => WeChatReplies.TransferCustomerService(message, now),
            { Texts: [var first, ..] } => WeChatReplies.Text(message, now, first),
            _ => null,
        };
        if (reply is null)
        {
            return TypedResults.Text(WeChatReplies.Success, "text/plain");
        }

        return TypedResults.Text(incoming.Encrypted ? reader.Seal(reply) : reply, "application/xml", Encoding.UTF8);
    }
}
