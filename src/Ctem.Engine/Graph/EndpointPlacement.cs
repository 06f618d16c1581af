using Ctem.Core.Scoping;

namespace Ctem.Engine.Graph;

/// <summary>
/// Which of a product's deployments a finding is on. A finding on an endpoint is on the deployments whose
/// <c>targets</c> cover the endpoint; when no deployment of the product declares targets, the scope file does not say
/// where its endpoints are, so they are on every deployment. A finding on a component (or in a file) is on every
/// deployment: each runs the product's release.
/// </summary>
public sealed class EndpointPlacement(IReadOnlyList<ProductDeployment> deployments)
{
    private readonly bool _targeted = deployments.Any(d => d.Targets.Count > 0);

    public IReadOnlyList<ProductDeployment> DeploymentsOf(NetworkEndpoint? endpoint) =>
        endpoint is null || !_targeted ? deployments : [.. deployments.Where(d => d.Targets.Any(endpoint.IsCoveredBy))];

    /// <summary>Why the endpoint is (or is not) on the deployments it is on, for the graph's edges.</summary>
    public string Why(NetworkEndpoint endpoint, ProductDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(deployment);
        return !_targeted
            ? $"no deployment declares targets, so {endpoint.Name} may be on any"
            : $"its targets cover {endpoint.Name} ({string.Join(", ", deployment.Targets.Where(endpoint.IsCoveredBy).Select(t => t.Text))})";
    }
}
