namespace Ctem.Core.Graph;

/// <summary>
/// A product's exposure graph: entry points, deployments, services, integrations, secrets, data stores, models and the
/// findings that let an attacker move between them. Node keys are unique; edges name nodes by key.
/// </summary>
public sealed record ExposureGraph(string Product, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public static ExposureGraph Empty(string product) => new(product, [], []);

    /// <summary>The crown jewels: the data stores the scope file marks <c>crownJewel: true</c>.</summary>
    public IEnumerable<GraphNode> CrownJewels => Nodes.Where(n => n.CrownJewel);
}

/// <summary>
/// One asset of the graph. <see cref="Kind"/> is one of <see cref="NodeKinds"/>; <see cref="Name"/> is what a user calls
/// it; <see cref="Key"/> tells apart nodes of one kind and name (a finding on two deployments is two steps).
/// </summary>
/// <param name="FoundIn">Where the asset was found: <c>ctem.yaml</c>, an SBOM path, the scanner that reported it.</param>
public sealed record GraphNode(string Key, string Kind, string Name, string FoundIn)
{
    public bool CrownJewel { get; init; }

    /// <summary>The stored finding this node is (a finding step or a leaked secret); null for other assets.</summary>
    public long? FindingId { get; init; }

    /// <summary>How likely an attacker takes this step (0–1); null for nodes that are not steps of their own.</summary>
    public double? Likelihood { get; init; }

    /// <summary>Why <see cref="Likelihood"/> is what it is, one reason per signal.</summary>
    public IReadOnlyList<string> Why { get; init; } = [];

    /// <summary>Facts as the source gave them: environment, endpoint, classification, trust zone, …</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A directed edge; <see cref="Kind"/> is one of <see cref="EdgeKinds"/>, <see cref="Why"/> says where it comes from.</summary>
public sealed record GraphEdge(string From, string To, string Kind, string Why);

/// <summary>The node kinds, as the JSON and the commands name them.</summary>
public static class NodeKinds
{
    public const string Entry = "entry";
    public const string Deployment = "deployment";

    /// <summary>A network service a scanner or <c>ctem discover</c> saw: <c>tcp://HOST:PORT</c>, a web origin, a host.</summary>
    public const string Endpoint = "endpoint";
    public const string Service = "service";
    public const string Component = "component";
    public const string Finding = "finding";
    public const string Integration = "integration";
    public const string Secret = "secret";
    public const string Data = "data";
    public const string Model = "model";
}

/// <summary>The edge kinds. Attack paths follow the steps; the rest describe the product.</summary>
public static class EdgeKinds
{
    /// <summary>An entry point or a compromised deployment can send traffic to a finding's vulnerable surface.</summary>
    public const string Reaches = "reaches";

    /// <summary>Exploiting a finding gives control of the deployment it is on.</summary>
    public const string Exploits = "exploits";

    /// <summary>A deployment, integration or service trusts its connection to another asset (no exploit needed).</summary>
    public const string Trusts = "trusts";

    /// <summary>Whoever reads a secret (in the code, the image, the CI) holds it.</summary>
    public const string Reads = "reads";

    /// <summary>A secret opens the integration it is for.</summary>
    public const string Unlocks = "unlocks";

    /// <summary>An internet-facing or internal deployment is reachable from an entry point (description only).</summary>
    public const string Exposes = "exposes";

    /// <summary>A deployment talks to another deployment (description; crossing it needs an exploit).</summary>
    public const string Connects = "connects";

    /// <summary>A finding is on a component (description only).</summary>
    public const string Affects = "affects";

    /// <summary>A deployment runs a model (description only).</summary>
    public const string Runs = "runs";

    /// <summary>A deployment serves on an endpoint its <c>targets</c> cover (description only).</summary>
    public const string Serves = "serves";

    /// <summary>The edges an attacker moves along.</summary>
    public static IReadOnlySet<string> Steps { get; } = new HashSet<string>(StringComparer.Ordinal) { Reaches, Exploits, Trusts, Reads, Unlocks };
}

/// <summary>The entry points' names: <c>from</c> in a path, and the words of <c>deployments[].reachableFrom</c>.</summary>
public static class EntryPoints
{
    public const string Internet = "internet";
    public const string Partner = "partner";
    public const string Internal = "internal";
    public const string Ci = "ci";

    /// <summary>Every entry point, in the order the scope file's documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Internet, Partner, Internal, Ci];
}
