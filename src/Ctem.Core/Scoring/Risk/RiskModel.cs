using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Core.Scoring.Risk;

/// <summary>
/// Ctem's risk score (docs/cli.md, "Risk score and priority"): a weighted mean of seven factor levels (each 0–1) scaled
/// to 0–100, then multiplied by the scope factor when the dependency only serves development or tests, and by the
/// confidence factor when the affected version is inferred rather than stated, and by a suspect factor when the reported
/// weakness is probably not about the component.
/// <code>score = 100 × Σ(weightᵢ × levelᵢ) / Σ weightᵢ × scope × confidence × suspect</code>
/// The priority is the highest whose threshold the score reaches; its SLA gives the due date.
/// </summary>
public static class RiskModel
{
    /// <summary>What a suspect finding's score is multiplied by: shown and ranked down, never dropped.</summary>
    public const double SuspectMultiplier = 0.5;

    /// <summary>The factors that multiply the score instead of adding to it; their contribution is the points they take away.</summary>
    public static IReadOnlySet<string> Multipliers { get; } = new HashSet<string>(StringComparer.Ordinal) { "scope", "confidence", "suspect", "attackPath" };

    public static RiskAssessment Assess(RiskInputs inputs, RiskPolicy policy, FeedSnapshot feeds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(feeds);
        var weights = policy.Weights;
        var (ssvc, ssvcReasons) = FindingSsvc.Decide(inputs.Vulnerability, inputs.Exploitation, inputs.Product, inputs.Validated);
        var terms = new List<(string Name, string Value, string Source, double Level, double Weight)>
        {
            CvssTerm(inputs.Vulnerability, weights.Cvss),
            EpssTerm(inputs.Vulnerability, inputs.Exploitation, feeds, weights.Epss),
            KevTerm(inputs.Exploitation, feeds, weights.Kev),
            ("ssvc", ssvc.OutcomeName, $"CISA SSVC {ssvc.TableId}: {ssvcReasons}", SsvcLevel(ssvc.Outcome), weights.Ssvc),
            CriticalityTerm(inputs.Product, weights.Criticality),
            ExposureTerm(inputs.Product, weights.Exposure),
            RelationTerm(inputs.Relation, weights.Dependency),
        };

        var total = weights.Total;
        var factors = terms
            .Select(t => new RiskFactor(t.Name, t.Value, t.Source, t.Level, t.Weight, total > 0 ? 100 * t.Weight * t.Level / total : 0))
            .ToList();
        var unscaled = factors.Sum(f => f.Contribution);
        var multiplier = IsNonRuntime(inputs.Scope) ? weights.NonRuntimeScope : 1.0;
        factors.Add(new RiskFactor(
            "scope",
            ScopeName(inputs.Scope),
            multiplier < 1 ? $"the score is multiplied by {Number(multiplier)}: the dependency does not ship with the product" : "ships with the product: no reduction",
            multiplier,
            0,
            -(1 - multiplier) * unscaled));

        var scoped = unscaled * multiplier;
        var confidence = inputs.VersionInferredFrom is null ? 1.0 : weights.InferredVersion;
        factors.Add(new RiskFactor(
            "confidence",
            inputs.VersionInferredFrom is null ? "stated version" : "inferred version",
            inputs.VersionInferredFrom is null
                ? "the inventory states the version: no reduction"
                : $"the score is multiplied by {Number(confidence)}: the version is inferred from {inputs.VersionInferredFrom}",
            confidence,
            0,
            -(1 - confidence) * scoped));

        var scaled = scoped * confidence;
        // Only a suspect finding has this factor: it is the exception, and every other finding's explanation stays as it was.
        if (inputs.Suspect is { } reason)
        {
            factors.Add(new RiskFactor(
                "suspect",
                reason,
                $"the score is multiplied by {Number(SuspectMultiplier)}: the reported weakness is probably not about this component",
                SuspectMultiplier,
                0,
                -(1 - SuspectMultiplier) * scaled));
            scaled *= SuspectMultiplier;
        }

        // Only a product whose graph has a crown jewel has this factor: without one, no path can say what matters.
        if (inputs.AttackPaths is { } paths)
        {
            var onPath = paths.Paths > 0;
            var offPath = onPath ? 1.0 : weights.OffPath;
            factors.Add(new RiskFactor(
                "attackPath",
                onPath ? $"on {paths.Paths} attack path(s)" : "on no attack path",
                onPath
                    ? $"on {paths.Paths} attack path(s) to {string.Join(", ", paths.CrownJewels)} ('ctem paths'): no reduction"
                    : $"the score is multiplied by {Number(offPath)}: no attack path to a crown jewel goes through it",
                offPath,
                0,
                -(1 - offPath) * scaled));
            scaled *= offPath;
        }

        var score = Math.Round(scaled, 1, MidpointRounding.AwayFromZero);
        var priority = PriorityOf(score, policy.Priorities);
        return new RiskAssessment(score, priority, SlaDays(priority, policy.Sla), ssvc.Outcome, factors, now);
    }

    public static Priority PriorityOf(double score, PriorityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return score >= thresholds.Critical ? Priority.Critical
            : score >= thresholds.High ? Priority.High
            : score >= thresholds.Medium ? Priority.Medium
            : Priority.Low;
    }

    public static int SlaDays(Priority priority, RemediationSla sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return priority switch
        {
            Priority.Critical => sla.Critical,
            Priority.High => sla.High,
            Priority.Medium => sla.Medium,
            _ => sla.Low,
        };
    }

