using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Xunit;

namespace Ctem.Engine.Tests.Access;

public sealed class ApiTokensTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task IssueAsync_StoresOnlyTheHashOfA256BitToken()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var tokens = new ApiTokens(fixture.Store.Tokens, Counting(), fixture.Time);

        var issued = await tokens.IssueAsync("payments", ApiRole.Writer, null, Ct);

        Assert.StartsWith("ctem_", issued.Secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(Base64(issued.Secret["ctem_".Length..])).Length);
        Assert.Null(await fixture.Store.Tokens.FindTokenAsync(issued.Secret, Ct));
        Assert.Equal(issued.Token, (await fixture.Store.Tokens.FindTokenAsync(ApiTokens.Hash(issued.Secret), Ct))!.Value.Token);
    }

    public static TheoryData<string, string?> Presented => new()
    {
        { "the token", "payments" },
        { "another token", null },
        { "no prefix", null },
        { "empty", null },
        { "revoked", null },
        { "expired", null },
    };

    [Theory]
    [MemberData(nameof(Presented))]
    public async Task AuthenticateAsync_OnlyTheUsableTokenItself_Authenticates(string presented, string? team)
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var tokens = new ApiTokens(fixture.Store.Tokens, Counting(), fixture.Time);
        var issued = await tokens.IssueAsync("payments", ApiRole.Reader, fixture.Time.GetUtcNow().AddDays(1), Ct);
        var other = await tokens.IssueAsync("payments", ApiRole.Reader, null, Ct);
        await fixture.Store.Tokens.RevokeTokenAsync(other.Token.Id, Ct);
        var secret = presented switch
        {
            "the token" or "expired" => issued.Secret,
            "another token" => issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A'),
            "no prefix" => issued.Secret["ctem_".Length..],
            "revoked" => other.Secret,
            _ => "",
        };
        if (presented == "expired")
        {
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var token = await tokens.AuthenticateAsync(secret, Ct);

        Assert.Equal(team, token?.Team);
        Assert.Equal(team is null ? null : fixture.Time.GetUtcNow(), token?.LastUsedAt);
    }

    private static RandomFill Counting()
    {
        byte next = 0;
        return buffer =>
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = next++;
            }
        };
    }

    private static string Base64(string url) => url.Replace('-', '+').Replace('_', '/').PadRight((url.Length + 3) / 4 * 4, '=');
}
