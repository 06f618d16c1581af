namespace Ctem.Core.Scoping;

/// <summary>How reachable a product is, from its declared deployments.</summary>
public enum Exposure
{
    /// <summary>The scope file does not declare the product or any of its deployments.</summary>
    Unknown = 0,

    /// <summary>Every declared deployment is internal.</summary>
    Internal,

    /// <summary>Reachable from the internet, but only outside production (staging, test, development).</summary>
    InternetFacingNonProduction,

    /// <summary>A production deployment is reachable from the internet.</summary>
    InternetFacingProduction,
}

/// <summary>
/// The business context of one product as the risk score uses it, taken from the scope file when the product is declared
/// there. Stored with the product at each scan, so findings can be re-assessed when the feeds change without the file.
/// </summary>
public sealed record ProductRiskContext(
    string Product,
    bool Declared,
    Criticality Criticality,
    DataSensitivity DataSensitivity,
    bool CrownJewel,
    Exposure Exposure,
    IReadOnlyList<string> InternetFacingDeployments)
{
    /// <summary>The context of a product the scope file does not declare: nothing known, defaults assumed.</summary>
    public static ProductRiskContext Undeclared(string product) =>
        new(product, false, Criticality.Unspecified, DataSensitivity.Unspecified, false, Exposure.Unknown, []);

    public static ProductRiskContext From(ScopeProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var facing = product.Deployments.Where(d => d.InternetFacing).ToList();
        var exposure = product.Deployments.Count == 0 ? Exposure.Unknown
            : facing.Any(d => d.Environment == DeploymentEnvironment.Production) ? Exposure.InternetFacingProduction
            : facing.Count > 0 ? Exposure.InternetFacingNonProduction
            : Exposure.Internal;
        return new ProductRiskContext(
            product.Name, true, product.Criticality, product.DataSensitivity, product.CrownJewel, exposure, [.. facing.Select(d => d.Name)]);
    }
}
