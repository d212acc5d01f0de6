using System.Net;
using System.Text;
using Conversational.Skills.Returns;

namespace Conversational.Host.Tests.Channels.WeChat.Binding;

/// <summary>
/// 公众号绑定会员: the merchant's back end binds a follower's OpenID to the member who signed in on its H5 page, and the
/// bot then serves the follower as that member.
/// </summary>
public sealed class WeChatBindingEndpointsTests : WeChatTestHost
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("merchant-backend-binding-ke")]
    public async Task Without_the_right_key_nothing_is_bound(string? key)
    {
        var openId = WeChatServer.NewOpenId();
        using var response = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1003"}""", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var reply = await WeChat.SayAsync(openId, "我要退货");
        Assert.All(MemberOrderIds(), id => Assert.DoesNotContain(id, reply, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"openId":"o1","customerId":"c9999"}""", HttpStatusCode.NotFound)]
    [InlineData("""{"openId":"o1","customerId":"wechat:o2"}""", HttpStatusCode.NotFound)]
    [InlineData("""{"openId":"","customerId":"c1003"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"customerId":"c1003"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"openId":"o1"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"openId":""", HttpStatusCode.BadRequest)]
    public async Task A_bad_request_or_unknown_customer_gets_a_clear_error(string body, HttpStatusCode expected)
    {
        using var response = await PostAsync(body, BindingApiKey);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_OpenID_bound_to_one_customer_cannot_be_bound_to_another_until_unbound()
    {
        var openId = WeChatServer.NewOpenId();
        using var first = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1003"}""", BindingApiKey);
        using var again = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1003"}""", BindingApiKey);
        using var other = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1004"}""", BindingApiKey);
        using var unbound = await DeleteAsync(openId, BindingApiKey);
        using var rebound = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1004"}""", BindingApiKey);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unbound.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rebound.StatusCode);
    }

    [Fact]
    public async Task Unbinding_needs_the_key_and_a_bound_OpenID()
    {
        var openId = WeChatServer.NewOpenId();
        using var bound = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1003"}""", BindingApiKey);

        using var withoutKey = await DeleteAsync(openId, null);
        using var unknown = await DeleteAsync(WeChatServer.NewOpenId(), BindingApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_bound_follower_gets_their_own_orders_in_the_returns_dialog()
    {
        var openId = WeChatServer.NewOpenId();
        using var bound = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1003"}""", BindingApiKey);

        var reply = await WeChat.SayAsync(openId, "我要退货");

        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);
        Assert.Contains(AsSeeded("E20261119003"), reply, StringComparison.Ordinal);
        Assert.Empty(await EventsOfAsync(openId));
        Assert.False(await KnowsCustomerAsync(openId));
    }

    [Fact]
    public async Task An_unbound_follower_is_a_visitor_without_orders()
    {
        var openId = WeChatServer.NewOpenId();
        using var bound = await PostAsync($$"""{"openId":"{{openId}}","customerId":"c1003"}""", BindingApiKey);
        using var unbound = await DeleteAsync(openId, BindingApiKey);

        var reply = await WeChat.SayAsync(openId, "我要退货");

        Assert.All(MemberOrderIds(), id => Assert.DoesNotContain(id, reply, StringComparison.Ordinal));
        Assert.NotEmpty(await EventsOfAsync(openId));
    }

    // The demo moves with the China date and its order ids carry the date, so expected ids are read off the same demo.
    private static DemoOrders Seeded() =>
        DemoOrders.LoadEmbedded().ShiftedTo(DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime));

    /// <summary>The bound member's (c1003's) order numbers as the host seeded them.</summary>
    private static IReadOnlyList<string> MemberOrderIds() => [.. Seeded().OrdersOf("c1003").Select(order => order.OrderId)];

    /// <summary>An order number of the embedded demo as the host seeded it today (the orders keep their places).</summary>
    private static string AsSeeded(string orderId)
    {
        var index = DemoOrders.LoadEmbedded().Orders.ToList().FindIndex(order => order.OrderId == orderId);
        Assert.True(index >= 0, $"{orderId} is not a demo order");
        return Seeded().Orders[index].OrderId;
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/wechat/bindings", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, key);
    }

    private async Task<HttpResponseMessage> DeleteAsync(string openId, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/wechat/bindings/" + openId, UriKind.Relative));
        return await SendAsync(request, key);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? key)
    {
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return Factory.CreateClient().SendAsync(request);
    }
}
