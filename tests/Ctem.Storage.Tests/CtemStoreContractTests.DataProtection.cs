using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task SaveDataProtectionKeyAsync_KeysOfOneStore_AreReadByAnotherOnTheDatabase_OldestFirst_ANameOnce()
    {
        var store = await OpenStoreAsync();
        Assert.Empty(await store.GetDataProtectionKeysAsync(Ct));

        await store.SaveDataProtectionKeyAsync("key-b", "<key id=\"b\" />", StoreData.T0, Ct);
        await store.SaveDataProtectionKeyAsync("key-a", "<key id=\"a\" />", StoreData.T0.AddDays(90), Ct);
        await store.SaveDataProtectionKeyAsync("key-b", "<key id=\"b\" revoked=\"true\" />", StoreData.T0.AddDays(1), Ct);
        var other = await OpenStoreAsync();

        Assert.Equal(["<key id=\"b\" revoked=\"true\" />", "<key id=\"a\" />"], await other.GetDataProtectionKeysAsync(Ct));
    }
}
