namespace Ctem.Core.Scoping;

/// <summary>
/// The Scoping stage's answer to "what do we protect, and how much does it matter": the products with their owners,
/// business criticality, releases and deployments, the remediation SLA and the weights of the risk score. Read from
/// <c>ctem.yaml</c> (see docs/cli.md, "The scope file ctem.yaml").
/// </summary>
public sealed record ScopeDocument(IReadOnlyList<ScopeProduct> Products, RemediationSla Sla, RiskWeights RiskWeights)
{
    /// <summary>The risk scores at which a finding's priority starts.</summary>
    public PriorityThresholds Priorities { get; init; } = PriorityThresholds.Default;

    /// <summary>Who issues exported VEX, and which suggestions apply at scan time (<c>vex:</c>).</summary>
    public VexPolicy Vex { get; init; } = VexPolicy.Empty;

    /// <summary>How long a risk may be accepted (<c>acceptance:</c>).</summary>
    public AcceptancePolicy Acceptance { get; init; } = AcceptancePolicy.Default;

    /// <summary>Where notifications go and which events each channel takes; none by default.</summary>
    public NotificationSettings Notifications { get; init; } = NotificationSettings.None;

    /// <summary>Where <c>ctem tickets sync</c> files tickets (<c>tickets:</c>); null when the file has no such section.</summary>
    public TicketSettings? Tickets { get; init; }

    /// <summary>The continuous jobs <c>ctem serve</c> runs (<c>schedules:</c>); none by default.</summary>
    public ScheduleSettings Schedules { get; init; } = ScheduleSettings.None;

    /// <summary>The third-party services the products use (<c>integrations:</c>), in file order.</summary>
    public IReadOnlyList<ScopeIntegration> Integrations { get; init; } = [];

    /// <summary>The data stores, with their classification and crown jewels (<c>data:</c>), in file order.</summary>
    public IReadOnlyList<ScopeDataStore> Data { get; init; } = [];

    /// <summary>Where active discovery and validation may connect (<c>scope: {allow, deny}</c>); nothing without it.</summary>
    public NetworkScope Network { get; init; } = NetworkScope.None;

    /// <summary>Where <c>ctem validate</c> reads more checks (<c>validation: {checks: DIR}</c>).</summary>
    public ValidationSettings Validation { get; init; } = ValidationSettings.None;

    /// <summary>The weights, priority thresholds and SLA together: everything that turns facts into a priority.</summary>
    public RiskPolicy Policy => new(RiskWeights, Priorities, Sla);

    /// <summary>No products, the default SLA and the default weights.</summary>
    public static ScopeDocument Empty { get; } = new([], RemediationSla.Default, RiskWeights.Default);

    /// <summary>The product named exactly <paramref name="name"/> (case-sensitive, ordinal), or null.</summary>
    public ScopeProduct? FindProduct(string name) =>
        Products.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>One product in scope. Names are unique within a scope file and are the names <c>ctem scan --product</c> uses.</summary>
public sealed record ScopeProduct(
    string Name,
    string? Description,
    ProductOwner? Owner,
    Criticality Criticality,
    DataSensitivity DataSensitivity,
    bool CrownJewel,
    IReadOnlyList<ProductRelease> Releases,
    IReadOnlyList<ProductDeployment> Deployments)
{
    /// <summary>True when any deployment is reachable from the internet.</summary>
    public bool InternetFacing => Deployments.Any(d => d.InternetFacing);

    /// <summary>Teams per component pattern (<c>owners:</c>), in file order.</summary>
    public IReadOnlyList<ComponentOwnerRule> ComponentOwners { get; init; } = [];

    /// <summary>The rules of the CODEOWNERS file the product names (<c>codeowners:</c>), in file order.</summary>
    public IReadOnlyList<CodeOwnerRule> CodeOwners { get; init; } = [];

    /// <summary>The CODEOWNERS file as the scope file names it; null without one.</summary>
    public string? CodeOwnersFile { get; init; }
}

/// <summary>Who answers for a product: a team and how to reach it (an address, a channel, a URL).</summary>
public sealed record ProductOwner(string? Team, string? Contact);

/// <summary>A release of the product; <see cref="Status"/> is free text ("supported", "end-of-life", …).</summary>
public sealed record ProductRelease(string Version, string? Status);

/// <summary>Where the product runs, and for whom.</summary>
public sealed record ProductDeployment(string Name, DeploymentEnvironment Environment, bool InternetFacing, string? Customers)
{
    /// <summary>
    /// What it talks to (<c>connects:</c>): data stores, integrations, or other deployments as <c>product/deployment</c>.
    /// </summary>
    public IReadOnlyList<string> Connects { get; init; } = [];

