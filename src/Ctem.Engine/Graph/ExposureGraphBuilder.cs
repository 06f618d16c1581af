using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Graph;

/// <summary>
/// Builds a product's <see cref="ExposureGraph"/>. An attacker starts at an entry point (the ones a deployment's
/// <c>reachableFrom</c> names: by default the internet for internet-facing deployments, the internal network for the
/// others; the CI for secrets in the code) and takes a deployment by exploiting a network finding on it: on one of its
/// endpoints (those its <c>targets</c> cover, see <see cref="EndpointPlacement"/>) or on a component of the release it
/// runs. A taken deployment's trusted connections (data stores, integrations, the services its SBOM declares) come with
/// it, as do the secrets in its code, and a secret opens the integration it is for. Each finding is one step per
/// deployment it is on, so a path says where it was exploited.
/// </summary>
public sealed class ExposureGraphBuilder
{
    private const string ScopeFileName = "ctem.yaml";

    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<GraphEdge> _edges = [];
    private readonly HashSet<(string, string, string)> _edgeKeys = [];

    // What an attacker who reaches a deployment's network meets first: its endpoints and its components' finding steps.
    private readonly Dictionary<string, List<string>> _surfaces = new(StringComparer.Ordinal);
    private readonly GraphInputs _inputs;

    private ExposureGraphBuilder(GraphInputs inputs) => _inputs = inputs;

