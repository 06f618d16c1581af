using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordScanAsync_DerivedIdentity_KeepsHowTheLatestObservationDerivedIt()
    {
        var store = await OpenStoreAsync();
        var guessed = new IdentityDerivation("the message's 'Package:' (Trivy); the distribution (alpine) guessed from the image name 'alpine-310'", IdentityConfidence.Guessed);
        var libssl = StoreData.Finding("pkg:apk/alpine/libssl1.1@1.1.1c-r0", "CVE-2019-1549");
        await store.RecordScanAsync(StoreData.Scan("image", StoreData.T0, [libssl with { Identity = guessed }, StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var first = await store.GetCurrentFindingsAsync("image", Ct);

        await store.RecordScanAsync(StoreData.Scan("image", StoreData.T0.AddDays(1), [libssl, StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var second = await store.GetCurrentFindingFactsAsync("image", Ct);

        Assert.Equal(guessed, first.Single(f => f.Vulnerability.Id == "CVE-2019-1549").Identity);
        Assert.Null(first.Single(f => f.Vulnerability.Id == "CVE-1").Identity);
        Assert.All(second, f => Assert.Null(f.Identity));
    }
}