    /// <summary>What <c>ctem discover</c> and <c>ctem validate</c> contact for this deployment (<c>targets:</c>), within the scope file's <c>scope:</c>.</summary>
    public IReadOnlyList<NetworkTarget> Targets { get; init; } = [];

    /// <summary>The entry points the deployment is reachable from as the scope file declares them (<c>reachableFrom:</c>); null when it does not.</summary>
    public IReadOnlyList<string>? ReachableFrom { get; init; }

    /// <summary>
    /// The entry points (<see cref="Graph.EntryPoints"/>) an attacker reaches the deployment from: <c>reachableFrom</c>,
    /// else the internet for an internet-facing deployment and the internal network for the others.
    /// </summary>
    public IReadOnlyList<string> Entries => ReachableFrom ?? (InternetFacing ? [Graph.EntryPoints.Internet] : [Graph.EntryPoints.Internal]);
}

/// <summary>How much the business depends on a product. Unspecified when the scope file does not say.</summary>
public enum Criticality
{
    Unspecified = 0,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The most sensitive class of data the product handles. Unspecified when the scope file does not say.</summary>
public enum DataSensitivity
{
    Unspecified = 0,
    Public,
    Internal,
    Confidential,
    Restricted,
}

public enum DeploymentEnvironment
{
    Unspecified = 0,
    Production,
    Staging,
    Development,
    Test,
}

/// <summary>Days allowed to remediate a finding, by its priority. Defaults: 7, 30, 90 and 180 days.</summary>
public sealed record RemediationSla(int Critical = 7, int High = 30, int Medium = 90, int Low = 180)
{
    public static RemediationSla Default { get; } = new();
}

/// <summary>
/// The relative weight (≥ 0) of each factor in a finding's risk score. The defaults sum to 1:
/// CVSS 0.30, EPSS 0.20, KEV 0.20, SSVC 0.10, product criticality 0.10, exposure (internet-facing) 0.05,
/// dependency (direct rather than transitive) 0.05.
/// </summary>
public sealed record RiskWeights(
    double Cvss = 0.30,
    double Epss = 0.20,
    double Kev = 0.20,
    double Ssvc = 0.10,
    double Criticality = 0.10,
    double Exposure = 0.05,
    double Dependency = 0.05)
{
    public static RiskWeights Default { get; } = new();

    /// <summary>
    /// The multiplier (0–1) applied to the whole score of a finding in a development- or test-only dependency, which
    /// does not ship with the product. Default 0.5.
    /// </summary>
    public double NonRuntimeScope { get; init; } = 0.5;

    /// <summary>
    /// The multiplier (0–1) applied to the whole score of a finding on an inferred version (the Go standard library at
    /// a go.mod's minimum <c>go</c> version): the product may well be built with a release that has the fix. Default 0.75.
    /// </summary>
    public double InferredVersion { get; init; } = 0.75;

    /// <summary>
    /// The multiplier (0–1) applied to the whole score of a finding that no attack path to a crown jewel goes through,
    /// in a product whose exposure graph has crown jewels. Default 0.75.
    /// </summary>
    public double OffPath { get; init; } = 0.75;

    /// <summary>The sum of the factor weights (not the multipliers): the score's denominator.</summary>
    public double Total => Cvss + Epss + Kev + Ssvc + Criticality + Exposure + Dependency;
}

/// <summary>The lowest risk score (0–100) of each priority; below <see cref="Medium"/> a finding is low. Defaults: 70, 50, 25.</summary>
public sealed record PriorityThresholds(double Critical = 70, double High = 50, double Medium = 25)
{
    public static PriorityThresholds Default { get; } = new();
}

/// <summary>Everything that turns a finding's facts into its risk score, priority and due date.</summary>
public sealed record RiskPolicy(RiskWeights Weights, PriorityThresholds Priorities, RemediationSla Sla)
{
    public static RiskPolicy Default { get; } = new(RiskWeights.Default, PriorityThresholds.Default, RemediationSla.Default);
}