    private static (string, string, string, double, double) CvssTerm(VulnerabilityRef vulnerability, double weight)
    {
        var advisories = vulnerability.AdvisoryIds.Count == 0 ? "the scanner report" : "advisories " + string.Join(", ", vulnerability.AdvisoryIds);
        if (vulnerability.Cvss is { } vector && Cvss.Parse(vector) is { Success: true, Value: var score })
        {
            return ("cvss", $"{Number(score.Score)} {Severities.Name(score.Severity)}", $"CVSS {score.Version} vector {vector} ({vulnerability.CvssSource ?? advisories})", score.Score / 10, weight);
        }

        // Without a vector the advisory's own label is the best evidence: the middle of the label's CVSS v3 band.
        var label = Severities.Normalize(vulnerability.Severity);
        var level = label switch
        {
            "critical" => 0.95,
            "high" => 0.8,
            "medium" => 0.55,
            "low" => 0.25,
            "none" => 0.05,
            _ => (double?)null,
        };
        return level is { } known
            ? ("cvss", $"{label} (no vector)", $"severity label of {vulnerability.SeveritySource ?? advisories}, scored as {Number(known * 10)}", known, weight)
            : ("cvss", "unknown", $"{advisories}: no CVSS vector or severity; medium (5.0) assumed", 0.5, weight);
    }

    private static (string, string, string, double, double) EpssTerm(VulnerabilityRef vulnerability, Exploitation? exploitation, FeedSnapshot feeds, double weight)
    {
        if (exploitation?.Epss is { } epss)
        {
            var percentile = (epss.Percentile * 100).ToString("0.#", CultureInfo.InvariantCulture);
            return ("epss", $"{Number(epss.Score, "0.#####")} (percentile {percentile})", $"FIRST EPSS scores of {Day(exploitation.EpssDate)}", epss.Score, weight);
        }

        var hasCve = vulnerability.Aliases.Prepend(vulnerability.Id).Any(id => id.StartsWith("CVE-", StringComparison.Ordinal));
        var source = !feeds.HasEpss ? "no EPSS scores imported ('ctem db update' fetches them)"
            : hasCve ? $"FIRST EPSS scores of {Day(feeds.EpssScoreDate)}: no score for its CVE ids"
            : "EPSS scores CVE ids only, and this vulnerability has none";
        return ("epss", "not scored", source, 0, weight);
    }

    private static (string, string, string, double, double) KevTerm(Exploitation? exploitation, FeedSnapshot feeds, double weight)
    {
        var catalog = $"CISA KEV catalog {exploitation?.KevCatalogVersion ?? feeds.KevCatalogVersion ?? "(undated)"}";
        if (exploitation?.Kev is { } kev)
        {
            var ransomware = string.Equals(kev.KnownRansomwareCampaignUse, "Known", StringComparison.OrdinalIgnoreCase) ? ", used in ransomware campaigns" : "";
            return ("kev", $"listed since {kev.DateAdded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{ransomware}", catalog, 1, weight);
        }

        return ("kev", "not listed", feeds.HasKev ? catalog : "no KEV catalog imported ('ctem db update' fetches it)", 0, weight);
    }

    private static double SsvcLevel(SsvcOutcome outcome) => outcome switch
    {
        SsvcOutcome.Act => 1,
        SsvcOutcome.Attend => 2.0 / 3,
        SsvcOutcome.TrackStar => 1.0 / 3,
        _ => 0,
    };

    private static (string, string, string, double, double) CriticalityTerm(ProductRiskContext product, double weight)
    {
        var source = product.Declared ? $"scope file, product '{product.Product}'" : $"product '{product.Product}' is not declared in a scope file: medium assumed";
        if (product.CrownJewel)
        {
            return ("criticality", $"crown jewel{(product.Criticality == Criticality.Unspecified ? "" : ", " + Name(product.Criticality))}", source, 1, weight);
        }

        var level = product.Criticality switch
        {
            Criticality.Critical => 1,
            Criticality.High => 0.75,
            Criticality.Low => 0.25,
            _ => 0.5,
        };
        var value = product.Criticality == Criticality.Unspecified ? "not declared" : Name(product.Criticality);
        return ("criticality", value, product.Declared && product.Criticality == Criticality.Unspecified ? source + " (criticality not set: medium assumed)" : source, level, weight);
    }

    private static (string, string, string, double, double) ExposureTerm(ProductRiskContext product, double weight)
    {
        var deployments = product.InternetFacingDeployments.Count > 0 ? $" ({string.Join(", ", product.InternetFacingDeployments)})" : "";
        var source = product.Declared ? $"scope file, deployments of '{product.Product}'" : $"product '{product.Product}' is not declared in a scope file";
        return product.Exposure switch
        {
            Exposure.InternetFacingProduction => ("exposure", "internet-facing production" + deployments, source, 1, weight),
            Exposure.InternetFacingNonProduction => ("exposure", "internet-facing outside production" + deployments, source, 0.5, weight),
            Exposure.Internal => ("exposure", "internal only", source, 0, weight),
            _ => ("exposure", "unknown", source + (product.Declared ? " (no deployments declared)" : "") + ": half exposure assumed", 0.5, weight),
        };
    }

    private static (string, string, string, double, double) RelationTerm(DependencyRelation relation, double weight) => relation switch
    {
        DependencyRelation.Direct => ("dependency", "direct", "the scanned inventory", 1, weight),
        DependencyRelation.Transitive => ("dependency", "transitive", "the scanned inventory", 0.5, weight),
        _ => ("dependency", "not stated", "the scanned inventory does not say: between direct and transitive assumed", 0.75, weight),
    };

    private static bool IsNonRuntime(DependencyScope scope) => scope is DependencyScope.Development or DependencyScope.Test;

    private static string ScopeName(DependencyScope scope) => scope == DependencyScope.Unspecified ? "not stated" : scope.ToString().ToLowerInvariant();

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Number(double value, string format = "0.0#") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(undated)";
}
