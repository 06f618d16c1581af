using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    // NVD's CPE configurations in both shapes: API 2.0 (CVE-2023-38408's, OpenSSH) and the legacy feed's AND node.
    private static readonly CveRecord OpenSshRecord = new("CVE-2023-38408", "nvd", StoreData.T0, "Modified")
    {
        CpeConfigurationsJson = """[{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:openbsd:openssh:*:*:*:*:*:*:*:*","versionEndExcluding":"9.3"}]}]},{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:o:fedoraproject:fedora:37:*:*:*:*:*:*:*"}]}]}]""",
    };

    private static readonly CveRecord LegacyRecord = new("CVE-2021-3669", "nvd", StoreData.T0, "Analyzed")
    {
        CpeConfigurationsJson = """{"nodes":[{"operator":"AND","children":[{"operator":"OR","cpe_match":[{"vulnerable":true,"cpe23Uri":"cpe:2.3:a:ibm:spectrum_protect_plus:*:*:*:*:*:*:*:*","versionEndIncluding":"10.1.10.2"}]},{"operator":"OR","cpe_match":[{"vulnerable":false,"cpe23Uri":"cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*"}]}],"cpe_match":[]}]}""",
    };

    public static TheoryData<string, string, string> NamedProducts => new()
    {
        { "openbsd", "openssh", "CVE-2023-38408" },
        { "OpenBSD", "OpenSSH", "CVE-2023-38408" },
        { "fedoraproject", "fedora", "CVE-2023-38408" },
        { "ibm", "spectrum_protect_plus", "CVE-2021-3669" },
        { "linux", "linux_kernel", "CVE-2021-3669" },
        { "f5", "nginx", "" },
    };

    [SkippableTheory]
    [MemberData(nameof(NamedProducts))]
    public async Task GetCveRecordsNamingAsync_Product_FindsTheRecordsNamingIt(string vendor, string product, string expected)
    {
        var store = await OpenStoreAsync();
        await UpsertCveRecordsAsync(store, OpenSshRecord, LegacyRecord, OpenSshRecord with { Database = "cve", CpeConfigurationsJson = null });

        var found = await store.GetCveRecordsNamingAsync([(vendor, product)], Ct);

        Assert.Equal(expected, string.Join(" ", found.Select(r => r.CveId)));
        Assert.All(found, r => Assert.Equal("nvd", r.Database));
    }

    [SkippableFact]
    public async Task GetCveRecordsNamingAsync_RecordReplaced_FollowsTheNewConfigurations()
    {
        var store = await OpenStoreAsync();
        await UpsertCveRecordsAsync(store, OpenSshRecord);

        await UpsertCveRecordsAsync(store, OpenSshRecord with { Modified = StoreData.T0.AddDays(1), CpeConfigurationsJson = LegacyRecord.CpeConfigurationsJson });

        Assert.Empty(await store.GetCveRecordsNamingAsync([("openbsd", "openssh")], Ct));
        Assert.Equal(["CVE-2023-38408"], (await store.GetCveRecordsNamingAsync([("ibm", "spectrum_protect_plus")], Ct)).Select(r => r.CveId));
    }

    /// <summary>Records stored before migration 28 are indexed by it from their JSON.</summary>
    [SkippableFact]
    public async Task FingerprintCpesMigration_RecordsAlreadyStored_AreIndexed()
    {
        var store = await OpenStoreAsync();
        await UpsertCveRecordsAsync(store, OpenSshRecord, LegacyRecord);
        var migration = MigrationCatalog.For(((DbCtemStore)store).Dialect.MigrationFolder).Single(m => m.Version == 28);

        await QueryAsync<int>(store, "DROP TABLE cve_cpe_products");
        await QueryAsync<int>(store, migration.Sql);

        var rows = await QueryAsync<(string, string, string)>(store, "SELECT vendor, product, cve_id FROM cve_cpe_products ORDER BY cve_id, vendor, product");
        Assert.Equal(
            [("ibm", "spectrum_protect_plus", "CVE-2021-3669"), ("linux", "linux_kernel", "CVE-2021-3669"), ("fedoraproject", "fedora", "CVE-2023-38408"), ("openbsd", "openssh", "CVE-2023-38408")],
            rows);
    }

    private static async Task UpsertCveRecordsAsync(ICtemStore store, params CveRecord[] records)
    {
        await using var import = await store.BeginKnowledgeImportAsync(Ct);
        foreach (var record in records)
        {
            await import.UpsertCveRecordAsync(record, Ct);
        }

        await import.CommitAsync(Ct);
    }
}
