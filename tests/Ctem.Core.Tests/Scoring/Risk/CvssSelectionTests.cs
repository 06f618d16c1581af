using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Risk;

/// <summary>The documented order of CVSS sources: advisory, CNA, NVD primary, ADP, NVD secondary, scanner report.</summary>
public sealed class CvssSelectionTests
{
    private const string V31High = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
    private const string V31Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private const string V31Medium = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N";
    private const string V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    private const string V2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P";

    public static TheoryData<string, string?, string?, string[], string, string> Cases => new()
    {
        // case, own vector, own source, record candidates ("vector|source"), chosen vector, chosen source
        { "advisory's own first", V31Medium, "osv:GHSA-1", [$"{V31Critical}|cve:cna", $"{V31High}|nvd:primary"], V31Medium, "osv:GHSA-1" },
        { "then the CNA", null, null, [$"{V31High}|nvd:primary", $"{V31Critical}|cve:cna", $"{V31Medium}|cve:adp:CISA-ADP"], V31Critical, "cve:cna" },
        { "then NVD primary", null, null, [$"{V31Medium}|cve:adp:CISA-ADP", $"{V31High}|nvd:primary"], V31High, "nvd:primary" },
        { "then an ADP, before a report", V31Critical, "report:grype", [$"{V31Medium}|cve:adp:CISA-ADP"], V31Medium, "cve:adp:CISA-ADP" },
        { "then NVD secondary", V31Critical, "report:grype", [$"{V31Medium}|nvd:secondary:cna@example.org"], V31Medium, "nvd:secondary:cna@example.org" },
        { "a report last", V31Critical, "report:trivy", [], V31Critical, "report:trivy" },
        { "newest version within a source", null, null, [$"{V2}|cve:cna", $"{V31High}|cve:cna", $"{V40}|cve:cna"], V40, "cve:cna" },
        { "invalid vectors never chosen", null, null, ["CVSS:3.1/AV:X|cve:cna", $"{V2}|nvd:primary"], V2, "nvd:primary" },
        { "an earlier choice from records is replaced", V31Critical, "nvd:primary", [$"{V31High}|nvd:primary"], V31High, "nvd:primary" },
        { "unlabelled own vector counts as the advisory's", V31Medium, null, [$"{V31Critical}|cve:cna"], V31Medium, "osv" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ChoosesByTheDocumentedOrder_KeepsEveryCandidate(string name, string? own, string? ownSource, string[] candidates, string vector, string source)
    {
        var vulnerability = new VulnerabilityRef("CVE-2024-0001", [], null, null, []) { Cvss = own, CvssSource = ownSource };
        var record = new CveRecord("CVE-2024-0001", "cve", DateTimeOffset.UnixEpoch, "PUBLISHED")
        {
            Cvss = [.. candidates.Select(c => c.Split('|')).Select(p => new CvssCandidate(p[0], p[1]))],
        };

        var chosen = CvssSelection.Apply(vulnerability, [record]);

        Assert.Equal((vector, source), (chosen.Cvss, chosen.CvssSource));
        var expectedCandidates = candidates.Length + (own is null || ownSource?.StartsWith("nvd:", StringComparison.Ordinal) == true ? 0 : 1);
        Assert.True(expectedCandidates == chosen.CvssCandidates.Count, name);
    }

    [Fact]
    public void Apply_RecordsGiveSsvcAndCwes_FromTheCveRecordBeforeNvd()
    {
        var vulnerability = new VulnerabilityRef("GHSA-1", ["CVE-2024-0001"], null, null, []) { Cwes = ["CWE-79"] };
        var cisa = new SsvcPoints("active", "yes", "total", "cve:adp:CISA-ADP", DateTimeOffset.UnixEpoch);
        CveRecord[] records =
        [
            new("CVE-2024-0001", "nvd", DateTimeOffset.UnixEpoch, "Analyzed") { Cwes = [new CveWeakness("CWE-787", "nvd:primary")] },
            new("CVE-2024-0001", "cve", DateTimeOffset.UnixEpoch, "PUBLISHED") { Ssvc = cisa, Cwes = [new CveWeakness("CWE-79", "cve:cna")] },
        ];

        var applied = CvssSelection.Apply(vulnerability, records);

        Assert.Equal(cisa, applied.Ssvc);
        Assert.Equal(["CWE-787", "CWE-79"], applied.Cwes);
        Assert.Null(applied.Cvss);
    }
}
