using System.Text.Json;
using Conversational.Skills.Installments;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Skills.Tests.Installments;

public sealed class OneTimeCodeChallengeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8)));
    private readonly CapturingSender _sender = new();
    private readonly OneTimeCodeChallenge _challenge;

    public OneTimeCodeChallengeTests() => _challenge = new OneTimeCodeChallenge(_sender, _time);

    [Fact]
    public async Task Issue_SendsASixDigitCode_AndKeepsOnlyItsHash()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");

        var (customerId, last4, code) = Assert.Single(_sender.Sent);
        Assert.Equal(("c1001", "4821"), (customerId, last4));
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain($"\"{code}\"", JsonSerializer.Serialize(state), StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(state.Hash).Length);
        Assert.Equal(OneTimeCodeStatus.Pending, state.Status);
        Assert.Equal(0, state.FailedAttempts);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), state.ExpiresAt);
    }

    [Fact]
    public async Task Issue_TwoChallenges_DrawDifferentSalts()
    {
        var first = await _challenge.IssueAsync("c1001", "4821");
        var second = await _challenge.IssueAsync("c1001", "4821");

        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Theory]
    [InlineData("482")]
    [InlineData("48a1")]
    [InlineData("48210")]
    public async Task Issue_LastFourNotFourDigits_Throws(string last4)
    {
        await Assert.ThrowsAsync<ArgumentException>("last4", () => _challenge.IssueAsync("c1001", last4));
    }

    [Fact]
    public async Task Verify_RightCode_Verifies()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");

        var result = _challenge.Verify(state, $" {_sender.LastCode} ");

        Assert.True(result.IsVerified);
        Assert.Equal(OneTimeCodeStatus.Verified, result.State.Status);
    }

    [Fact]
    public async Task Verify_WrongCodeThreeTimes_Locks_AndThenRefusesEvenTheRightCode()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");
        var wrong = WrongCode(_sender.LastCode);

        var first = _challenge.Verify(state, wrong);
        var second = _challenge.Verify(first.State, "not a code");
        var third = _challenge.Verify(second.State, wrong);
        var after = _challenge.Verify(third.State, _sender.LastCode);

        Assert.Equal((OneTimeCodeOutcome.WrongCode, 2), (first.Outcome, first.AttemptsLeft));
        Assert.Equal((OneTimeCodeOutcome.WrongCode, 1), (second.Outcome, second.AttemptsLeft));
        Assert.Equal((OneTimeCodeOutcome.Locked, 0), (third.Outcome, third.AttemptsLeft));
        Assert.Equal(OneTimeCodeStatus.Locked, third.State.Status);
        Assert.Equal(OneTimeCodeOutcome.Locked, after.Outcome);
        Assert.False(after.IsVerified);
    }

    [Fact]
    public async Task Verify_TwoWrongThenRight_Verifies()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");
        var wrong = WrongCode(_sender.LastCode);

        var result = _challenge.Verify(_challenge.Verify(_challenge.Verify(state, wrong).State, wrong).State, _sender.LastCode);

        Assert.True(result.IsVerified);
        Assert.Equal(2, result.State.FailedAttempts);
    }

    [Fact]
    public async Task Verify_AfterFiveMinutes_FailsAsExpired_WithoutCountingAnAttempt()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");
        _time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        var justInTime = _challenge.Verify(state, WrongCode(_sender.LastCode));
        _time.Advance(TimeSpan.FromSeconds(1));

        var result = _challenge.Verify(state, _sender.LastCode);

        Assert.Equal(OneTimeCodeOutcome.WrongCode, justInTime.Outcome);
        Assert.Equal(OneTimeCodeOutcome.Expired, result.Outcome);
        Assert.False(result.IsVerified);
        Assert.Equal(state, result.State);
    }

    [Fact]
    public async Task Verify_UsedCode_CannotVerifyAgain()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");
        var used = _challenge.Verify(state, _sender.LastCode).State;

        var again = _challenge.Verify(used, _sender.LastCode);

        Assert.Equal(OneTimeCodeOutcome.AlreadyUsed, again.Outcome);
        Assert.False(again.IsVerified);
    }

    [Fact]
    public async Task Verify_StateForAnotherCard_DoesNotAcceptThisCardsCode()
    {
        var state = await _challenge.IssueAsync("c1001", "4821");

        var result = _challenge.Verify(state with { Last4 = "9034" }, _sender.LastCode);

        Assert.Equal(OneTimeCodeOutcome.WrongCode, result.Outcome);
    }

    [Fact]
    public async Task State_RoundTripsThroughSystemTextJson_AndStillVerifies()
    {
        var state = _challenge.Verify(await _challenge.IssueAsync("c1001", "4821"), WrongCode(_sender.LastCode)).State;

        var json = JsonSerializer.Serialize(state, JsonSerializerOptions.Web);
        var restored = JsonSerializer.Deserialize<OneTimeCodeState>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(state, restored);
        Assert.Contains("\"status\":\"Pending\"", json, StringComparison.Ordinal);
        Assert.True(_challenge.Verify(restored, _sender.LastCode).IsVerified);
    }

    private static string WrongCode(string code) => code == "000000" ? "000001" : "000000";

    private sealed class CapturingSender : IOneTimeCodeSender
    {
        public List<(string CustomerId, string Last4, string Code)> Sent { get; } = [];

        public string LastCode => Sent[^1].Code;

        public Task SendAsync(string customerId, string last4, string code, CancellationToken cancellationToken)
        {
            Sent.Add((customerId, last4, code));
            return Task.CompletedTask;
        }
    }
}
