using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Owners;

namespace Ctem.Engine.Prioritization;

/// <summary>Assesses findings against a product's business context and risk policy, with the exploitation facts the store holds, and names their owners.</summary>
public static class FindingAssessor
{
    /// <summary>
    /// The product's context from the scope file. Without any scope file, the context the product was last assessed
    /// with (a scan with the file, then an ingest run from elsewhere, must not reset the product to defaults); else, for
    /// a product the file does not declare, the defaults, with a warning added to <paramref name="diagnostics"/>.
    /// </summary>
    public static async Task<ProductRiskSettings> SettingsForAsync(
        ICtemStore store, ScopeDocument scope, ProductRef product, ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (scope.FindProduct(product.Name) is { } declared)
        {
            return new ProductRiskSettings(ProductRiskContext.From(declared), scope.Policy) { Ownership = ProductOwnership.From(declared) };
        }

        // No scope file at all (not merely one without this product): keep what the product was last declared as.
        if (ReferenceEquals(scope, ScopeDocument.Empty)
            && await store.GetProductRiskSettingsAsync(product.Name, cancellationToken) is { Context.Declared: true } stored)
        {
            return stored;
        }

        if (scope.Products.Count > 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.UndeclaredProduct,
                product.Name,
                $"product '{product.Name}' is not declared in the scope file (declared: {string.Join(", ", scope.Products.Select(p => p.Name))}); its findings are prioritized with default criticality and exposure"));
        }

        return new ProductRiskSettings(ProductRiskContext.Undeclared(product.Name), scope.Policy);
    }

    /// <summary>Which KEV catalogue and EPSS scores the store holds, so explanations can name them.</summary>
    public static async Task<FeedSnapshot> FeedsAsync(ICtemStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var feeds = await store.GetFeedStatusAsync(cancellationToken);
        var kev = feeds.FirstOrDefault(f => f.Source == "KEV");
        var epss = feeds.FirstOrDefault(f => f.Source == "EPSS");
        return new FeedSnapshot(kev?.Version, kev?.PublishedAt, epss?.PublishedAt, kev is not null, epss is not null);
    }

    /// <summary>
    /// Each finding with its <see cref="ObservedFinding.Risk"/> set. <paramref name="exploitation"/> and
    /// <paramref name="cveRecords"/> are keyed by vulnerability id; the records choose the CVSS vector and give CISA's
    /// SSVC decision points for the assessment, while the finding keeps its own sources' facts.
    /// </summary>
    public static async Task<IReadOnlyList<ObservedFinding>> AssessAsync(
        ICtemStore store,
        IReadOnlyList<ObservedFinding> findings,
        ProductRiskSettings settings,
        IReadOnlyDictionary<string, Exploitation> exploitation,
        IReadOnlyDictionary<string, IReadOnlyList<CveRecord>> cveRecords,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var feeds = await FeedsAsync(store, cancellationToken);
        // Ownership travels with the assessment: scan, ingest and re-analysis all pass here with the product's settings.
        return OwnerResolver.Assign(findings, settings.Ownership)
            .Select(f => f with
            {
                Risk = RiskModel.Assess(
                    new RiskInputs(CveRecordLookup.Apply(f.Vulnerability, cveRecords), exploitation.GetValueOrDefault(f.Vulnerability.Id), f.Component.Relation, f.Component.Scope, settings.Context) {
                        Suspect = f.Suspect,
                        VersionInferredFrom = f.Component.VersionInferredFrom,
                    },
                    settings.Policy,
                    feeds,
                    now),
            })
            .ToList();
    }
}
