using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private const string Mismatch = "the advisory is for crates.io (RUSTSEC-2021-0049), the component is npm";

    [SkippableFact]
    public async Task GetAdvisoryEcosystemsAsync_AdvisoryIds_GiveWhatEachIsFor()
    {
        var store = await OpenStoreAsync();
        var crate = new AffectedPackage("crates.io", "through", "pkg:cargo/through", [], ["0.1.0"]);
        var python = new AffectedPackage("PyPI", "through", "pkg:pypi/through", [], ["1.0"]);
        await ImportAsync(
            store,
            StoreData.Advisory("RUSTSEC-2021-0049", StoreData.T0, [crate]) with { Aliases = ["CVE-2021-29940"] },
            StoreData.Advisory("GHSA-two", StoreData.T0, [python, StoreData.Npm("through"), StoreData.Npm("through2")]),
            StoreData.Advisory("GHSA-gone", StoreData.T0, [StoreData.Npm("x")], withdrawn: StoreData.T0));

        // An alias, a withdrawn advisory and an unknown id say nothing of what they are for.
        var ecosystems = await store.GetAdvisoryEcosystemsAsync(["RUSTSEC-2021-0049", "GHSA-two", "CVE-2021-29940", "GHSA-gone", "GHSA-404"], Ct);

        Assert.Equal(["GHSA-two", "RUSTSEC-2021-0049"], ecosystems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["crates.io"], ecosystems["RUSTSEC-2021-0049"]);
        Assert.Equal(["PyPI", "npm"], ecosystems["GHSA-two"]);
    }

    [SkippableFact]
    public async Task GetAdvisoryEcosystemsAsync_ManyIds_AreLookedUpInBatches()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-a", StoreData.T0, [StoreData.Npm("x")]));
        var ids = Enumerable.Range(0, 1_200).Select(i => $"GHSA-{i}").Append("GHSA-a").ToList();

        var ecosystems = await store.GetAdvisoryEcosystemsAsync(ids, Ct);

        Assert.Equal(["npm"], Assert.Single(ecosystems).Value);
    }

    [SkippableFact]
    public async Task RecordScanAsync_SuspectFinding_KeepsTheLatestObservationsReason()
    {
        var store = await OpenStoreAsync();
        var through = StoreData.Finding("pkg:npm/through@2.3.8", "CVE-2021-29940");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [through with { Suspect = Mismatch }, StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var first = await store.GetCurrentFindingsAsync("shop", Ct);

        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [through, StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var second = await store.GetCurrentFindingsAsync("shop", Ct);

        Assert.Equal(Mismatch, first.Single(f => f.Vulnerability.Id == "CVE-2021-29940").Suspect);
        Assert.Null(first.Single(f => f.Vulnerability.Id == "CVE-1").Suspect);
        Assert.All(second, f => Assert.Null(f.Suspect));
    }
}
