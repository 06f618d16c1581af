using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Validation;

/// <summary>
/// Whether a stored VEX statement is about a finding: the product it is bound to, the vulnerability under any of its
/// names (statement aliases, and alias groups the knowledge base holds), and a target naming the finding's component
/// (purl type, namespace and name; then its exact version, a <c>vers:</c> range, or every version).
/// </summary>
public sealed class VexMatcher(VersionSchemeRegistry schemes, IReadOnlyDictionary<string, IReadOnlyList<string>> aliasGroups)
{
    /// <summary>Every id the statements name, to look their alias groups up with.</summary>
    public static IReadOnlyList<string> IdsOf(IEnumerable<StoredVexStatement> statements) =>
        statements.SelectMany(s => s.Statement.Aliases.Prepend(s.Statement.VulnerabilityId)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A statement bound to a product applies to it when the binding is its name, or a purl whose name is its name
    /// (an OpenVEX product <c>pkg:oci/payments-api@sha256:…</c> is the product payments-api). Unbound statements apply everywhere.
    /// </summary>
    public static bool IsFor(string? binding, string product)
    {
        if (binding is null || string.Equals(binding, product, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return binding.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase)
            && PackageUrl.Parse(binding) is { Success: true, Value: var purl }
            && string.Equals(purl.Name, product, StringComparison.OrdinalIgnoreCase);
    }

    public bool Matches(StoredVexStatement stored, StoredFinding finding)
    {
        if (stored.FindingId is { } findingId)
        {
            // A triage or an applied suggestion is about exactly the finding it was recorded on.
            return findingId == finding.Id;
        }

        var statement = stored.Statement;
        if (!IsFor(stored.Product, finding.Product) || !NamesTheVulnerability(statement, finding.Vulnerability))
        {
            return false;
        }

        // Without components the statement is about the whole product it is bound to; unbound, it is about nothing.
        return statement.Targets.Count == 0 ? stored.Product is not null : statement.Targets.Any(t => Names(t, finding));
    }

    private bool NamesTheVulnerability(VexStatement statement, VulnerabilityRef vulnerability)
    {
        var names = new HashSet<string>(vulnerability.Aliases.Prepend(vulnerability.Id), StringComparer.OrdinalIgnoreCase);
        return statement.Aliases.Prepend(statement.VulnerabilityId)
            .SelectMany(id => aliasGroups.GetValueOrDefault(id) ?? [id])
            .Any(names.Contains);
    }

    private bool Names(VexTarget target, StoredFinding finding)
    {
        if (target.Purl is null || PackageUrl.Parse(target.Purl) is not { Success: true, Value: var wanted }
            || PackageUrl.Parse(finding.ComponentPurl) is not { Success: true, Value: var component })
        {
            return false;
        }

        if (!string.Equals(wanted.Type, component.Type, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(wanted.Namespace, component.Namespace, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(wanted.Name, component.Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var version = component.Version ?? finding.Version;
        if (wanted.Version is { } exact)
        {
            return version is not null && SameVersion(component, exact, version);
        }

        if (target.VersRange is { } vers)
        {
            return version is not null && VersRange.Parse(vers, schemes) is { Success: true, Value: var range } && range.Contains(version, schemes) == true;
        }

        return true;
    }

    private bool SameVersion(PackageUrl component, string left, string right)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        // "1.0" and "1.0.0" are one Maven version: the scheme decides where there is one.
        return Ecosystems.FromPurl(component) is { } ecosystem && schemes.For(ecosystem) is { } scheme
            && scheme.TryParse(left, out var a, out _) && scheme.TryParse(right, out var b, out _) && a.CompareTo(b) == 0;
    }
}
