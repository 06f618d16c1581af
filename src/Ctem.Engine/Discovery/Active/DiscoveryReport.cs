using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Discovery.Active;

/// <param name="Product">Only this product's deployments; null for every product's.</param>
/// <param name="Ports">The ports tried on targets that name none (<see cref="PortList"/>).</param>
public sealed record DiscoveryRequest(string? Product, IReadOnlyList<int> Ports)
{
    public const int DefaultRate = 50;

    public ScopeDocument Scope { get; init; } = ScopeDocument.Empty;

    /// <summary>New connections a second, at most, across the whole run.</summary>
    public int Rate { get; init; } = DefaultRate;

    /// <summary>How long one connection, or one exchange on it, may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The whole run's time; what is left unscanned when it runs out is reported, and nothing is resolved.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for a service to speak first.</summary>
    public TimeSpan BannerWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Connections open at once, at most.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Plan only: say what would be contacted, contact nothing, store nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>One open port, what the probes made of it, and the product and deployment it belongs to.</summary>
public sealed record DiscoveredService(PlannedHost Host, ProbedService Service, IReadOnlyList<Fingerprint> Fingerprints, IReadOnlyList<ReportedFinding> Findings)
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What the probes saw that is no finding: HTTP status and title, TLS version and certificate.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];
}

/// <summary>What <c>ctem discover</c> did: the plan, the open services, what was stored per product, and what the scope refused.</summary>
public sealed record DiscoveryReport(
    OperationStatus Status, DiscoveryPlan Plan, IReadOnlyList<DiscoveredService> Services, IReadOnlyList<IngestReport> Stored, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Everything the scope refused: at planning, and on the way (a redirect or a name leaving scope).</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    /// <summary>TCP connections made, every one in scope and paced.</summary>
    public int Connections { get; init; }

    /// <summary>True when the total budget ran out before every planned port and probe was done.</summary>
    public bool BudgetExhausted { get; init; }

    public bool DryRun { get; init; }
}
