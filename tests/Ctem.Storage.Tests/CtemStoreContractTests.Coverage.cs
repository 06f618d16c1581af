using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task FindEcosystemsWithAdvisoriesAsync_MixedKnowledge_OnlyEcosystemsWithLiveAdvisories()
    {
        var store = await OpenStoreAsync();
        var pypi = StoreData.Npm("requests") with { Ecosystem = "PyPI", Purl = "pkg:pypi/requests" };
        var debian = StoreData.Npm("openssl") with { Ecosystem = "Debian:12", Purl = "pkg:deb/debian/openssl" };
        await ImportAsync(
            store,
            StoreData.Advisory("GHSA-npm", StoreData.T0, [StoreData.Npm("left-pad")]),
            StoreData.Advisory("GHSA-pypi", StoreData.T0, [pypi], withdrawn: StoreData.T0),
            StoreData.Advisory("DSA-1", StoreData.T0, [debian]));

        var held = await store.FindEcosystemsWithAdvisoriesAsync(["npm", "PyPI", "Go", "Debian:12", "Debian:11", "npm"], Ct);

        // A withdrawn advisory never matches: PyPI holds none that counts.
        Assert.Equal(["Debian:12", "npm"], held.Order(StringComparer.Ordinal));
    }
}
