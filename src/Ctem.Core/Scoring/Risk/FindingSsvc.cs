using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Core.Scoring.Risk;

/// <summary>
/// The CISA SSVC decision for one finding, with each decision point taken from what Ctem knows: CISA's own decision
/// points where its ADP container gives them, else Exploitation from KEV and EPSS, Automatable and Technical Impact
/// from the CVSS vector; Mission &amp; Well-Being from the product's scope.
/// </summary>
public static class FindingSsvc
{
    /// <summary>
    /// The EPSS probability from which a public exploit is assumed (SSVC <em>public PoC</em>). EPSS models exploitation
    /// activity, which rarely exists without public exploit code; 0.1 is the top ~5% of scored CVEs.
    /// </summary>
    public const double PublicExploitEpss = 0.1;

    /// <param name="validated">Why the exposure counts as shown exploitable on the product's deployment (<c>ctem validate</c>); null when it was not.</param>
    public static (SsvcDecision Decision, string Reasons) Decide(VulnerabilityRef vulnerability, Exploitation? exploitation, ProductRiskContext product, string? validated = null)
    {
        ArgumentNullException.ThrowIfNull(vulnerability);
        ArgumentNullException.ThrowIfNull(product);
        var inKev = exploitation?.Kev is not null;
        var highEpss = exploitation?.Epss?.Score >= PublicExploitEpss;
        var exploitReference = vulnerability.ExploitReferences.FirstOrDefault();
        // A check that reproduced the exposure on the deployment is a working proof of concept: public PoC at least.
        var exploitationValue = SsvcDerivations.ExploitationFrom(inKev, highEpss || exploitReference is not null || validated is not null);
        var exploitationReason = inKev ? "listed in CISA KEV"
            : validated is not null ? validated
            : exploitReference is not null ? $"public exploit reference {exploitReference}"
            : highEpss ? $"EPSS {exploitation!.Epss!.Score.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} >= {PublicExploitEpss.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : "not in KEV, no exploit reference, EPSS below " + PublicExploitEpss.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var vector = vulnerability.Cvss is { } text && Cvss.ParseVector(text) is { Success: true } parsed ? parsed.Value : null;
        var automatable = vector is null ? null : SsvcDerivations.AutomatableFrom(vector);
        var technicalImpact = vector is null ? null : SsvcDerivations.TechnicalImpactFrom(vector);
        var vectorReason = vector is null ? "no CVSS vector, assumed"
            : automatable is null ? $"CVSS {vector.Version} cannot tell, assumed"
            : $"from the CVSS {vector.Version} vector";
        var automatableReason = vectorReason;
        var impactReason = vectorReason;

        // Where CISA has decided a point, its decision stands; only what it left open is derived. A KEV listing newer
        // than CISA's decision still raises exploitation to active: the catalogue is the later evidence.
        if (vulnerability.Ssvc is { } cisa)
        {
            var decided = $"decided by {cisa.Source}{(cisa.Timestamp is { } at ? " on " + at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}";
            if (CisaExploitation(cisa.Exploitation) is { } cisaExploitation && !(inKev && cisaExploitation != SsvcExploitation.Active) && !(validated is not null && cisaExploitation == SsvcExploitation.None))
            {
                (exploitationValue, exploitationReason) = (cisaExploitation, decided);
            }

            if (cisa.Automatable is "yes" or "no")
            {
                (automatable, automatableReason) = (cisa.Automatable == "yes" ? SsvcAutomatable.Yes : SsvcAutomatable.No, decided);
            }

            if (cisa.TechnicalImpact is "partial" or "total")
            {
                (technicalImpact, impactReason) = (cisa.TechnicalImpact == "total" ? SsvcTechnicalImpact.Total : SsvcTechnicalImpact.Partial, decided);
            }
        }

        var (mission, missionReason) = MissionAndWellbeing(product);
        var decision = CisaSsvc.Decide(new SsvcInputs(
            exploitationValue, automatable ?? SsvcAutomatable.No, technicalImpact ?? SsvcTechnicalImpact.Partial, mission));
        var reasons = string.Join("; ", [
            $"{decision.Selections[0]} ({exploitationReason})",
            $"{decision.Selections[1]} ({automatableReason})",
            $"{decision.Selections[2]} ({impactReason})",
            $"{decision.Selections[3]} ({missionReason})",
        ]);
        return (decision, reasons);
    }

    private static SsvcExploitation? CisaExploitation(string? value) => value switch
    {
        "none" => SsvcExploitation.None,
        "public-poc" => SsvcExploitation.PublicPoc,
        "active" => SsvcExploitation.Active,
        _ => null,
    };

    /// <summary>
    /// CISA's Mission &amp; Well-Being Impact: high when the product is mission-essential (critical or a crown jewel),
    /// medium when it supports the mission (high, medium or undeclared criticality) or handles confidential or
    /// restricted data (material harm to people if exposed), low otherwise.
    /// </summary>
    public static (SsvcMissionAndWellbeing Value, string Reason) MissionAndWellbeing(ProductRiskContext product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (product.CrownJewel || product.Criticality == Criticality.Critical)
        {
            return (SsvcMissionAndWellbeing.High, product.CrownJewel ? "crown jewel" : "criticality critical");
        }

        if (product.Criticality is Criticality.High or Criticality.Medium)
        {
            return (SsvcMissionAndWellbeing.Medium, $"criticality {product.Criticality.ToString().ToLowerInvariant()}");
        }

        if (product.DataSensitivity is DataSensitivity.Confidential or DataSensitivity.Restricted)
        {
            return (SsvcMissionAndWellbeing.Medium, $"{product.DataSensitivity.ToString().ToLowerInvariant()} data");
        }

        return product.Criticality == Criticality.Low
            ? (SsvcMissionAndWellbeing.Low, "criticality low")
            : (SsvcMissionAndWellbeing.Medium, "criticality not declared, medium assumed");
    }
}
