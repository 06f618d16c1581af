using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task CreateTokenAsync_NewTeam_StoresTheHashAndTheTeam()
    {
        var store = await OpenStoreAsync();

        var created = await store.Tokens.CreateTokenAsync("payments", ApiRole.Writer, new string('a', 64), StoreData.T0.AddDays(30), Ct);
        await store.Tokens.CreateTokenAsync("payments", ApiRole.Reader, new string('b', 64), null, Ct);

        var found = await store.Tokens.FindTokenAsync(new string('a', 64), Ct);
        Assert.Equal((created, new string('a', 64)), found);
        Assert.Equal(["payments"], await store.Tokens.ListTeamsAsync(Ct));
        Assert.Equal([ApiRole.Writer, ApiRole.Reader], (await store.Tokens.ListTokensAsync(Ct)).Select(t => t.Role));
        Assert.Null(await store.Tokens.FindTokenAsync(new string('c', 64), Ct));
    }

    [SkippableFact]
    public async Task RevokeTokenAsync_Twice_RevokesOnceAndKeepsTheToken()
    {
        var store = await OpenStoreAsync();
        var token = await store.Tokens.CreateTokenAsync("web", ApiRole.Admin, new string('d', 64), null, Ct);
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await store.Tokens.RevokeTokenAsync(token.Id, Ct));
        Assert.False(await store.Tokens.RevokeTokenAsync(token.Id, Ct));
        Assert.False(await store.Tokens.RevokeTokenAsync(token.Id + 100, Ct));

        var revoked = Assert.Single(await store.Tokens.ListTokensAsync(Ct));
        Assert.Equal(StoreData.T0.AddMinutes(5), revoked.RevokedAt);
        Assert.False(revoked.IsUsableAt(StoreData.T0.AddMinutes(5)));
    }

    [SkippableFact]
    public async Task TouchTokenAsync_RecordsTheLastUse()
    {
        var store = await OpenStoreAsync();
        var token = await store.Tokens.CreateTokenAsync("web", ApiRole.Reader, new string('e', 64), null, Ct);

        await store.Tokens.TouchTokenAsync(token.Id, StoreData.T0.AddHours(2), Ct);

        Assert.Equal(StoreData.T0.AddHours(2), (await store.Tokens.FindTokenAsync(new string('e', 64), Ct))!.Value.Token.LastUsedAt);
    }
}
