using System.Security.Cryptography;
using System.Text;
using Conversational.Skills.Returns;

namespace Conversational.Skills.Tests.Returns;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-demo-warehouse";
    private const string DeliveryId = "dlv_7f3a9c2e";

    // 2026-11-23T02:00:00Z.
    private const string Timestamp = "1795399200";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1795399200);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"rmaId":"RMA20261115001","status":"WarehouseReceived","note":"上海仓"}""");

    [Fact]
    public void Sign_EqualsHmacSha256OfTimestampDotDeliveryIdDotThenTheBody()
    {
        var signed = Encoding.UTF8.GetBytes($"{Timestamp}.{DeliveryId}.").Concat(Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));

        Assert.Equal(expected, WebhookSignature.Sign(Secret, Timestamp, DeliveryId, Body));
    }

    [Fact]
    public void Sign_MatchesAVectorComputedOutsideDotNet()
    {
        // Python: hmac.new(b"whsec-demo-warehouse", b"1795399200.dlv_7f3a9c2e." + body_utf8, hashlib.sha256).hexdigest()
        const string Vector = "c38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e142";

        Assert.Equal(Vector, WebhookSignature.Sign(Secret, Timestamp, DeliveryId, Body));
    }

    [Fact]
    public void Verify_ACorrectlySignedFreshRequest_IsValid()
    {
        Assert.Equal(WebhookVerification.Valid, Verify());
    }

    [Fact]
    public void Verify_ATamperedBody_IsABadSignature()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"rmaId":"RMA20261115001","status":"Refunded","note":"上海仓"}""");

        Assert.Equal(WebhookVerification.BadSignature, Verify(body: tampered));
    }

    [Fact]
    public void Verify_ASignatureMadeWithAnotherSecret_IsABadSignature()
    {
        var signature = WebhookSignature.SignaturePrefix + WebhookSignature.Sign("another-secret", Timestamp, DeliveryId, Body);

        Assert.Equal(WebhookVerification.BadSignature, Verify(signature: signature));
    }

    [Fact]
    public void Verify_ASignatureReplayedUnderAnotherDeliveryIdOrTimestamp_IsABadSignature()
    {
        Assert.Equal(WebhookVerification.BadSignature, Verify(deliveryId: "dlv_7f3a9c2f"));
        Assert.Equal(WebhookVerification.BadSignature, Verify(timestamp: "1795399201"));
    }

    [Theory]
    [InlineData("c38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e142")]
    [InlineData("sha1=c38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e142")]
    [InlineData("sha256=c38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e1")]
    [InlineData("sha256=c38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e14200")]
    [InlineData("sha256=z38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e142")]
    [InlineData("sha256= c38fae9b6f058f26c2780e16475be0f4c1524fc4fcc114afc4769113af99e142")]
    public void Verify_ASignatureHeaderNotShapedSha256Hex_IsABadSignature(string signature)
    {
        Assert.Equal(WebhookVerification.BadSignature, Verify(signature: signature));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_ExactlyAtTheTolerance_IsValid(int seconds)
    {
        Assert.Equal(WebhookVerification.Valid, Verify(now: SentAt.AddSeconds(-seconds)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(86_400)]
    public void Verify_ATimestampFurtherInThePastThanTheTolerance_IsStale(int seconds)
    {
        Assert.Equal(WebhookVerification.StaleTimestamp, Verify(now: SentAt.AddSeconds(seconds)));
    }

    [Fact]
    public void Verify_ATimestampFurtherInTheFutureThanTheTolerance_IsStale()
    {
        Assert.Equal(WebhookVerification.StaleTimestamp, Verify(now: SentAt.AddSeconds(-301)));
    }

    [Fact]
    public void Verify_WithAShorterTolerance_UsesIt()
    {
        var now = SentAt.AddSeconds(61);

        Assert.Equal(WebhookVerification.StaleTimestamp,
            WebhookSignature.Verify(Secret, Timestamp, DeliveryId, Signature(), Body, now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Verify_AStaleRequestWithABadSignature_IsABadSignature_SoStaleAlwaysMeansAuthentic()
    {
        Assert.Equal(WebhookVerification.BadSignature, Verify(body: [], now: SentAt.AddHours(1)));
    }

    [Theory]
    [InlineData(null, DeliveryId, "sig")]
    [InlineData("", DeliveryId, "sig")]
    [InlineData(Timestamp, null, "sig")]
    [InlineData(Timestamp, "", "sig")]
    [InlineData(Timestamp, DeliveryId, null)]
    [InlineData(Timestamp, DeliveryId, "")]
    public void Verify_WithoutAHeader_IsMissingHeader(string? timestamp, string? deliveryId, string? signature)
    {
        var header = signature == "sig" ? Signature() : signature;

        Assert.Equal(WebhookVerification.MissingHeader, WebhookSignature.Verify(Secret, timestamp, deliveryId, header, Body, SentAt));
    }

    [Theory]
    [InlineData("2026-11-23T02:00:00Z")]
    [InlineData("1795399200.0")]
    [InlineData("1795399200000000000000")]
    [InlineData("253402300800")]
    [InlineData("-1795399200")]
    [InlineData("+1795399200")]
    [InlineData(" 1795399200")]
    [InlineData("1795399200 ")]
    [InlineData("١٧٩٥٣٩٩٢٠٠")]
    public void Verify_ATimestampThatIsNotUnixSeconds_IsMalformed(string timestamp)
    {
        Assert.Equal(WebhookVerification.MalformedTimestamp, Verify(timestamp: timestamp));
    }

    [Theory]
    [InlineData("dlv.7f3a9c2e")]
    [InlineData("dlv 7f3a9c2e")]
    [InlineData("投递-1")]
    public void Verify_ADeliveryIdOutsideTheSafeAlphabet_IsMalformed(string deliveryId)
    {
        Assert.Equal(WebhookVerification.MalformedDeliveryId, Verify(deliveryId: deliveryId));
    }

    [Fact]
    public void Verify_ADeliveryIdLongerThanTheLimit_IsMalformed()
    {
        var deliveryId = new string('a', WebhookSignature.MaxDeliveryIdLength + 1);

        Assert.Equal(WebhookVerification.MalformedDeliveryId, Verify(deliveryId: deliveryId));
    }

    [Fact]
    public void Sign_RefusesWhatVerifyWouldReject()
    {
        Assert.Throws<ArgumentException>("timestamp", () => WebhookSignature.Sign(Secret, "now", DeliveryId, Body));
        Assert.Throws<ArgumentException>("deliveryId", () => WebhookSignature.Sign(Secret, Timestamp, "dlv.1", Body));
        Assert.Throws<ArgumentException>("secret", () => WebhookSignature.Sign("", Timestamp, DeliveryId, Body));
    }

    private static string Signature() => WebhookSignature.SignaturePrefix + WebhookSignature.Sign(Secret, Timestamp, DeliveryId, Body);

    private static WebhookVerification Verify(
        string timestamp = Timestamp,
        string deliveryId = DeliveryId,
        string? signature = null,
        byte[]? body = null,
        DateTimeOffset? now = null) =>
        WebhookSignature.Verify(Secret, timestamp, deliveryId, signature ?? Signature(), body ?? Body, now ?? SentAt.AddSeconds(2));
}
