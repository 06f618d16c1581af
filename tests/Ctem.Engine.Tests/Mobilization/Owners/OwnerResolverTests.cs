using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Engine.Mobilization.Owners;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Owners;

/// <summary>Issue 13: a finding's owner is the first component pattern it matches, else the last CODEOWNERS rule of its file, else the product's team.</summary>
public sealed class OwnerResolverTests
{
    private static readonly ProductOwnership Ownership = new(
        "platform",
        [new("pkg:npm/@acme/*", "web"), new("pkg:npm/lodash@4.*", "lodash-keepers"), new("pkg:maven/com.acme.*/*", "java"), new("pkg:npm/*", "node")],
        [new("*", ["@org/everyone"], 1), new("/frontend/", ["@org/frontend", "@alice"], 2), new("/frontend/legacy/", [], 3)])
    {
        CodeOwnersFile = ".github/CODEOWNERS",
    };

    /// <summary>Cases: purl (or null for a non-package asset), the file it was found in, the owner, the rule that named it.</summary>
    public static TheoryData<string?, string?, string?, string?> Cases => new()
    {
        // Purls are matched decoded (the npm scope's @ is %40 in canonical form) and case-insensitively.
        { "pkg:npm/%40acme/ui@1.2.3", "frontend/package-lock.json", "web", "owners: pkg:npm/@acme/*" },
        { "pkg:npm/@ACME/ui@1.2.3", null, "web", "owners: pkg:npm/@acme/*" },
        // A pattern with a version names versions; the first match in file order wins.
        { "pkg:npm/lodash@4.17.20", null, "lodash-keepers", "owners: pkg:npm/lodash@4.*" },
        { "pkg:npm/lodash@3.10.1", null, "node", "owners: pkg:npm/*" },
        { "pkg:maven/com.acme.billing/invoices@2.0", null, "java", "owners: pkg:maven/com.acme.*/*" },
        // No component pattern: the last CODEOWNERS rule covering the file, its first owner.
        { "pkg:pypi/django@3.2.9", "frontend/requirements.txt", "@org/frontend", ".github/CODEOWNERS:2 /frontend/" },
        { "pkg:pypi/django@3.2.9", "backend/requirements.txt", "@org/everyone", ".github/CODEOWNERS:1 *" },
        { null, "frontend/src/app.ts", "@org/frontend", ".github/CODEOWNERS:2 /frontend/" },
        // A rule without owners leaves the file to the product's team.
        { "pkg:pypi/django@3.2.9", "frontend/legacy/requirements.txt", "platform", "product owner" },
        { "pkg:pypi/django@3.2.9", null, "platform", "product owner" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_Case_NamesTheOwnerAndTheRule(string? purl, string? file, string? owner, string? source)
    {
        var parsed = purl is null ? null : PackageUrl.Parse(purl).Value;
        var component = new Component(parsed?.Name ?? "https://shop.example/", parsed?.Version, parsed, null, new SourceLocation("r.json", null));
        var finding = new ObservedFinding(component, new VulnerabilityRef("CVE-2024-1", [], null, null, []), [])
        {
            Place = file is null ? null : new FilePlace(null, file, null),
        };

        var resolved = new OwnerResolver(Ownership).Resolve(finding);

        Assert.Equal((owner, source), (resolved?.Team, resolved?.Source));
    }

    [Fact]
    public void Assign_NoRulesAndNoTeam_LeavesFindingsWithoutOwner()
    {
        var finding = new ObservedFinding(new Component("x", "1", PackageUrl.Parse("pkg:npm/x@1").Value, null, new SourceLocation("a", null)), new VulnerabilityRef("CVE-2024-1", [], null, null, []), []);

        Assert.Null(Assert.Single(OwnerResolver.Assign([finding], ProductOwnership.None)).Owner);
        Assert.Null(Assert.Single(OwnerResolver.Assign([finding], null)).Owner);
    }
}