    public static ExposureGraph Build(GraphInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var builder = new ExposureGraphBuilder(inputs);
        builder.AddScopeAssets();
        var deployments = builder.AddDeployments();
        builder.AddServices(deployments);
        builder.AddFindings(deployments);
        builder.AddSecrets(deployments);
        builder.AddConnections(deployments);
        return new ExposureGraph(
            inputs.Product,
            [.. builder._nodes.Values.OrderBy(n => n.Kind, StringComparer.Ordinal).ThenBy(n => n.Key, StringComparer.Ordinal)],
            [.. builder._edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)]);
    }

    public static string Key(string kind, string name) => $"{kind}:{name}";

    private void AddScopeAssets()
    {
        foreach (var store in _inputs.Scope.Data)
        {
            Add(new GraphNode(Key(NodeKinds.Data, store.Name), NodeKinds.Data, store.Name, ScopeFileName)
            {
                CrownJewel = store.CrownJewel,
                Facts = Facts(("classification", store.Classification == DataSensitivity.Unspecified ? null : store.Classification.ToString().ToLowerInvariant())),
            });
        }

        foreach (var integration in _inputs.Scope.Integrations)
        {
            var key = Add(new GraphNode(Key(NodeKinds.Integration, integration.Name), NodeKinds.Integration, integration.Name, ScopeFileName)
            {
                Facts = Facts(("kind", integration.Kind.ToString().ToLowerInvariant()), ("endpoint", integration.Endpoint)),
            });
            foreach (var data in integration.Data)
            {
                Connect(key, DataNode(data, $"{ScopeFileName} integrations.{integration.Name}.data"), EdgeKinds.Trusts, $"integrations.{integration.Name}.data names {data}");
            }
        }
    }

    private List<(ProductDeployment Deployment, string Key, IReadOnlyList<string> Entries)> AddDeployments()
    {
        var product = _inputs.Scope.FindProduct(_inputs.Product);
        var deployments = new List<(ProductDeployment, string, IReadOnlyList<string>)>();
        foreach (var deployment in product?.Deployments ?? [])
        {
            var key = DeploymentNode(_inputs.Product, deployment);
            var entries = deployment.Entries.Select(EntryNode).ToList();
            foreach (var entry in entries)
            {
                Connect(entry, key, EdgeKinds.Exposes, ExposedBecause(deployment, _nodes[entry].Name));
            }

            deployments.Add((deployment, key, entries));
        }

        return deployments;
    }

    private static string ExposedBecause(ProductDeployment deployment, string entry) =>
        deployment.ReachableFrom is not null ? $"reachableFrom names {entry}"
        : deployment.InternetFacing ? "internetFacing: true"
        : "not internet-facing: reachable from the internal network";

    private void AddServices(List<(ProductDeployment Deployment, string Key, IReadOnlyList<string> Entries)> deployments)
    {
        var byRef = new Dictionary<(string Path, string Ref), string>();
        var services = _inputs.Assets.Where(a => a.Service is not null).Select(a => a.Service!).ToList();
        foreach (var service in services)
        {
            var key = ServiceNode(service);
            if (service.BomRef is { } reference)
            {
                byRef.TryAdd((service.Location.Path, reference), key);
            }

            if (service.TopLevel)
            {
                foreach (var (_, deployment, _) in deployments)
                {
                    Connect(deployment, key, EdgeKinds.Trusts, $"the product's SBOM declares the service {service.Name}");
                }
            }
        }

        foreach (var service in services)
        {
            var from = ServiceKey(service);
            foreach (var call in service.Calls)
            {
                if (byRef.TryGetValue((service.Location.Path, call), out var to) && to != from)
                {
                    Connect(from, to, EdgeKinds.Trusts, $"{service.Name} calls {_nodes[to].Name} (SBOM services and dependencies)");
                }
            }
        }

        foreach (var model in _inputs.Assets.Where(a => a.Kind == NodeKinds.Model))
        {
            var key = Add(new GraphNode(Key(NodeKinds.Model, model.Name), NodeKinds.Model, model.Name, model.Location.Path)
            {
                Facts = Facts(("version", model.Version), ("purl", model.Purl)),
            });
            foreach (var (_, deployment, _) in deployments)
            {
                Connect(deployment, key, EdgeKinds.Runs, $"the product's SBOM lists the model {model.Name}");
            }
        }
    }

    private void AddFindings(List<(ProductDeployment Deployment, string Key, IReadOnlyList<string> Entries)> deployments)
    {
        var placement = new EndpointPlacement([.. deployments.Select(d => d.Deployment)]);
        foreach (var finding in _inputs.Findings.Where(f => !SecretBinding.IsSecret(f)))
        {
            var endpoint = NetworkEndpoint.Of(finding.ComponentPurl);
            var on = placement.DeploymentsOf(endpoint);
            var placed = deployments.Where(d => on.Contains(d.Deployment)).ToList();
            var endpointKey = endpoint is null ? null : EndpointNode(endpoint, finding, placed.Count > 0);
            if (endpoint is not null && endpointKey is not null)
            {
                foreach (var (deployment, key, entries) in placed)
                {
                    Connect(key, endpointKey, EdgeKinds.Serves, $"{_nodes[key].Name} serves on {endpoint.Name}: {placement.Why(endpoint, deployment)}");
                    AddSurface(key, entries, endpointKey, $"{endpoint.Name} on {_nodes[key].Name}");
                }
            }

            if (!StepLikelihood.IsStep(finding))
            {
                continue;
            }

            var (likelihood, why) = StepLikelihood.OfFinding(finding, _inputs.Exploitation.GetValueOrDefault(finding.Vulnerability.Id));
            var component = endpoint is null
                ? Add(new GraphNode(Key(NodeKinds.Component, finding.ComponentPurl), NodeKinds.Component, ComponentName(finding), finding.Place?.Path ?? string.Join(", ", finding.Sources)))
                : null;
            foreach (var (_, deployment, entries) in placed)
            {
                var step = FindingStep(finding, deployment, endpoint, likelihood, why);
                if (endpoint is not null && endpointKey is not null)
                {
                    Connect(endpointKey, step, EdgeKinds.Reaches, $"{finding.Vulnerability.Id} is on {endpoint.Name}");
                }
                else
                {
                    AddSurface(deployment, entries, step, $"a network attack vector on {_nodes[deployment].Name}");
                }

                Connect(step, deployment, EdgeKinds.Exploits, $"exploiting {finding.Vulnerability.Id} gives control of {_nodes[deployment].Name}");
                if (component is not null)
                {
                    Connect(step, component, EdgeKinds.Affects, $"{finding.Vulnerability.Id} is on {ComponentName(finding)}");
                }
            }
        }
    }

    // What reaches the deployment's network reaches its surface: its entry points now, connecting deployments later.
    private void AddSurface(string deployment, IReadOnlyList<string> entries, string surface, string what)
    {
        if (!_surfaces.TryGetValue(deployment, out var list))
        {
            _surfaces[deployment] = list = [];
        }

        if (!list.Contains(surface, StringComparer.Ordinal))
        {
            list.Add(surface);
        }

        foreach (var entry in entries)
        {
            Connect(entry, surface, EdgeKinds.Reaches, $"{what}, reachable from the {_nodes[entry].Name}");
        }
    }

    private void AddSecrets(List<(ProductDeployment Deployment, string Key, IReadOnlyList<string> Entries)> deployments)
    {
        foreach (var finding in _inputs.Findings.Where(SecretBinding.IsSecret))
        {
            var rule = SecretBinding.RuleOf(finding);
            var file = finding.Place?.Path ?? finding.PackageName;
            var key = Add(new GraphNode($"secret:{finding.Id}", NodeKinds.Secret, $"{rule} in {file}", string.Join(", ", finding.Sources))
            {
                FindingId = finding.Id,
                Likelihood = StepLikelihood.LeakedSecret,
                Why = [$"a leaked secret works until it is rotated: {StepLikelihood.Format(StepLikelihood.LeakedSecret)}"],
                Facts = Facts(("rule", rule), ("provider", SecretBinding.ProviderOf(rule)), ("file", file)),
            });
            Connect(EntryNode(EntryPoints.Ci), key, EdgeKinds.Reads, $"whoever reads the code or its CI reads {file}");
            foreach (var (_, deployment, _) in deployments)
            {
                Connect(deployment, key, EdgeKinds.Reads, $"{_nodes[deployment].Name} runs the code that holds it");
            }

            foreach (var (integration, why) in SecretBinding.Bind(rule, _inputs.Scope.Integrations))
            {
                Connect(key, Key(NodeKinds.Integration, integration.Name), EdgeKinds.Unlocks, why);
            }
        }
    }

    private void AddConnections(List<(ProductDeployment Deployment, string Key, IReadOnlyList<string> Entries)> deployments)
    {
        foreach (var (deployment, from, _) in deployments)
        {
            foreach (var target in deployment.Connects)
            {
                if (target.Split('/', 2) is [var product, var name])
                {
                    ConnectDeployment(from, product, name);
                }
                else
                {
                    Connect(from, Named(target, $"{ScopeFileName} connects"), EdgeKinds.Trusts, $"{_nodes[from].Name} connects to {target}");
                }
            }
        }
    }

    // A deployment is crossed into by exploiting its own findings, which only this product's are known: another
    // product's deployment is shown as a connection and followed in that product's graph.
    private void ConnectDeployment(string from, string product, string name)
    {
        var declared = _inputs.Scope.FindProduct(product)?.Deployments.FirstOrDefault(d => d.Name == name);
        var to = declared is null ? Key(NodeKinds.Deployment, $"{product}/{name}") : DeploymentNode(product, declared);
        Connect(from, to, EdgeKinds.Connects, $"{_nodes[from].Name} connects to {product}/{name}");
        if (product != _inputs.Product)
        {
            return;
        }

        foreach (var surface in _surfaces.GetValueOrDefault(to) ?? [])
        {
            Connect(from, surface, EdgeKinds.Reaches, $"{_nodes[from].Name} connects to {product}/{name}, so it reaches its network surface");
        }
    }

    private string FindingStep(StoredFinding finding, string deployment, NetworkEndpoint? endpoint, double likelihood, IReadOnlyList<string> why) =>
        Add(new GraphNode($"finding:{finding.Id}@{_nodes[deployment].Name}", NodeKinds.Finding, finding.Vulnerability.Id, string.Join(", ", finding.Sources))
        {
            FindingId = finding.Id,
            Likelihood = likelihood,
            Why = why,
            Facts = Facts(
                endpoint is null ? ("component", ComponentName(finding)) : ("endpoint", endpoint.Name),
                ("deployment", _nodes[deployment].Name),
                ("severity", finding.Vulnerability.Severity)),
        });

    // One node per endpoint, found by every scanner that reported on it.
    private string EndpointNode(NetworkEndpoint endpoint, StoredFinding finding, bool placed)
    {
        var key = Key(NodeKinds.Endpoint, endpoint.Key);
        var sources = string.Join(", ", finding.Sources);
        if (_nodes.TryGetValue(key, out var known))
        {
            var foundIn = known.FoundIn.Split(", ").Union(finding.Sources, StringComparer.Ordinal).Order(StringComparer.Ordinal);
            _nodes[key] = known with { FoundIn = string.Join(", ", foundIn) };
            return key;
        }

        return Add(new GraphNode(key, NodeKinds.Endpoint, endpoint.Name, sources)
        {
            Facts = Facts(("host", endpoint.Host), ("port", endpoint.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("deployment", placed ? null : "none: no deployment's targets cover it")),
        });
    }

    private string DeploymentNode(string product, ProductDeployment deployment) =>
        Add(new GraphNode(Key(NodeKinds.Deployment, $"{product}/{deployment.Name}"), NodeKinds.Deployment, $"{product}/{deployment.Name}", ScopeFileName)
        {
            Facts = Facts(
                ("environment", deployment.Environment == DeploymentEnvironment.Unspecified ? null : deployment.Environment.ToString().ToLowerInvariant()),
                ("internetFacing", deployment.InternetFacing ? "true" : "false")),
        });

    private string EntryNode(string name) => Add(new GraphNode(Key(NodeKinds.Entry, name), NodeKinds.Entry, name, name == EntryPoints.Ci ? "secret scanners" : ScopeFileName));

    private string DataNode(string name, string foundIn) =>
        _nodes.ContainsKey(Key(NodeKinds.Data, name)) ? Key(NodeKinds.Data, name) : Add(new GraphNode(Key(NodeKinds.Data, name), NodeKinds.Data, name, foundIn));

    /// <summary>A name the scope file uses: a data store, an integration or a service, else an undeclared data store.</summary>
    private string Named(string name, string foundIn) =>
        new[] { Key(NodeKinds.Data, name), Key(NodeKinds.Integration, name), Key(NodeKinds.Service, name) }.FirstOrDefault(_nodes.ContainsKey)
        ?? _nodes.Values.FirstOrDefault(n => n.Kind == NodeKinds.Service && n.Facts.GetValueOrDefault("bom-ref") == name)?.Key
        ?? DataNode(name, foundIn);

    // A service the scope file also names (as a data store or integration, by name or bom-ref) is that asset: the SBOM
    // adds its facts.
    private string ServiceNode(DeclaredService service)
    {
        var key = ServiceKey(service);
        var facts = Facts(
            ("bom-ref", service.BomRef),
            ("provider", service.Provider),
            ("endpoints", service.Endpoints.Count == 0 ? null : string.Join(" ", service.Endpoints)),
            ("authenticated", service.Authenticated?.ToString().ToLowerInvariant()),
            ("trustBoundary", service.TrustBoundary?.ToString().ToLowerInvariant()),
            ("trustZone", service.TrustZone),
            ("data", service.Data.Count == 0 ? null : string.Join(" ", service.Data.Select(d => d.Flow is null ? d.Classification : $"{d.Classification}({d.Flow})"))));
        if (_nodes.TryGetValue(key, out var known) && known.Kind != NodeKinds.Service)
        {
            _nodes[key] = known with { Facts = known.Facts.Concat(facts).DistinctBy(f => f.Key).ToDictionary(StringComparer.Ordinal), FoundIn = $"{known.FoundIn}, {service.Location.Path}" };
            return key;
        }

        return Add(new GraphNode(key, NodeKinds.Service, service.Name, service.Location.Path) { Facts = facts });
    }

    private string ServiceKey(DeclaredService service) =>
        new[] { service.Name, service.BomRef }.OfType<string>()
            .SelectMany(n => new[] { Key(NodeKinds.Data, n), Key(NodeKinds.Integration, n) })
            .FirstOrDefault(k => _nodes.TryGetValue(k, out var n) && n.Kind != NodeKinds.Service)
        ?? Key(NodeKinds.Service, service.Name);

    private static string ComponentName(StoredFinding finding) => finding.Version is null ? finding.PackageName : $"{finding.PackageName}@{finding.Version}";

    private string Add(GraphNode node)
    {
        _nodes.TryAdd(node.Key, node);
        return node.Key;
    }

    private void Connect(string from, string to, string kind, string why)
    {
        if (_edgeKeys.Add((from, to, kind)))
        {
            _edges.Add(new GraphEdge(from, to, kind, why));
        }
    }

    private static Dictionary<string, string> Facts(params (string Name, string? Value)[] facts) =>
        facts.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!, StringComparer.Ordinal);
}
